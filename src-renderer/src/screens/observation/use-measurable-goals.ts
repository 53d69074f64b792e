/**
 * The goals of the student's active plans that an observation can measure, each named as the plan
 * page names it ("Goal 2: Social-emotional", with the plan's title when the student has more than
 * one active plan), and the classes of the plans' peer supports as suggestions for the setting.
 * Reads through the same `plans.get` queries as the plan page, so both share one cache.
 */
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Goal, Plan } from '../../../../src-main/contract';
import { queryKey, useApi, useApiQuery } from '../../api-client/react';
import { usePlanTitle } from '../plans/plan-labels';
import { canMeasure } from './goal-measures';

export interface MeasurableGoal {
  goal: Goal;
  plan: Plan;
  /** "Goal 2: Social-emotional" (prefixed by the plan's title when there are several plans). */
  name: string;
  /** The name with the start of the statement, for the set-up checkbox. */
  choiceLabel: string;
}

export interface StudentGoals {
  isPending: boolean;
  error: Error | null;
  goals: MeasurableGoal[];
  settings: string[];
}

export function useMeasurableGoals(studentId: string): StudentGoals {
  const { t } = useTranslation();
  const api = useApi();
  const planTitle = usePlanTitle();
  const plans = useApiQuery('plans.listForStudent', { studentId });
  const active = (plans.data ?? []).filter((plan) => plan.status === 'active');
  const details = useQueries({
    queries: active.map((plan) => ({
      queryKey: queryKey('plans.get', { id: plan.id }),
      queryFn: () => api('plans.get', { id: plan.id }),
    })),
  });
  const goals: MeasurableGoal[] = [];
  const settings = new Set<string>();
  for (const detail of details) {
    if (!detail.data) continue;
    const { plan } = detail.data;
    for (const accommodation of detail.data.accommodations) settings.add(accommodation.settingClass);
    detail.data.goals.forEach((goal, index) => {
      if (!canMeasure(goal)) return;
      const own = t('goals.name', { number: index + 1, area: t(`goals.areas.${goal.area}`) });
      const name = active.length > 1 ? `${planTitle(plan)}: ${own}` : own;
      goals.push({ goal, plan, name, choiceLabel: t('goals.withStatement', { name, statement: excerpt(goal.statement) }) });
    });
  }
  return {
    isPending: plans.isPending || details.some((detail) => detail.isPending),
    error: plans.error ?? details.find((detail) => detail.error)?.error ?? null,
    goals,
    settings: [...settings].sort(),
  };
}

/** The start of a long statement, for a checkbox label; the full text is on the plan page. */
function excerpt(text: string, length = 70): string {
  return text.length <= length ? text : `${text.slice(0, length).replace(/\s+\S*$/, '')}…`;
}
