/**
 * The one typed contract between the renderer and the services: every channel, its zod input schema
 * and its result schema. Main registers handlers from it, preload forwards `invoke`, the renderer
 * derives its client from it (type-only), the e2e host and the tests use it as is.
 * May import: zod only. Nothing Node- or DOM-specific (tsconfig.contract.json has neither).
 */
import type { z } from 'zod';
import { caseload } from './caseload';
import { files } from './files';
import { matching } from './matching';
import { meetings } from './meetings';
import { mentorActivity } from './mentor-activity';
import { mentors } from './mentors';
import { plans } from './plans';
import { progress } from './progress';
import { progressView } from './progress-view';
import { reports } from './reports';
import { roster } from './roster';
import { schoolCalendar } from './school-calendar';
import { settings } from './settings';
import { staff } from './staff';
import { students } from './students';
import { translations } from './translations';
import { vault } from './vault';

export const contract = {
  ...vault,
  ...settings,
  ...staff,
  ...students,
  ...plans,
  ...mentors,
  ...mentorActivity,
  ...roster,
  ...progress,
  ...progressView,
  ...caseload,
  ...reports,
  ...matching,
  ...files,
  ...meetings,
  ...schoolCalendar,
  ...translations,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

/**
 * The channels only the command line's dispatch answers (marked `commandLineOnly`): they read or
 * write a path given on the command line. Every other dispatch (IPC, the e2e host) refuses them.
 */
export const COMMAND_LINE_CHANNELS: ReadonlySet<Channel> = new Set(CHANNELS.filter((channel) => 'commandLineOnly' in contract[channel]));

export * from './caseload';
export * from './common';
export * from './errors';
export * from './files';
export * from './mastery';
export * from './matching';
export * from './meetings';
export * from './mentor-activity';
export * from './mentors';
export * from './permissions';
export * from './plans';
export * from './progress';
export * from './progress-view';
export * from './reports';
export * from './roster';
export * from './school-calendar';
export * from './school-year';
export * from './settings';
export * from './staff';
export * from './students';
export * from './translations';
export * from './vault';
