/** How a plan, a goal and an accommodation are named on screen, the same everywhere on the plan page. */
import { useTranslation } from 'react-i18next';
import type { Accommodation, Goal, Plan, PlanDetail } from '../../../../src-main/contract';

export function usePlanTitle(): (plan: Pick<Plan, 'type' | 'version'>) => string {
  const { t } = useTranslation();
  return (plan) => t('plans.title', { type: t(`plans.types.${plan.type}`), version: plan.version });
}

/** "Goal 2: Math": goals are numbered in the order they were written, as on the IEP form. */
export function useGoalName(detail: Pick<PlanDetail, 'goals'>): (goal: Pick<Goal, 'id' | 'area'>) => string {
  const { t } = useTranslation();
  return (goal) =>
    t('goals.name', { number: detail.goals.findIndex((other) => other.id === goal.id) + 1, area: t(`goals.areas.${goal.area}`) });
}

/** "Goal 2: Math — Maya will explain her steps…", for a checkbox that links the goal. */
export function useGoalChoiceLabel(detail: Pick<PlanDetail, 'goals'>): (goal: Pick<Goal, 'id' | 'area' | 'statement'>) => string {
  const { t } = useTranslation();
  const goalName = useGoalName(detail);
  return (goal) => t('goals.withStatement', { name: goalName(goal), statement: excerpt(goal.statement) });
}

/** "Peer tutor in Math 7". */
export function useAccommodationName(): (accommodation: Pick<Accommodation, 'role' | 'settingClass'>) => string {
  const { t } = useTranslation();
  return (accommodation) =>
    t('accommodations.name', { role: t(`accommodations.roles.${accommodation.role}`), setting: accommodation.settingClass });
}

/** The start of a long statement, for a checkbox label; the full text is on the goal's card. */
function excerpt(text: string, length = 70): string {
  return text.length <= length ? text : `${text.slice(0, length).replace(/\s+\S*$/, '')}…`;
}
