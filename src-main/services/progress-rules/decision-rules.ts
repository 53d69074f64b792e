/**
 * The decision-rule flags, derived from the goal's judgement (judgement.ts) so they cannot disagree
 * with it: the last 4 points all behind the aim line while the goal is not likely to be met →
 * consider changing the support; all ahead while it is likely to be met → consider a more ambitious
 * goal; no data for weeks while the goal runs → it is not being measured. "Behind" and "ahead" are
 * in the goal's direction (for a goal to reduce something, lower is ahead).
 */
import { dayNumber } from '../../contract/calendar';
import type { GoalJudgement } from '../../contract/progress-view';
import { RUN_LENGTH } from './judgement';

export interface ProgressPointValue {
  date: string;
  value: number;
}

export type GoalFlagRule = 'behind_aim' | 'ahead_of_aim' | 'no_recent_data';

export interface GoalFlag {
  rule: GoalFlagRule;
  /** The first point of the run, or the last point taken. */
  since: string | null;
  /** What the rule suggests, in one plain sentence. */
  message: string;
}

export const DEFAULT_NO_DATA_WEEKS = 3;

/** Stable: points of one date keep the order they came in (entry order). */
export function byDate(points: readonly ProgressPointValue[]): ProgressPointValue[] {
  return [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function judgementFlags(judgement: GoalJudgement, noDataWeeks: number = DEFAULT_NO_DATA_WEEKS): GoalFlag[] {
  const flags: GoalFlag[] = [];
  const { lastFour, status } = judgement;
  if (lastFour?.position === 'behind' && (status === 'unlikely' || status === 'unclear')) {
    flags.push({
      rule: 'behind_aim',
      since: lastFour.since,
      message: `The last ${RUN_LENGTH} points are all behind the aim line and the goal is ${status === 'unlikely' ? 'unlikely' : 'not clearly likely'} to be met: consider changing the support.`,
    });
  }
  if (lastFour?.position === 'ahead' && status === 'likely') {
    flags.push({
      rule: 'ahead_of_aim',
      since: lastFour.since,
      message: `The last ${RUN_LENGTH} points are all ahead of the aim line and the goal is likely to be met: consider a more ambitious goal.`,
    });
  }
  const running = judgement.asOf <= judgement.goal.endDate;
  const started = dayNumber(judgement.asOf) - dayNumber(judgement.aimStartsOn) >= noDataWeeks * 7;
  const latest = judgement.latest;
  if (running && started && (!latest || dayNumber(judgement.asOf) - dayNumber(latest.date) > noDataWeeks * 7)) {
    flags.push({
      rule: 'no_recent_data',
      since: latest?.date ?? null,
      message: `No progress data in the last ${noDataWeeks} weeks: the goal is not being measured.`,
    });
  }
  return flags;
}
