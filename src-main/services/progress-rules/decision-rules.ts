/**
 * The decision rules progress monitoring uses: the last four points all behind the aim line →
 * consider changing the support; all ahead → consider raising the goal; no data for weeks → the
 * goal is not being measured. Each flag carries its rule id (for the catalog) and facts.
 */

import { dayNumber } from '../../contract/calendar';
import { ahead, aimLine, type GoalSpan } from './aim';
import { valueAt } from './trend';

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

export const RUN_LENGTH = 4;
export const DEFAULT_NO_DATA_WEEKS = 3;

export function byDate(points: readonly ProgressPointValue[]): ProgressPointValue[] {
  return [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function decisionFlags(
  goal: GoalSpan,
  points: readonly ProgressPointValue[],
  today: string,
  noDataWeeks: number = DEFAULT_NO_DATA_WEEKS,
): GoalFlag[] {
  const flags: GoalFlag[] = [];
  const sorted = byDate(points).filter((point) => point.date <= today);
  const aim = aimLine(goal);
  const lastRun = sorted.slice(-RUN_LENGTH);
  if (lastRun.length === RUN_LENGTH) {
    const positions = lastRun.map((point) => ahead(goal, point.value, valueAt(aim, dayNumber(point.date))));
    const since = lastRun[0]?.date ?? null;
    if (positions.every((position) => position < 0)) {
      flags.push({
        rule: 'behind_aim',
        since,
        message: `The last ${RUN_LENGTH} points are behind the aim line: consider changing the support.`,
      });
    } else if (positions.every((position) => position > 0)) {
      flags.push({
        rule: 'ahead_of_aim',
        since,
        message: `The last ${RUN_LENGTH} points are ahead of the aim line: consider raising the goal.`,
      });
    }
  }
  const started = dayNumber(today) - dayNumber(goal.startDate) >= noDataWeeks * 7;
  const last = sorted.at(-1);
  if (today <= goal.endDate && started && (!last || dayNumber(today) - dayNumber(last.date) > noDataWeeks * 7)) {
    flags.push({
      rule: 'no_recent_data',
      since: last?.date ?? null,
      message: `No progress data in the last ${noDataWeeks} weeks: the goal is not being measured.`,
    });
  }
  return flags;
}
