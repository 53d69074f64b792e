/** A student's plans, current ones first, each with its dates, status and due-date warnings. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../../src-main/contract';
import { useApiQuery } from '../../api-client/react';
import { routeHref } from '../../app/hash-route';
import { useDateFormat } from '../../components/dates';
import { FormAlert } from '../../components/FormAlert';
import { useServiceError } from '../../components/service-error';
import { DueWarnings } from '../plans/DueWarnings';
import { usePlanTitle } from '../plans/plan-labels';

const STATUS_ORDER: Record<Plan['status'], number> = { active: 0, draft: 1, ended: 2, superseded: 3 };

export function StudentPlans({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const formatDate = useDateFormat();
  const planTitle = usePlanTitle();
  const titleId = useId();
  const query = useApiQuery('plans.listForStudent', { studentId });
  const plans = [...(query.data ?? [])].sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.type.localeCompare(b.type) || b.version - a.version,
  );

  return (
    <section className="panel stack" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel-title">
        {t('students.plans.title')}
      </h2>
      <FormAlert id="student-plans-alert">{query.isError ? describe(query.error) : null}</FormAlert>
      {query.data && plans.length === 0 ? <p className="muted">{t('students.plans.none')}</p> : null}
      <ul className="plan-list">
        {plans.map((plan) => (
          <li key={plan.id} className={`plan-item plan-item--${plan.status}`}>
            <p className="plan-item-title">
              <a href={routeHref('students', studentId, 'plans', plan.id)}>{planTitle(plan)}</a>{' '}
              <span className={`tag tag--${plan.status}`}>{t(`plans.status.${plan.status}`)}</span>
            </p>
            <p>
              {t('students.plans.dates', { start: formatDate(plan.startDate), end: formatDate(plan.endDate) })} ·{' '}
              {t('students.plans.reviewDue', { date: formatDate(plan.annualReviewDue) })}
            </p>
            <DueWarnings warnings={plan.warnings} />
          </li>
        ))}
      </ul>
    </section>
  );
}
