/**
 * The aim line runs from the baseline at the goal's start to the target at its end date. Whether
 * a point is "behind" or "ahead of" it depends on the goal's direction: for a goal to reduce
 * something (fewer outbursts), lower is better.
 */
import { dayNumber } from '../../contract/calendar';
import type { Line } from './trend';

export interface GoalSpan {
  baseline: number;
  target: number;
  /** When progress is measured from: the plan's start (or the baseline's date). */
  startDate: string;
  endDate: string;
}

export function aimLine(goal: GoalSpan): Line {
  const x0 = dayNumber(goal.startDate);
  const x1 = dayNumber(goal.endDate);
  const slope = x1 === x0 ? 0 : (goal.target - goal.baseline) / (x1 - x0);
  return { slope, intercept: goal.baseline - slope * x0 };
}

/** +1 when higher values are progress, -1 when lower ones are. */
export function direction(goal: Pick<GoalSpan, 'baseline' | 'target'>): 1 | -1 {
  return goal.target >= goal.baseline ? 1 : -1;
}

/** Positive when `value` is ahead of `reference` in the goal's direction, negative when behind. */
export function ahead(goal: Pick<GoalSpan, 'baseline' | 'target'>, value: number, reference: number): number {
  return direction(goal) * (value - reference);
}
