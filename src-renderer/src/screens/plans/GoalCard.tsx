/** One goal: what it measures, from where to where, when it counts as met, and the supports that serve it. */
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Goal, PlanDetail } from '../../../../src-main/contract';
import { useApi } from '../../api-client/react';
import { useDateFormat } from '../../components/dates';
import { Fact } from '../../components/Fact';
import { useCan } from '../../components/permissions';
import { GoalProgressPanel } from '../progress/GoalProgressPanel';
import { GoalForm } from './GoalForm';
import { goalDraftFrom } from './goal-draft';
import { LinkChecklist } from './LinkChecklist';
import { useRefreshPlans } from './plan-cache';
import { useAccommodationName, useGoalName } from './plan-labels';
import { RemovalDialog } from './RemovalDialog';
import { useAnnounceRemoval } from './RemovalNotice';
import { goalCardId } from './SupportGaps';

export function GoalCard({ goal, detail }: { goal: Goal; detail: PlanDetail }) {
  const { t } = useTranslation();
  const mayManage = useCan()('plans.manage');
  const api = useApi();
  const formatDate = useDateFormat();
  const refresh = useRefreshPlans();
  const goalName = useGoalName(detail);
  const accommodationName = useAccommodationName();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const announceRemoval = useAnnounceRemoval();
  const unsupported = detail.gaps.goalsWithoutSupport.includes(goal.id);
  const name = goalName(goal);
  const renumbers = detail.goals.findIndex((other) => other.id === goal.id) < detail.goals.length - 1;
  const value = (amount: number) => t(`goals.values.${goal.measurement}`, { value: amount, max: goal.scaleMax ?? '' });

  return (
    <article className={unsupported ? 'item-card item-card--gap stack' : 'item-card stack'} aria-labelledby={goalCardId(goal.id)}>
      <div className="item-card-header">
        <h3 id={goalCardId(goal.id)} tabIndex={-1} className="item-card-title">
          {name}
        </h3>
        {unsupported ? <span className="tag tag--warn">{t('plans.gaps.goalTag')}</span> : null}
      </div>
      {editing ? (
        <GoalForm
          plan={detail.plan}
          goal={goal}
          initial={goalDraftFrom(goal)}
          translationOnly={detail.plan.status !== 'draft'}
          onDone={() => setEditing(false)}
        />
      ) : (
        <>
          <p className="statement">{goal.statement}</p>
          <dl className="facts">
            <Fact term={t('goals.fields.measurement')}>{t(`goals.measurements.${goal.measurement}`)}</Fact>
            <Fact term={t('goals.fields.baselineToTarget')}>
              {t('goals.fromTo', { baseline: value(goal.baseline), target: value(goal.target) })}
            </Fact>
            <Fact term={t('goals.fields.criterion')}>{goal.criterion}</Fact>
            <Fact term={t('goals.fields.measuredEvery')}>{goal.measuredEvery}</Fact>
            <Fact term={t('goals.fields.endDate')}>{formatDate(goal.endDate)}</Fact>
            <Fact term={t('goals.fields.reportingPeriods')}>
              {goal.reportingPeriods.length
                ? goal.reportingPeriods
                    .map((period) => t('goals.period', { label: period.label, date: formatDate(period.endsOn) }))
                    .join('; ')
                : t('goals.noPeriods')}
            </Fact>
          </dl>
          {goal.objectives.length ? (
            <div className="stack">
              <h4 className="subform-title">{t('goals.fields.objectives')}</h4>
              <ol className="objective-list">
                {goal.objectives.map((objective) => (
                  <li key={objective}>{objective}</li>
                ))}
              </ol>
            </div>
          ) : null}
          <LinkChecklist
            legend={t('goals.servedBy', { name })}
            items={detail.accommodations.map((item) => ({ id: item.id, label: accommodationName(item) }))}
            saved={goal.servedBy}
            isReadOnly={detail.plan.status !== 'draft' || !mayManage}
            emptyText={t('goals.noAccommodations')}
            save={(accommodationIds) => api('goals.setServedBy', { id: goal.id, accommodationIds })}
          />
          {detail.plan.readOnly || !mayManage ? null : (
            <div className="actions">
              {detail.plan.status === 'draft' ? (
                <Button className="button button--secondary" aria-label={t('goals.editNamed', { name })} onPress={() => setEditing(true)}>
                  {t('goals.edit')}
                </Button>
              ) : (
                // An active plan's goal changes only by amendment; its translation for parents is not a change to it.
                <Button
                  className="button button--secondary"
                  aria-label={t('removals.translateNamed', { name })}
                  onPress={() => setEditing(true)}
                >
                  {t('removals.translate')}
                </Button>
              )}
              <Button className="button button--quiet" aria-label={t('goals.deleteNamed', { name })} onPress={() => setDeleting(true)}>
                {t('goals.delete')}
              </Button>
            </div>
          )}
          {detail.plan.status === 'draft' ? null : <GoalProgressPanel goal={goal} readOnly={detail.plan.readOnly} />}
        </>
      )}
      <RemovalDialog
        plan={detail.plan}
        entity="goal"
        id={goal.id}
        name={name}
        isOpen={deleting}
        renumbers={renumbers}
        onClose={() => setDeleting(false)}
        onRemoved={async (removal) => {
          await refresh();
          setDeleting(false);
          announceRemoval(removal, name, renumbers);
        }}
      />
    </article>
  );
}
