/**
 * The demo generator: options in, rows out, nothing else read (no clock, no Math.random, no vault).
 * It runs as a list of steps that each add one family of records, reading what earlier steps made
 * (the story step also edits a few, only as the app itself could: a lowered cap, a renewed training,
 * a withdrawal dated ahead); each step has its own random stream, so adding one leaves the others'
 * draws alone. What happened over the weeks (sessions, progress points, check-ins) is too much to
 * hold at district scale: `demoActivity` makes it lazily from the finished world, a student at a time.
 */

import { addDays } from '../../contract/calendar';
import { AppError } from '../../contract/errors';
import { makeAssignments, makeRecognition } from './assignments';
import { makeCalendars } from './calendars';
import { makeMentors } from './mentors';
import { DemoOptions, type DemoOptionsInput, type DemoOptionsValue, type DemoProgram, type DemoWorld, emptyProgram } from './model';
import { makeStaff, makeStudents } from './people';
import { makePlans } from './plans';
import { Streams } from './prng';
import { districtSchools } from './school';
import { castStories } from './stories';

export type DemoStep = (world: DemoWorld) => void;

/** In order: each step may read what the ones before it made. */
export const DEMO_STEPS: readonly (readonly [string, DemoStep])[] = [
  ['calendars', makeCalendars],
  ['staff', makeStaff],
  ['students', makeStudents],
  ['plans', makePlans],
  ['mentors', makeMentors],
  ['assignments', makeAssignments],
  ['stories', castStories],
  ['recognition', makeRecognition],
];

/** Options as given, with defaults; a bad value is an `invalid_input` error naming the option. */
export function resolveDemoOptions(input: DemoOptionsInput = {}): DemoOptionsValue {
  const parsed = DemoOptions.safeParse(input);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
      .join('; ');
    throw new AppError('invalid_input', `Demo data options: ${detail}`);
  }
  return parsed.data;
}

/** Runs the steps; `extraSteps` (a kind of record still in the making, or a test) run after the standard ones. */
export function buildDemoWorld(input: DemoOptionsInput = {}, extraSteps: readonly DemoStep[] = []): DemoWorld {
  const options = resolveDemoOptions(input);
  const streams = new Streams(options.seed);
  const world: DemoWorld = {
    options,
    streams,
    schools: typeof options.schools === 'number' ? districtSchools(streams.stream('schools'), options.schools) : options.schools,
    startDate: options.startDate,
    asOf: addDays(options.startDate, options.weeks * 7),
    rows: emptyProgram(),
    calendars: [],
    studentNumberOffset: 0,
    staff: [],
    students: [],
    accommodations: [],
    mentors: [],
    story: { profiles: [], oneSided: new Set(), neverInitiate: new Set(), burnout: null },
  };
  for (const [, step] of DEMO_STEPS) step(world);
  for (const step of extraSteps) step(world);
  return world;
}

/** The rows of a synthetic school program, the same for the same options. */
export function generateDemoProgram(input: DemoOptionsInput = {}): DemoProgram {
  return buildDemoWorld(input).rows;
}
