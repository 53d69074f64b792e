/**
 * The goal form's content as typed (numbers stay text until saved, so "8o" is shown back, not lost),
 * its defaults, and its conversion to what the contract takes.
 */
import type { Goal, InputOf, Measurement, Plan } from '../../../../src-main/contract';
import { addDays, addMonths } from '../../../../src-main/contract/calendar';

type GoalArea = Goal['area'];

export interface PeriodDraft {
  key: number;
  label: string;
  endsOn: string;
}

export interface ObjectiveDraft {
  key: number;
  text: string;
}

/** The structured mastery criterion as typed: k of the last n points, in a row or not. */
export interface MasteryDraft {
  k: string;
  n: string;
  consecutive: boolean;
}

export interface GoalDraft {
  area: GoalArea | '';
  statement: string;
  measurement: Measurement;
  scaleMax: string;
  baseline: string;
  target: string;
  criterion: string;
  measuredEvery: string;
  endDate: string;
  reportingPeriods: PeriodDraft[];
  objectives: ObjectiveDraft[];
  /** The statement as the team translated it for families, by language code (the form offers Spanish). */
  translations: Record<string, string>;
  /** Null: the progress rules read the criterion from its words. */
  mastery: MasteryDraft | null;
}

/** Measurements whose values are out of a top number the goal states (rubric levels, trials). */
export const SCALED: ReadonlySet<Measurement> = new Set(['rubric', 'trials']);
/** Measurements that are percents, 0 to 100. */
export const PERCENT: ReadonlySet<Measurement> = new Set(['percent', 'intervals']);

/** Four quarters across the plan, as most schools send progress marks home with report cards. */
export function quarterPeriods(plan: Pick<Plan, 'startDate' | 'endDate'>, label: (quarter: number) => string): PeriodDraft[] {
  return [1, 2, 3, 4].map((quarter) => {
    const end = addDays(addMonths(plan.startDate, quarter * 3), -1);
    return { key: quarter, label: label(quarter), endsOn: end > plan.endDate || quarter === 4 ? plan.endDate : end };
  });
}

export function newGoalDraft(plan: Pick<Plan, 'startDate' | 'endDate'>, periods: PeriodDraft[], measuredEvery: string): GoalDraft {
  return {
    area: '',
    statement: '',
    measurement: 'percent',
    scaleMax: '',
    baseline: '',
    target: '',
    criterion: '',
    measuredEvery,
    endDate: plan.endDate,
    reportingPeriods: periods,
    objectives: [],
    translations: {},
    mastery: null,
  };
}

export function goalDraftFrom(goal: Goal): GoalDraft {
  return {
    area: goal.area,
    statement: goal.statement,
    measurement: goal.measurement,
    scaleMax: goal.scaleMax === null ? '' : String(goal.scaleMax),
    baseline: String(goal.baseline),
    target: String(goal.target),
    criterion: goal.criterion,
    measuredEvery: goal.measuredEvery,
    endDate: goal.endDate,
    reportingPeriods: goal.reportingPeriods.map((period, index) => ({ key: index, ...period })),
    objectives: goal.objectives.map((text, index) => ({ key: index, text })),
    translations: { ...goal.statementTranslations },
    mastery: goal.mastery ? { k: String(goal.mastery.k), n: String(goal.mastery.n), consecutive: goal.mastery.consecutive } : null,
  };
}

export function nextKey(rows: readonly { key: number }[]): number {
  return rows.reduce((max, row) => Math.max(max, row.key), -1) + 1;
}

/** A number as typed, or NaN when it is not one. */
export function parseNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim());
}

/** What the contract takes for a goal; `area` is passed apart because the form only sends once one is chosen. */
export function goalFields(draft: GoalDraft, area: GoalArea): Omit<InputOf<'goals.create'>, 'planId'> {
  return {
    area,
    statement: draft.statement.trim(),
    measurement: draft.measurement,
    scaleMax: SCALED.has(draft.measurement) ? parseNumber(draft.scaleMax) : undefined,
    baseline: parseNumber(draft.baseline),
    target: parseNumber(draft.target),
    criterion: draft.criterion.trim(),
    measuredEvery: draft.measuredEvery.trim(),
    endDate: draft.endDate,
    reportingPeriods: draft.reportingPeriods.map((period) => ({ label: period.label.trim(), endsOn: period.endsOn })),
    objectives: draft.objectives.map((objective) => objective.text.trim()).filter(Boolean),
    mastery: draft.mastery
      ? { k: parseNumber(draft.mastery.k), n: parseNumber(draft.mastery.n), consecutive: draft.mastery.consecutive }
      : null,
    // An emptied translation is removed; translations the form does not show are kept as they were.
    statementTranslations: Object.fromEntries(
      Object.entries(draft.translations)
        .map(([language, text]) => [language, text.trim()])
        .filter(([, text]) => text !== ''),
    ),
  };
}
