/**
 * One version of a plan (`#/students/<id>/plans/<planId>`): its dates and team, what can be done with
 * it, its versions, the gaps in peer support, its goals and its peer-support accommodations.
 * Superseded and ended versions are shown read-only, with a banner that says so.
 */
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../../src-main/contract';
import { useApiQuery } from '../../api-client/react';
import { routeHref } from '../../app/hash-route';
import { FormAlert } from '../../components/FormAlert';
import { PageHeading } from '../../components/PageHeading';
import { useServiceError } from '../../components/service-error';
import { displayName } from '../students/student-name';
import { AccommodationsSection } from './AccommodationsSection';
import { GoalsSection } from './GoalsSection';
import { PlanSummary } from './PlanSummary';
import { PlanVersions } from './PlanVersions';
import { usePlanTitle } from './plan-labels';
import { RemovalNotices } from './RemovalNotice';
import { SupportGaps } from './SupportGaps';

export function PlanPage({ studentId, planId }: { studentId: string; planId: string }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const planTitle = usePlanTitle();
  const detail = useApiQuery('plans.get', { id: planId });
  const student = useApiQuery('students.get', { id: studentId });
  const plan = detail.data?.plan;

  return (
    <div className="page page--wide stack">
      <a className="back-link" href={routeHref('students', studentId)}>
        {student.data ? t('plans.page.backTo', { name: displayName(student.data) }) : t('students.form.backToRecord')}
      </a>
      <div className="page-header">
        <PageHeading>
          {plan ? planTitle(plan) : t('plans.page.loadingTitle')}{' '}
          {student.data ? <span className="page-subtitle">{displayName(student.data)}</span> : null}
        </PageHeading>
        {plan ? <span className={`tag tag--${plan.status}`}>{t(`plans.status.${plan.status}`)}</span> : null}
      </div>
      {detail.isPending ? <p role="status">{t('plans.page.loading')}</p> : null}
      <FormAlert id="plan-load-alert">{detail.isError ? describe(detail.error) : null}</FormAlert>
      {detail.data ? <PlanContent detail={detail.data} studentId={studentId} /> : null}
    </div>
  );
}

function PlanContent({ detail, studentId }: { detail: PlanDetail; studentId: string }) {
  const { t } = useTranslation();
  const { plan } = detail;
  const current = detail.versions.find((version) => version.status === 'active' || version.status === 'draft');
  return (
    <>
      {plan.readOnly ? (
        <div className="banner banner--read-only" role="note">
          <p>
            <strong>{t('plans.page.readOnly', { version: plan.version, status: t(`plans.statusInText.${plan.status}`) })}</strong>{' '}
            {t('plans.page.readOnlyText')}
          </p>
          {current && current.id !== plan.id ? (
            <a href={routeHref('students', studentId, 'plans', current.id)}>{t('plans.page.toCurrent', { version: current.version })}</a>
          ) : null}
        </div>
      ) : null}
      <PlanSummary plan={plan} />
      <p>
        <a className="button button--secondary" href={routeHref('students', studentId, 'plans', plan.id, 'marks')}>
          {t('plans.page.progressMarks')}
        </a>
      </p>
      <PlanVersions detail={detail} studentId={studentId} />
      <SupportGaps detail={detail} />
      <RemovalNotices>
        <GoalsSection detail={detail} />
        <AccommodationsSection detail={detail} />
      </RemovalNotices>
    </>
  );
}
