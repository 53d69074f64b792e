/** Start a plan for a student (`#/students/<id>/plans/new`), with the usual dates filled in. */
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api-client/react';
import { navigate, routeHref } from '../../app/hash-route';
import { todayIso } from '../../components/dates';
import { FormAlert } from '../../components/FormAlert';
import { PageHeading } from '../../components/PageHeading';
import { useServiceError } from '../../components/service-error';
import { displayName } from '../students/student-name';
import { PlanForm } from './PlanForm';
import { newPlanDraft } from './plan-draft';

export function NewPlanPage({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const student = useApiQuery('students.get', { id: studentId });
  const plans = useApiQuery('plans.listForStudent', { studentId });
  // A student with an active IEP more likely needs a 504 plan started than a second IEP.
  const hasActiveIep = plans.data?.some((plan) => plan.type === 'iep' && plan.status === 'active') ?? false;
  const ready = student.data && plans.data;

  return (
    <div className="page stack">
      <a className="back-link" href={routeHref('students', studentId)}>
        {t('students.form.backToRecord')}
      </a>
      <PageHeading>
        {student.data ? t('plans.create.title', { name: displayName(student.data) }) : t('plans.create.titleLoading')}
      </PageHeading>
      <FormAlert id="new-plan-load-alert">
        {student.isError ? describe(student.error) : plans.isError ? describe(plans.error) : null}
      </FormAlert>
      {ready ? (
        <>
          <p>{t('plans.create.intro')}</p>
          <PlanForm
            studentId={studentId}
            initial={newPlanDraft(todayIso(), student.data.caseManagerId, hasActiveIep ? '504' : 'iep')}
            onSaved={(plan) => navigate('students', studentId, 'plans', plan.id)}
            onCancel={() => navigate('students', studentId)}
          />
        </>
      ) : null}
    </div>
  );
}
