/**
 * The progress marks of one plan for one reporting period (`#/students/<id>/plans/<planId>/marks`):
 * pick the period (the one running today is opened), then for each goal confirm or override the
 * suggested code, say whether the progress is sufficient, write the narrative and save it as a
 * draft; finalize the period when every goal is done. A finalized period is locked and says when.
 */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal, PlanDetail, ProgressCodeSettings, ProgressMark } from '../../../../src-main/contract';
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
import { GoalMarkCard } from './GoalMarkCard';
import { useDayOf } from './LockedMark';
import { defaultPeriod, type Period, planPeriods } from './mark-draft';

export function ProgressMarksPage({ studentId, planId }: { studentId: string; planId: string }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const planTitle = usePlanTitle();
  const detail = useApiQuery('plans.get', { id: planId });
  const student = useApiQuery('students.get', { id: studentId });
  const marks = useApiQuery('progressMarks.listForPlan', { planId });
  const codes = useApiQuery('progressCodes.get', {});
  const failed = detail.error ?? marks.error ?? codes.error;
  const plan = detail.data?.plan;

  return (
    <div className="page page--wide stack">
      <a className="back-link" href={routeHref('students', studentId, 'plans', planId)}>
        {plan ? t('periods.backTo', { plan: planTitle(plan) }) : t('periods.backToPlan')}
      </a>
      <PageHeading>
        {t('periods.title')} {student.data ? <span className="page-subtitle">{displayName(student.data)}</span> : null}
      </PageHeading>
      {detail.isPending || marks.isPending || codes.isPending ? <p role="status">{t('periods.loading')}</p> : null}
      <FormAlert id="mark-load-alert">{failed ? describe(failed) : null}</FormAlert>
      {detail.data && marks.data && codes.data ? <PlanMark detail={detail.data} marks={marks.data} codes={codes.data} /> : null}
    </div>
  );
}

function PlanMark({ detail, marks, codes }: { detail: PlanDetail; marks: ProgressMark[]; codes: ProgressCodeSettings }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const goalName = useGoalName(detail);
  const { plan, goals } = detail;
  const periods = planPeriods(goals, marks);
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
  const finalized = (endsOn: string) => marks.some((mark) => mark.period.endsOn === endsOn && mark.finalizedAt !== null);
  const period = periods.find((candidate) => candidate.endsOn === chosen) ?? defaultPeriod(periods, todayIso(), finalized);
  const canMark = plan.status !== 'draft' && plan.status !== 'superseded';

  if (goals.length === 0) return <p className="empty-state">{t('periods.noGoals')}</p>;
  if (!period) return <p className="empty-state">{t('periods.noPeriods')}</p>;
  const unsavedNames = goals.filter((goal) => unsaved.has(goal.id)).map(goalName);

  return (
    <>
      <p className="lead">{t('periods.intro')}</p>
      {canMark ? null : (
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
      <PeriodMark
        key={period.endsOn}
        planId={plan.id}
        period={period}
        goals={goals}
        goalName={goalName}
        marks={marks.filter((mark) => mark.period.endsOn === period.endsOn)}
        codes={codes}
        canMark={canMark}
        unsaved={unsaved}
        onUnsavedChange={onUnsavedChange}
      />
    </>
  );
}

interface PeriodMarkProps {
  planId: string;
  period: Period;
  goals: Goal[];
  goalName: (goal: Goal) => string;
  marks: ProgressMark[];
  codes: ProgressCodeSettings;
  canMark: boolean;
  unsaved: ReadonlySet<string>;
  onUnsavedChange: (goalId: string, unsaved: boolean) => void;
}

function PeriodMark({ planId, period, goals, goalName, marks, codes, canMark, unsaved, onUnsavedChange }: PeriodMarkProps) {
  const { t } = useTranslation();
  const dayOf = useDayOf();
  const bannerRef = useRef<HTMLDivElement>(null);
  const markOf = (goalId: string) => marks.find((mark) => mark.goalId === goalId);
  const finalizedAt = marks
    .map((mark) => mark.finalizedAt)
    .filter((at) => at !== null)
    .sort()[0];
  const allFinalized = goals.every((goal) => markOf(goal.id)?.finalizedAt);

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
          <GoalMarkCard
            key={goal.id}
            planId={planId}
            goal={goal}
            name={goalName(goal)}
            period={period}
            mark={markOf(goal.id)}
            codes={codes}
            canMark={canMark}
            onUnsavedChange={onUnsavedChange}
          />
        ))}
      </div>
      {canMark && !allFinalized ? (
        <FinalizePanel
          planId={planId}
          period={period}
          goals={goals}
          goalName={goalName}
          markOf={markOf}
          unsaved={unsaved}
          onFinalized={() => focusSoon(() => bannerRef.current)}
        />
      ) : null}
    </>
  );
}
