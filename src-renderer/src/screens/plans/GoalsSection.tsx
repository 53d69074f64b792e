/** The plan's measurable goals, and adding one (with the plan's end date and quarterly reports filled in). */
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../../src-main/contract';
import { useCan } from '../../components/permissions';
import { AmendNote } from './AmendNote';
import { GoalCard } from './GoalCard';
import { GoalForm } from './GoalForm';
import { newGoalDraft, quarterPeriods } from './goal-draft';
import { PlanListSection } from './PlanListSection';

export function GoalsSection({ detail }: { detail: PlanDetail }) {
  const { t } = useTranslation();
  const mayManage = useCan()('plans.manage');
  const { plan } = detail;
  return (
    <PlanListSection
      title={t('goals.title', { count: detail.goals.length })}
      addLabel={t('goals.add')}
      addTitle={t('goals.form.addTitle')}
      emptyText={t('goals.none')}
      doneText={t('goals.form.done')}
      readOnly={plan.readOnly || !mayManage}
      lockedNote={plan.status === 'active' && mayManage ? <AmendNote plan={plan} entity="goal" /> : undefined}
      cards={detail.goals.map((goal) => <GoalCard key={goal.id} goal={goal} detail={detail} />)}
      renderForm={(onDone) => (
        <GoalForm
          plan={plan}
          initial={newGoalDraft(
            plan,
            quarterPeriods(plan, (quarter) => t('goals.form.quarter', { quarter })),
            t('goals.every.week'),
          )}
          onDone={onDone}
        />
      )}
    />
  );
}
