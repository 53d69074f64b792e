/** A plan's dates, people and due-date warnings, and what can be done with it: edit, activate, amend, end. */
import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { navigate } from '../../app/hash-route';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useDateFormat } from '../../components/dates';
import { Fact } from '../../components/Fact';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { useCan } from '../../components/permissions';
import { useServiceError } from '../../components/service-error';
import { useStaff } from '../students/use-staff';
import { DueWarnings } from './DueWarnings';
import { PlanForm } from './PlanForm';
import { useRefreshPlans } from './plan-cache';
import { planDraftFrom } from './plan-draft';

export function PlanSummary({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const mayManage = useCan()('plans.manage');
  const describe = useServiceError();
  const formatDate = useDateFormat();
  const staff = useStaff();
  const refresh = useRefreshPlans();
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const activate = useApiMutation('plans.activate', { onSuccess: refresh });
  const end = useApiMutation('plans.end', { onSuccess: refresh, onSettled: () => setConfirmingEnd(false) });
  const amend = useApiMutation('plans.amend', {
    onSuccess: async (draft) => {
      await refresh();
      navigate('students', plan.studentId, 'plans', draft.plan.id);
    },
  });
  const failed = [activate, end, amend].find((mutation) => mutation.isError);
  const none = <span className="muted">{t('students.detail.notRecorded')}</span>;
  const team = plan.teamStaffIds.map((id) => staff.nameOf(id) ?? t('plans.page.unknownStaff')).sort((a, b) => a.localeCompare(b));

  return (
    <section className="panel stack" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel-title">
        {t('plans.page.summary')}
      </h2>
      <DueWarnings warnings={plan.warnings} />
      {editing ? (
        <PlanForm
          studentId={plan.studentId}
          planId={plan.id}
          initial={planDraftFrom(plan)}
          onSaved={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <dl className="facts">
          <Fact term={t('plans.fields.startDate')}>{formatDate(plan.startDate)}</Fact>
          <Fact term={t('plans.fields.endDate')}>{formatDate(plan.endDate)}</Fact>
          <Fact term={t('plans.fields.annualReviewDue')}>{formatDate(plan.annualReviewDue)}</Fact>
          <Fact term={t('plans.fields.reevaluationDue')}>{plan.reevaluationDue ? formatDate(plan.reevaluationDue) : none}</Fact>
          <Fact term={t('plans.fields.caseManager')}>{staff.nameOf(plan.caseManagerId) ?? none}</Fact>
          <Fact term={t('plans.fields.team')}>{team.length ? team.join(', ') : none}</Fact>
        </dl>
      )}
      {plan.readOnly || editing || !mayManage ? null : (
        <div className="actions">
          <Button className="button button--secondary" onPress={() => setEditing(true)}>
            {t('plans.page.edit')}
          </Button>
          {plan.status === 'draft' ? (
            <Button className="button button--primary" onPress={() => activate.isPending || activate.mutate({ id: plan.id })}>
              {t('plans.page.activate')}
            </Button>
          ) : null}
          {plan.status === 'active' ? (
            <Button className="button button--secondary" onPress={() => amend.isPending || amend.mutate({ id: plan.id })}>
              {t('plans.page.amend')}
            </Button>
          ) : null}
          <Button className="button button--quiet" onPress={() => setConfirmingEnd(true)}>
            {plan.status === 'draft' ? t('plans.page.endDraft') : t('plans.page.end')}
          </Button>
        </div>
      )}
      {plan.status === 'draft' && plan.amendsId && !editing ? (
        <p className="field-description">{t('plans.page.activateAmendment')}</p>
      ) : null}
      {plan.status === 'active' && !editing ? <p className="field-description">{t('plans.page.amendHint')}</p> : null}
      <FormAlert id={`${titleId}-alert`}>{failed ? describe(failed.error) : null}</FormAlert>
      <FormStatus>{activate.isSuccess ? t('plans.page.activated') : end.isSuccess ? t('plans.page.ended') : null}</FormStatus>
      <ConfirmDialog
        isOpen={confirmingEnd}
        title={t('plans.page.endTitle')}
        text={t('plans.page.endText')}
        confirmLabel={t('plans.page.endConfirm')}
        isWorking={end.isPending}
        onCancel={() => setConfirmingEnd(false)}
        onConfirm={() => end.mutate({ id: plan.id })}
      />
    </section>
  );
}
