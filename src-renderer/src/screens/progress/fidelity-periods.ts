/**
 * Which stretch of the plan the fidelity on an accommodation card counts: one of the plan's reporting
 * periods (from the goals' periods: each runs from the day after the one before, the first from the
 * plan's start) or the plan so far. The card opens on the period running today. Pure: ISO dates in,
 * ranges out.
 */
import { addDays } from '../../../../src-main/contract/calendar';

export interface FidelityRange {
  /** The period's end date, or PLAN_SO_FAR. */
  key: string;
  /** The period's name; null for the plan so far. */
  label: string | null;
  from: string;
  to: string;
}

export const PLAN_SO_FAR = 'plan-so-far';

// ISO dates compare as text; Math.min/max would turn them into NaN.
function earlier(a: string, b: string): string {
  return [a, b].sort()[0] ?? a;
}

function later(a: string, b: string): string {
  return [a, b].sort()[1] ?? a;
}

interface PlanDates {
  startDate: string;
  endDate: string;
}

/** Every period a goal of the plan names, one per end date, earliest first, as date ranges inside the plan. */
export function periodRanges(plan: PlanDates, periods: readonly { label: string; endsOn: string }[]): FidelityRange[] {
  const byEnd = new Map<string, string>();
  for (const period of periods) if (!byEnd.has(period.endsOn)) byEnd.set(period.endsOn, period.label);
  const ends = [...byEnd.keys()].sort();
  const ranges: FidelityRange[] = [];
  let from = plan.startDate;
  for (const endsOn of ends) {
    const to = earlier(endsOn, plan.endDate);
    if (to >= from) ranges.push({ key: endsOn, label: byEnd.get(endsOn) ?? endsOn, from, to });
    const next = addDays(endsOn, 1);
    if (next > from) from = next;
    if (from > plan.endDate) break;
  }
  return ranges;
}

/** From the plan's start to today, or to the plan's end once it is over. */
export function planSoFar(plan: PlanDates, today: string): FidelityRange {
  const to = earlier(today, plan.endDate);
  return { key: PLAN_SO_FAR, label: null, from: plan.startDate, to: later(to, plan.startDate) };
}

/** The plan's periods and then the plan so far: what the picker offers. */
export function fidelityRanges(plan: PlanDates, periods: readonly { label: string; endsOn: string }[], today: string): FidelityRange[] {
  return [...periodRanges(plan, periods), planSoFar(plan, today)];
}

/** The period running today; the plan so far when none is (no periods, or today is past them all). */
export function defaultRange(ranges: readonly FidelityRange[], today: string): FidelityRange | undefined {
  return (
    ranges.find((range) => range.key !== PLAN_SO_FAR && range.from <= today && today <= range.to) ??
    ranges.find((range) => range.key === PLAN_SO_FAR) ??
    ranges.at(-1)
  );
}

/** A range that starts after today has nothing to count yet (the service counts up to today). */
export function hasStarted(range: Pick<FidelityRange, 'from'>, today: string): boolean {
  return range.from <= today;
}
