/**
 * A suggested progress level for a reporting period, from the points up to the period's end: the
 * trend projected to the goal's end date against the target (or, with too few points, the latest
 * point against the aim line). The case manager confirms or overrides it; each state's code set
 * maps these levels to its own words. `explanation` says the rule in one sentence.
 */

import { dayNumber } from '../../contract/calendar';
import { ahead, aimLine, type GoalSpan } from './aim';
import { byDate, type ProgressPointValue } from './decision-rules';
import { type TrendMethod, trendLine, valueAt } from './trend';

export const PROGRESS_LEVELS = ['mastered', 'sufficient', 'insufficient', 'no_progress', 'not_introduced'] as const;
export type ProgressLevel = (typeof PROGRESS_LEVELS)[number];

export interface ProgressSuggestion {
  level: ProgressLevel;
  /** Will the goal be met by its end date at this rate? Null when there is nothing to judge by. */
  sufficient: boolean | null;
  explanation: string;
  /** Points used, the latest value, and the value the trend projects at the goal's end date. */
  facts: { points: number; latest: number | null; projected: number | null };
}

export const MASTERY_RUN = 3;
const TREND_MINIMUM = 3;

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * `bounds` is the range the measurement allows (a percent stops at 100): a projection is never
 * reported beyond it, however steep the trend.
 */
export function suggestProgress(
  goal: GoalSpan,
  allPoints: readonly ProgressPointValue[],
  periodEnd: string,
  method: TrendMethod = 'theil_sen',
  bounds: { min: number; max: number } = { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY },
): ProgressSuggestion {
  const points = byDate(allPoints).filter((point) => point.date <= periodEnd);
  const latest = points.at(-1)?.value ?? null;
  if (points.length === 0 || latest === null) {
    return {
      level: 'not_introduced',
      sufficient: null,
      explanation: 'No data was collected for this goal by the end of the period.',
      facts: { points: 0, latest: null, projected: null },
    };
  }
  const lastRun = points.slice(-MASTERY_RUN);
  if (lastRun.length === MASTERY_RUN && lastRun.every((point) => ahead(goal, point.value, goal.target) >= 0)) {
    return {
      level: 'mastered',
      sufficient: true,
      explanation: `The last ${MASTERY_RUN} points met the target of ${goal.target}.`,
      facts: { points: points.length, latest, projected: null },
    };
  }
  const needed = ahead(goal, goal.target, goal.baseline);
  const line =
    points.length >= TREND_MINIMUM
      ? trendLine(
          points.map((p) => ({ x: dayNumber(p.date), y: p.value })),
          method,
        )
      : null;
  if (line) {
    // Compared as shown (one decimal), so a projection printed as the target counts as reaching it.
    const projected = round(Math.min(bounds.max, Math.max(bounds.min, valueAt(line, dayNumber(goal.endDate)))));
    const gain = ahead(goal, projected, goal.baseline);
    const facts = { points: points.length, latest, projected };
    if (gain >= needed) {
      return {
        level: 'sufficient',
        sufficient: true,
        explanation: `At the current trend the goal will be met by ${goal.endDate} (about ${projected}).`,
        facts,
      };
    }
    if (gain <= 0) {
      return { level: 'no_progress', sufficient: false, explanation: 'The trend is flat or moving away from the target.', facts };
    }
    return {
      level: 'insufficient',
      sufficient: false,
      explanation: `At the current trend it will reach about ${projected} by ${goal.endDate}, short of the target of ${goal.target}.`,
      facts,
    };
  }
  const last = points.at(-1) as ProgressPointValue;
  const position = ahead(goal, last.value, valueAt(aimLine(goal), dayNumber(last.date)));
  const facts = { points: points.length, latest, projected: null };
  const few = `With fewer than ${TREND_MINIMUM} points, the latest point is compared with the aim line`;
  if (position >= 0) return { level: 'sufficient', sufficient: true, explanation: `${few}: it is on or ahead of it.`, facts };
  if (ahead(goal, last.value, goal.baseline) > 0)
    return { level: 'insufficient', sufficient: false, explanation: `${few}: it is behind it.`, facts };
  return { level: 'no_progress', sufficient: false, explanation: `${few}: it is no better than the baseline.`, facts };
}
