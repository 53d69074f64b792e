/**
 * Pure rules for plans, goals and accommodations: what makes their values make sense, when a
 * review is due, and where the peer support has gaps. Plain data in, plain data out.
 */
import type { GoalInput, Measurement } from '../../contract';
import { daysBetween } from '../../contract/calendar';

export const DUE_SOON_DAYS = 30;

export interface PlanDates {
  startDate: string;
  endDate: string;
  annualReviewDue: string;
  reevaluationDue?: string | null;
}

/** Problems with a plan's dates, each in plain words; empty when they make sense. */
export function planDateProblems(plan: PlanDates & { type: 'iep' | '504' }): string[] {
  const problems: string[] = [];
  if (plan.endDate <= plan.startDate) problems.push('The plan must end after it starts.');
  if (plan.type === 'iep' && daysBetween(plan.startDate, plan.endDate) > 366) {
    problems.push('An IEP runs for a year at most; set the end date within a year of the start.');
  }
  if (plan.annualReviewDue < plan.startDate) problems.push('The annual review cannot be due before the plan starts.');
  if (plan.reevaluationDue && plan.reevaluationDue < plan.startDate)
    problems.push('The re-evaluation cannot be due before the plan starts.');
  return problems;
}

export interface DueWarning {
  kind: 'annual_review' | 'reevaluation';
  due: string;
  severity: 'due_soon' | 'overdue';
  message: string;
}

/** Review and re-evaluation warnings for an active plan on `today`. */
export function dueWarnings(plan: PlanDates & { status: string }, today: string): DueWarning[] {
  if (plan.status !== 'active') return [];
  const items: { kind: DueWarning['kind']; due: string | null | undefined; label: string }[] = [
    { kind: 'annual_review', due: plan.annualReviewDue, label: 'Annual review' },
    { kind: 'reevaluation', due: plan.reevaluationDue, label: 'Re-evaluation' },
  ];
  const warnings: DueWarning[] = [];
  for (const { kind, due, label } of items) {
    if (!due) continue;
    const days = daysBetween(today, due);
    if (days < 0) warnings.push({ kind, due, severity: 'overdue', message: `${label} was due on ${due} (${-days} days ago).` });
    else if (days <= DUE_SOON_DAYS)
      warnings.push({ kind, due, severity: 'due_soon', message: `${label} is due on ${due} (in ${days} days).` });
  }
  return warnings;
}

/** The range a goal's values must fall in, by measurement type. */
export function valueRange(measurement: Measurement, scaleMax: number | null | undefined): { min: number; max: number } | null {
  switch (measurement) {
    case 'percent':
    case 'intervals':
      return { min: 0, max: 100 };
    case 'rubric':
    case 'trials':
      return scaleMax ? { min: 0, max: scaleMax } : null;
    case 'frequency':
    case 'duration':
      return { min: 0, max: Number.POSITIVE_INFINITY };
  }
}

const UNIT: Record<Measurement, string> = {
  percent: 'a percent',
  intervals: 'a percent of intervals',
  rubric: 'a rubric level',
  trials: 'a number of correct trials',
  frequency: 'a count',
  duration: 'a duration in minutes',
};

type GoalValues = Pick<GoalInput, 'measurement' | 'baseline' | 'target' | 'endDate' | 'reportingPeriods'> & { scaleMax?: number | null };

/** Problems with a goal's values against its plan, each in plain words. */
export function goalProblems(goal: GoalValues, plan: Pick<PlanDates, 'startDate' | 'endDate'>): string[] {
  const problems: string[] = [];
  if ((goal.measurement === 'rubric' || goal.measurement === 'trials') && !goal.scaleMax) {
    problems.push(
      goal.measurement === 'rubric' ? 'Give the top rubric level (for example 4).' : 'Give the number of trials (the N in "correct of N").',
    );
  }
  if (goal.measurement === 'trials' && goal.scaleMax && !Number.isInteger(goal.scaleMax))
    problems.push('The number of trials must be a whole number.');
  const range = valueRange(goal.measurement, goal.scaleMax);
  if (range) {
    for (const [label, value] of [
      ['baseline', goal.baseline],
      ['target', goal.target],
    ] as const) {
      if (value < range.min || value > range.max) {
        const upper = Number.isFinite(range.max) ? ` to ${range.max}` : ' or more';
        problems.push(`The ${label} is ${UNIT[goal.measurement]}: use ${range.min}${upper}.`);
      }
    }
  }
  if (goal.target === goal.baseline) problems.push('The target must differ from the baseline, or there is nothing to measure.');
  if (goal.endDate < plan.startDate || goal.endDate > plan.endDate) {
    problems.push(`The goal's end date must fall inside the plan (${plan.startDate} to ${plan.endDate}).`);
  }
  for (const period of goal.reportingPeriods ?? []) {
    if (period.endsOn < plan.startDate || period.endsOn > plan.endDate)
      problems.push(`Reporting period "${period.label}" ends outside the plan.`);
  }
  return problems;
}

export function accommodationDateProblems(
  dates: { startDate: string; endDate: string },
  plan: Pick<PlanDates, 'startDate' | 'endDate'>,
): string[] {
  const problems: string[] = [];
  if (dates.endDate < dates.startDate) problems.push('The accommodation must end on or after it starts.');
  if (dates.startDate < plan.startDate || dates.endDate > plan.endDate) {
    problems.push(`The accommodation's dates must fall inside the plan (${plan.startDate} to ${plan.endDate}).`);
  }
  return problems;
}

/** Goals no accommodation serves and accommodations serving no goal. */
export function supportGaps(
  goalIds: readonly string[],
  accommodationIds: readonly string[],
  links: readonly { goalId: string; accommodationId: string }[],
) {
  const servedGoals = new Set(links.map((link) => link.goalId));
  const servingAccommodations = new Set(links.map((link) => link.accommodationId));
  return {
    goalsWithoutSupport: goalIds.filter((id) => !servedGoals.has(id)),
    accommodationsWithoutGoal: accommodationIds.filter((id) => !servingAccommodations.has(id)),
  };
}
