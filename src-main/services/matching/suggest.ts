/**
 * `matching.suggest`: the best plan for every open seat of the program on a date, with reasons and
 * the seats left open with why. Reads only; nothing is written until the team accepts.
 */
import type { MatchMode, MatchRun } from '../../contract/matching';
import { type ServiceContext, today } from '../context';
import { loadProblem } from './facts';
import type { MatchingProblem, MatchingResult } from './problem';
import { solveMatching } from './solve';
import { readMatchingWeights } from './weights';

/** Where the plan is solved: in this thread, or (the app) in a worker thread, given only the problem's data. */
export type SolveMatching = (problem: MatchingProblem) => MatchingResult | Promise<MatchingResult>;

export async function suggestMatches(
  ctx: ServiceContext,
  input: { startDate?: string | undefined; mode: MatchMode },
  solve: SolveMatching = solveMatching,
): Promise<MatchRun> {
  const date = input.startDate ?? today(ctx);
  const weights = readMatchingWeights(ctx.db);
  // One transaction: every fact the plan rests on is read from the same moment of the vault.
  const { problem, keptPairs } = ctx.db.transaction((tx) => loadProblem(tx, { date, mode: input.mode, weights }));
  return { startDate: date, mode: input.mode, weights, ...(await solve(problem)), keptPairs };
}
