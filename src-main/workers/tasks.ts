/**
 * The named tasks a worker thread runs. The matching solver and the report renderer are pure
 * functions of the data the main thread sends. The program-wide caseload reads are different: at
 * district scale reading is the heavy part, so the thread reads the vault itself, over its own
 * read-only connection (vault-reader.ts), as the main session's acting user at the main session's
 * moment, and gives what the same service gives on the main thread.
 */

import type { CaseloadScope } from '../contract';
import { type RenderJob, renderReport } from '../reports/render';
import { caseloadDashboard, programHealth } from '../services/caseload/dashboard';
import type { Actor, ServiceContext } from '../services/context';
import type { MatchingProblem } from '../services/matching/problem';
import { solveMatching } from '../services/matching/solve';
import type { VaultAccess, VaultReader } from './vault-reader';

/** What a thread keeps between its tasks. */
export interface TaskThread {
  vault: VaultReader;
}

/** A read of the whole program, as the main session would make it. */
export interface ProgramRead {
  vault: VaultAccess;
  actor: Actor;
  /** The main session's clock, read once (epoch milliseconds). */
  now: number;
}

const PROGRAM: { scope: CaseloadScope } = { scope: { kind: 'program' } };

function readContext(read: ProgramRead, thread: TaskThread): ServiceContext {
  // The program-wide reads are closed to roles with a narrower reach (contract/permissions.ts), so a thread reads all.
  return { db: thread.vault.db(read.vault), actor: read.actor, reach: 'all', now: () => new Date(read.now) };
}

export const TASKS = {
  'matching.solve': (problem: MatchingProblem) => solveMatching(problem),
  'reports.render': (job: RenderJob) => renderReport(job),
  'caseload.programDashboard': (read: ProgramRead, thread: TaskThread) => caseloadDashboard(readContext(read, thread), PROGRAM),
  'health.programFlags': (read: ProgramRead, thread: TaskThread) => programHealth(readContext(read, thread), PROGRAM),
};

export type TaskName = keyof typeof TASKS;
export type TaskInput<N extends TaskName> = Parameters<(typeof TASKS)[N]>[0];
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<(typeof TASKS)[N]>>;
