/**
 * The one verdict on a goal as of a day. Everything a team reads about a goal's progress derives
 * from it: the flags, the suggested level, the caseload status, the sentence. Pure; the rules and
 * their sources are written up in docs/progress-rules.md, in the words used here.
 *
 * Only the current version's points count (an amended goal has a new baseline and target; the
 * earlier version's points belong to the earlier phase), and only those up to `asOf`, and for an
 * ended goal those up to its end date.
 */
import { dayNumber, weekday } from '../../contract/calendar';
import type { MasteryCriterion } from '../../contract/mastery';
import type { GoalJudgement } from '../../contract/progress-view';
import { aimLine } from './aim';
import type { ProgressPointValue } from './decision-rules';
import { type Line, type TrendMethod, trendLine, valueAt } from './trend';

/** Distinct weeks with data before any trend is judged (Christ et al. 2013; docs/progress-rules.md). */
export const WEEKS_NEEDED = 6;
/** The NCII four-point rule looks at exactly the last 4 points. */
export const RUN_LENGTH = 4;
/** "Recent" is the last 3 points: their median is what the team reads as "where the student is now". */
export const RECENT_POINTS = 3;
/** The method the simulation in scripts/trend-evidence.ts chose (docs/progress-rules.md). */
export const JUDGEMENT_METHOD: TrendMethod = 'ols';

export interface JudgementInput {
  asOf: string;
  goal: { baseline: number; target: number; endDate: string };
  /** The current version's start (the plan's start, or the amendment's). */
  versionStart: string;
  /** When the aim line starts: the later of `versionStart` and the first school day. */
  aimStart: string;
  /** In date order, then entry order (services/progress/points.ts); any version, any date. */
  points: readonly ProgressPointValue[];
  mastery: MasteryCriterion;
  /** The range the measurement allows: a projection and its band never go beyond it. */
  bounds: { min: number; max: number };
  method?: TrendMethod;
}

/** Comparisons are made with this slack so that a mirrored goal (c − value) is judged the same way. */
const EPS = 1e-9;

