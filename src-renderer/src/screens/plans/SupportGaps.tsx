/**
 * Where the plan's peer support does not join up: goals no accommodation serves, and accommodations
 * serving no goal. Shown above the goals, in words, with a way to jump to each one.
 */
import { useId } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../../src-main/contract';
import { useAccommodationName, useGoalName } from './plan-labels';

/** Puts focus on a goal's or an accommodation's card (its heading), scrolling it into view. */
export function focusCard(id: string): void {
  document.getElementById(id)?.focus();
}

export const goalCardId = (goalId: string) => `goal-${goalId}`;
export const accommodationCardId = (accommodationId: string) => `accommodation-${accommodationId}`;

export function SupportGaps({ detail }: { detail: PlanDetail }) {
  const { t } = useTranslation();
  const titleId = useId();
  const goalName = useGoalName(detail);
  const accommodationName = useAccommodationName();
  const goals = detail.goals.filter((goal) => detail.gaps.goalsWithoutSupport.includes(goal.id));
  const accommodations = detail.accommodations.filter((item) => detail.gaps.accommodationsWithoutGoal.includes(item.id));
  const hasGaps = goals.length > 0 || accommodations.length > 0;
  const isEmpty = detail.goals.length === 0 && detail.accommodations.length === 0;

  return (
    <section className={hasGaps ? 'panel panel--gaps stack' : 'panel stack'} aria-labelledby={titleId}>
      <h2 id={titleId} className="panel-title">
        {hasGaps ? t('plans.gaps.title', { count: goals.length + accommodations.length }) : t('plans.gaps.titleNone')}
      </h2>
      <div aria-live="polite" className="stack">
        {isEmpty ? <p>{t('plans.gaps.empty')}</p> : null}
        {!isEmpty && !hasGaps ? <p className="gap-ok">{t('plans.gaps.none')}</p> : null}
        {goals.length > 0 ? (
          <div className="stack">
            <p>{t('plans.gaps.goals', { count: goals.length })}</p>
            <ul className="gap-list">
              {goals.map((goal) => (
                <li key={goal.id}>
                  <Button className="button button--quiet" onPress={() => focusCard(goalCardId(goal.id))}>
                    {goalName(goal)}
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {accommodations.length > 0 ? (
          <div className="stack">
            <p>{t('plans.gaps.accommodations', { count: accommodations.length })}</p>
            <ul className="gap-list">
              {accommodations.map((accommodation) => (
                <li key={accommodation.id}>
                  <Button className="button button--quiet" onPress={() => focusCard(accommodationCardId(accommodation.id))}>
                    {accommodationName(accommodation)}
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}
