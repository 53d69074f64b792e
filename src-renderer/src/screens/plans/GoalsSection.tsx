/** The plan's measurable goals, and adding one (with the plan's end date and quarterly reports filled in). */
import { useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../../src-main/contract';
import { FormStatus } from '../../components/FormAlert';
import { GoalCard } from './GoalCard';
import { GoalForm } from './GoalForm';
import { newGoalDraft, quarterPeriods } from './goal-draft';

export function GoalsSection({ detail }: { detail: PlanDetail }) {
  const { t } = useTranslation();
  const titleId = useId();
  const addRef = useRef<HTMLButtonElement>(null);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState(false);
  const { plan } = detail;

  return (
    <section className="panel stack" aria-labelledby={titleId}>
      <div className="panel-header">
        <h2 id={titleId} className="panel-title">
          {t('goals.title', { count: detail.goals.length })}
        </h2>
        {plan.readOnly || adding ? null : (
          <Button
            ref={addRef}
            className="button button--primary"
            onPress={() => {
              setAdded(false);
              setAdding(true);
            }}
          >
            {t('goals.add')}
          </Button>
        )}
      </div>
      {detail.goals.length === 0 && !adding ? <p className="muted">{t('goals.none')}</p> : null}
      {detail.goals.map((goal) => (
        <GoalCard key={goal.id} goal={goal} detail={detail} />
      ))}
      {adding ? (
        <div className="card-form stack">
          <h3 className="card-title-small">{t('goals.form.addTitle')}</h3>
          <GoalForm
            plan={plan}
            initial={newGoalDraft(
              plan,
              quarterPeriods(plan, (quarter) => t('goals.form.quarter', { quarter })),
              t('goals.every.week'),
            )}
            onDone={() => {
              setAdding(false);
              setAdded(true);
              requestAnimationFrame(() => addRef.current?.focus());
            }}
          />
        </div>
      ) : null}
      <FormStatus>{added ? t('goals.form.done') : null}</FormStatus>
    </section>
  );
}
