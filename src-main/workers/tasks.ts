/**
 * The named tasks a worker thread runs: pure functions of structured-cloneable data, each already a
 * plain function elsewhere (the matching solver, the report renderer). A task never sees the vault:
 * the main thread reads what it needs and sends the data.
 */

import { type RenderJob, renderReport } from '../reports/render';
import type { MatchingProblem } from '../services/matching/problem';
import { solveMatching } from '../services/matching/solve';

export const TASKS = {
  'matching.solve': (problem: MatchingProblem) => solveMatching(problem),
  'reports.render': (job: RenderJob) => renderReport(job),
};

export type TaskName = keyof typeof TASKS;
export type TaskInput<N extends TaskName> = Parameters<(typeof TASKS)[N]>[0];
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<(typeof TASKS)[N]>>;