/** Two-sided 95 % quantiles of Student's t for 1–30 degrees of freedom, then 40, 60, 120 and ∞. */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
function t95(df: number): number {
  if (df <= 30) return T95[df - 1] ?? Number.POSITIVE_INFINITY;
  // Rounding the degrees of freedom down to the next tabled value keeps the band on the wide side.
  if (df < 40) return 2.042;
  if (df < 60) return 2.021;
  if (df < 120) return 2.0;
  return 1.98;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The Monday of a date's week, as a day number. */
function weekOf(date: string): number {
  return dayNumber(date) - ((weekday(date) + 6) % 7);
}

/** Stable: points of one date keep the order they came in (entry order). */
function inDateOrder(points: readonly ProgressPointValue[]): ProgressPointValue[] {
  return [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** k of the last n points at or beyond the target; when consecutive, k of them in a row. */
export function masteryMet(values: readonly number[], reached: (value: number) => boolean, criterion: MasteryCriterion): boolean {
  if (values.length < criterion.n) return false;
  const last = values.slice(-criterion.n).map(reached);
  if (!criterion.consecutive) return last.filter(Boolean).length >= criterion.k;
  let run = 0;
  for (const hit of last) {
    run = hit ? run + 1 : 0;
    if (run >= criterion.k) return true;
  }
  return false;
}

/** The trend's value at `x` with its 95 % band for the mean, from the residuals about the chosen line. */
function band(line: Line, xy: readonly { x: number; y: number }[], x: number): { value: number; half: number } {
  const n = xy.length;
  const value = valueAt(line, x);
  const meanX = xy.reduce((sum, p) => sum + p.x, 0) / n;
  const sxx = xy.reduce((sum, p) => sum + (p.x - meanX) ** 2, 0);
  const sse = xy.reduce((sum, p) => sum + (p.y - valueAt(line, p.x)) ** 2, 0);
  if (n < 3 || sxx === 0) return { value, half: Number.POSITIVE_INFINITY };
  const s = Math.sqrt(sse / (n - 2));
  return { value, half: t95(n - 2) * s * Math.sqrt(1 / n + (x - meanX) ** 2 / sxx) };
}

export function judgeGoal(input: JudgementInput): GoalJudgement {
  const { asOf, goal, mastery, bounds } = input;
  const method = input.method ?? JUDGEMENT_METHOD;
  const sign = goal.target >= goal.baseline ? 1 : -1;
  const direction = sign === 1 ? 'increase' : 'decrease';
  const ended = goal.endDate < asOf;
  const until = ended ? goal.endDate : asOf;
  const points = inDateOrder(input.points.filter((point) => point.date >= input.versionStart && point.date <= until));
  const values = points.map((point) => point.value);
  const reached = (value: number) => sign * (value - goal.target) >= -EPS;
  const aim = aimLine({ baseline: goal.baseline, target: goal.target, startDate: input.aimStart, endDate: goal.endDate });
  const aimAt = (date: string) => valueAt(aim, Math.min(dayNumber(date), dayNumber(goal.endDate)));
  const last = points.at(-1);
  const weeks = { withData: new Set(points.map((point) => weekOf(point.date))).size, needed: WEEKS_NEEDED };
  const recentMedian = median(values.slice(-RECENT_POINTS));
  const runPoints = points.slice(-RUN_LENGTH);
  const positions = runPoints.map((point) => sign * (point.value - aimAt(point.date)));
  const lastFour: GoalJudgement['lastFour'] =
    runPoints.length === RUN_LENGTH && runPoints[0]
      ? {
          since: runPoints[0].date,
          position: positions.every((p) => p < -EPS) ? 'behind' : positions.every((p) => p > EPS) ? 'ahead' : 'mixed',
        }
      : null;

  const xy = points.map((point) => ({ x: dayNumber(point.date), y: point.value }));
  const line = weeks.withData >= WEEKS_NEEDED ? trendLine(xy, method) : null;
  const clamp = (value: number) => Math.min(bounds.max, Math.max(bounds.min, value));
  const fit = line ? band(line, xy, dayNumber(goal.endDate)) : null;
  const projection = fit ? { value: clamp(fit.value), low: clamp(fit.value - fit.half), high: clamp(fit.value + fit.half) } : null;
  const masteredNow = masteryMet(values, reached, mastery);
  const gained = recentMedian !== null && sign * (recentMedian - goal.baseline) > EPS;

  const base = {
    asOf,
    weeks,
    points: points.length,
    latest: last ? { date: last.date, value: last.value } : null,
    recentMedian,
    expectedNow: asOf < input.aimStart ? null : aimAt(asOf),
    goal: { target: goal.target, endDate: goal.endDate, baseline: goal.baseline, direction },
    aimStartsOn: input.aimStart,
    projection: projection && { value: round(projection.value), low: round(projection.low), high: round(projection.high) },
    perWeek: line ? round(line.slope * 7) : null,
    method,
    mastery: { ...mastery },
    lastFour,
  } as const;
  const atOrBeyond = sign === 1 ? 'at or above' : 'at or below';
  const target = `the target of ${goal.target}`;
  const criterion = `${mastery.k} of the last ${mastery.n} points${mastery.consecutive ? ' in a row' : ''} ${atOrBeyond} ${target}`;

  if (!last || recentMedian === null) {
    return {
      ...base,
      status: 'no_data',
      suggestedLevel: 'not_introduced',
      reason: 'No progress data has been recorded for this goal yet.',
    };
  }
  if (ended) {
    const met = masteredNow || reached(recentMedian);
    return {
      ...base,
      status: met ? 'met' : 'not_met',
      suggestedLevel: met ? 'mastered' : gained ? 'insufficient' : 'no_progress',
      reason: met
        ? `Met by the end date ${goal.endDate}: ${masteredNow ? criterion : `the median of the last ${RECENT_POINTS} points, ${round(recentMedian)}, was ${atOrBeyond} ${target}`}.`
        : `Not met by the end date ${goal.endDate}: the median of the last ${RECENT_POINTS} points was ${round(recentMedian)}, short of ${target}.`,
    };
  }
  if (masteredNow) {
    return { ...base, status: 'mastered', suggestedLevel: 'mastered', reason: `Mastered: ${criterion}.` };
  }
  if (!projection) {
    return {
      ...base,
      status: 'not_enough_data',
      suggestedLevel: 'not_introduced',
      reason: `Not enough data yet: ${weeks.withData} of ${WEEKS_NEEDED} weeks with data; the trend is judged from ${WEEKS_NEEDED} weeks on.`,
    };
  }
  // Direction-aware: the band's worst and best ends for this goal.
  const worst = sign === 1 ? projection.low : projection.high;
  const best = sign === 1 ? projection.high : projection.low;
  const toward = line !== null && sign * line.slope > EPS;
  const said = `the trend reaches ${round(projection.value)} by ${goal.endDate} (95 % band ${round(projection.low)} to ${round(projection.high)})`;
  if (reached(worst)) {
    return {
      ...base,
      status: 'likely',
      suggestedLevel: 'sufficient',
      reason: `Likely to meet the goal: ${said}, all of it ${atOrBeyond} ${target}.`,
    };
  }
  if (!reached(best)) {
    return {
      ...base,
      status: 'unlikely',
      suggestedLevel: toward ? 'insufficient' : 'no_progress',
      reason: `Unlikely to meet the goal: ${said}, all of it short of ${target}${toward ? '' : '; the trend is flat or moving away from it'}.`,
    };
  }
  return {
    ...base,
    status: 'unclear',
    // The band includes the target either way: the projection itself suggests, the team decides.
    suggestedLevel: reached(projection.value) ? 'sufficient' : toward ? 'insufficient' : 'no_progress',
    reason: `Unclear whether the goal will be met: ${said}, a band that includes ${target}.`,
  };
}
