/**
 * The progress report of one plan for one reporting period (`#/students/<id>/plans/<planId>/report`):
 * pick the period (the one running today is opened), then for each goal confirm or override the
 * suggested code, say whether the progress is sufficient, write the narrative and save it as a
 * draft; finalize the period when every goal is done. A finalized period is locked and says when.
 */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal, PlanDetail, ProgressCodeSettings, ProgressReport } from '../../../../src-main/contract';
import { useApiQuery } from '../../api-client/react';
import { routeHref } from '../../app/hash-route';
import { todayIso, useDateFormat } from '../../components/dates';
import { FormAlert } from '../../components/FormAlert';
import { focusSoon } from '../../components/focus-soon';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { useServiceError } from '../../components/service-error';
import { useGoalName, usePlanTitle } from '../plans/plan-labels';
import { displayName } from '../students/student-name';
import { FinalizePanel } from './FinalizePanel';
import { GoalReportCard } from './GoalReportCard';
import { useDayOf } from './LockedReport';
import { defaultPeriod, type Period, planPeriods } from './report-draft';

export function ProgressReportPage({ studentId, planId }: { studentId: string; planId: string }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const planTitle = usePlanTitle();
  const detail = useApiQuery('plans.get', { id: planId });
  const student = useApiQuery('students.get', { id: studentId });
  const reports = useApiQuery('progressReports.listForPlan', { planId });
  const codes = useApiQuery('progressCodes.get', {});
  const failed = detail.error ?? reports.error ?? codes.error;
  const plan = detail.data?.plan;

  return (
    <div className="page page--wide stack">
      <a className="back-link" href={routeHref('students', studentId, 'plans', planId)}>
        {plan ? t('periods.backTo', { plan: planTitle(plan) }) : t('periods.backToPlan')}
      </a>
      <PageHeading>
        {t('periods.title')} {student.data ? <span className="page-subtitle">{displayName(student.data)}</span> : null}
      </PageHeading>
      {detail.isPending || reports.isPending || codes.isPending ? <p role="status">{t('periods.loading')}</p> : null}
      <FormAlert id="report-load-alert">{failed ? describe(failed) : null}</FormAlert>
      {detail.data && reports.data && codes.data ? <PlanReport detail={detail.data} reports={reports.data} codes={codes.data} /> : null}
    </div>
  );
}

function PlanReport({ detail, reports, codes }: { detail: PlanDetail; reports: ProgressReport[]; codes: ProgressCodeSettings }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const goalName = useGoalName(detail);
  const { plan, goals } = detail;
  const periods = planPeriods(goals, reports);
  const [chosen, setChosen] = useState<string | null>(null);
  const [unsaved, setUnsaved] = useState<ReadonlySet<string>>(new Set());
  const onUnsavedChange = useCallback((goalId: string, isUnsaved: boolean) => {
    setUnsaved((current) => {
      if (current.has(goalId) === isUnsaved) return current;
      const next = new Set(current);
      if (isUnsaved) next.add(goalId);
      else next.delete(goalId);
      return next;
    });
  }, []);
  const period = periods.find((candidate) => candidate.endsOn === chosen) ?? defaultPeriod(periods, todayIso());
  const finalized = (endsOn: string) => reports.some((report) => report.period.endsOn === endsOn && report.finalizedAt !== null);
  const canReport = plan.status !== 'draft' && plan.status !== 'superseded';

  if (goals.length === 0) return <p className="empty-state">{t('periods.noGoals')}</p>;
  if (!period) return <p className="empty-state">{t('periods.noPeriods')}</p>;
  const unsavedNames = goals.filter((goal) => unsaved.has(goal.id)).map(goalName);

  return (
    <>
      <p className="lead">{t('periods.intro')}</p>
      {canReport ? null : (
        <p className="notice notice--warning" role="note">
          {plan.status === 'draft' ? t('periods.draftPlan') : t('periods.supersededPlan')}
        </p>
      )}
      <div className="periods-picker">
        <SelectField
          label={t('periods.period.label')}
          value={period.endsOn}
          options={periods.map((option) => ({
            value: option.endsOn,
            label: t(finalized(option.endsOn) ? 'periods.period.optionFinalized' : 'periods.period.option', {
              label: option.label,
              date: formatDate(option.endsOn),
            }),
          }))}
          onChange={setChosen}
          description={unsavedNames.length ? t('periods.period.unsavedHint', { goals: unsavedNames.join(', ') }) : undefined}
        />
      </div>
      <PeriodReport
        key={period.endsOn}
        planId={plan.id}
        period={period}
        goals={goals}
        goalName={goalName}
        reports={reports.filter((report) => report.period.endsOn === period.endsOn)}
        codes={codes}
        canReport={canReport}
        unsaved={unsaved}
        onUnsavedChange={onUnsavedChange}
      />
    </>
  );
}

interface PeriodReportProps {
  planId: string;
  period: Period;
  goals: Goal[];
  goalName: (goal: Goal) => string;
  reports: ProgressReport[];
  codes: ProgressCodeSettings;
  canReport: boolean;
  unsaved: ReadonlySet<string>;
  onUnsavedChange: (goalId: string, unsaved: boolean) => void;
}

function PeriodReport({ planId, period, goals, goalName, reports, codes, canReport, unsaved, onUnsavedChange }: PeriodReportProps) {
  const { t } = useTranslation();
  const dayOf = useDayOf();
  const bannerRef = useRef<HTMLDivElement>(null);
  const reportOf = (goalId: string) => reports.find((report) => report.goalId === goalId);
  const finalizedAt = reports
    .map((report) => report.finalizedAt)
    .filter((at) => at !== null)
    .sort()[0];
  const allFinalized = goals.every((goal) => reportOf(goal.id)?.finalizedAt);

  return (
    <>
      {finalizedAt ? (
        <div ref={bannerRef} tabIndex={-1} className="banner banner--read-only periods-locked-banner" role="note">
          <p>
            <strong>{t('periods.finalizedBanner', { date: dayOf(finalizedAt) })}</strong> {t('periods.finalizedText')}
          </p>
        </div>
      ) : null}
      <div className="stack">
        {goals.map((goal) => (
          <GoalReportCard
            key={goal.id}
            planId={planId}
            goal={goal}
            name={goalName(goal)}
            period={period}
            report={reportOf(goal.id)}
            codes={codes}
            canReport={canReport}
            onUnsavedChange={onUnsavedChange}
          />
        ))}
      </div>
      {canReport && !allFinalized ? (
        <FinalizePanel
          planId={planId}
          period={period}
          goals={goals}
          goalName={goalName}
          reportOf={reportOf}
          unsaved={unsaved}
          onFinalized={() => focusSoon(() => bannerRef.current)}
        />
      ) : null}
    </>
  );
}
