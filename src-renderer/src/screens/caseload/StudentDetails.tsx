/**
 * A student's expanded row: each goal with its status, latest point and a link to the plan it is on,
 * and the flags about the student, each with what to do.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseloadStudent, GoalStatus, HealthFlagView } from '../../../../src-main/contract';
import { routeHref } from '../../app/hash-route';
import { useDateFormat } from '../../components/dates';
import { FlagList } from './FlagList';

export const STATUS_TAG: Record<GoalStatus, { className: string; mark: string }> = {
  at_risk: { className: 'tag tag--danger', mark: '!' },
  no_service: { className: 'tag tag--danger', mark: '∅' },
  no_data: { className: 'tag tag--warn', mark: '?' },
  not_enough_data: { className: 'tag tag--warn', mark: '…' },
  unclear: { className: 'tag tag--warn', mark: '~' },
  on_track: { className: 'tag tag--ok', mark: '✓' },
};

export function StatusTag({ status, children }: { status: GoalStatus; children: string }) {
  return (
    <span className={STATUS_TAG[status].className}>
      <span aria-hidden="true">{STATUS_TAG[status].mark} </span>
      {children}
    </span>
  );
}

export function StudentDetails({ student, flags }: { student: CaseloadStudent; flags: readonly HealthFlagView[] }) {
  const { t, i18n } = useTranslation();
  const formatDate = useDateFormat();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const goalsId = useId();
  const flagsId = useId();
  return (
    <div className="caseload-details">
      <section aria-labelledby={goalsId}>
        <h3 id={goalsId} className="caseload-details-title">
          {t('caseload.details.goals', { name: student.name })}
        </h3>
        {student.goals.length === 0 ? (
          <p className="muted">{t('caseload.table.noGoals')}</p>
        ) : (
          <>
            <ul className="caseload-goals">
              {student.goals.map((goal) => (
                <li key={goal.id}>
                  <StatusTag status={goal.status}>{t(`caseload.status.${goal.status}`)}</StatusTag>{' '}
                  <a href={routeHref('students', student.id, 'plans', goal.planId)}>
                    {t('goals.name', { number: goal.number, area: t(`goals.areas.${goal.area}`) })}
                  </a>{' '}
                  <span className="muted">
                    {goal.latest
                      ? t('caseload.details.latest', { value: number.format(goal.latest.value), date: formatDate(goal.latest.date) })
                      : t('caseload.details.noPoints')}
                  </span>
                  <p className="caseload-goal-statement">{goal.statement}</p>
                </li>
              ))}
            </ul>
            <p className="field-description">{t('caseload.details.statusHelp')}</p>
          </>
        )}
      </section>
      <section aria-labelledby={flagsId}>
        <h3 id={flagsId} className="caseload-details-title">
          {t('caseload.details.flags', { name: student.name })}
        </h3>
        {flags.length === 0 ? <p className="muted">{t('caseload.details.noFlags', { name: student.name })}</p> : <FlagList flags={flags} />}
      </section>
    </div>
  );
}
