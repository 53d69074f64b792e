/**
 * Fidelity on an accommodation card: for a reporting period of the plan (the one running today to
 * start with) or the plan so far, sessions held and minutes delivered against what the frequency
 * plans, why sessions were missed, and a week-by-week table behind a disclosure. Planned counts every
 * school week: holidays are not known, and the card says so.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Accommodation, type Fidelity, MISS_REASONS, type PlanDetail, sessionLog } from '../../../../src-main/contract';
import { useApiQuery } from '../../api-client/react';
import { todayIso, useDateFormat } from '../../components/dates';
import { Fact } from '../../components/Fact';
import { SelectField } from '../../components/SelectField';
import { useServiceError } from '../../components/service-error';
import { defaultRange, type FidelityRange, fidelityRanges, hasStarted, PLAN_SO_FAR } from './fidelity-periods';

export function FidelitySummary({ accommodation, detail }: { accommodation: Accommodation; detail: PlanDetail }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const describe = useServiceError();
  const titleId = useId();
  const today = todayIso();
  const ranges = fidelityRanges(
    detail.plan,
    detail.goals.flatMap((goal) => goal.reportingPeriods),
    today,
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const range = ranges.find((candidate) => candidate.key === chosen) ?? defaultRange(ranges, today);
  const started = range ? hasStarted(range, today) : false;
  const fidelity = useApiQuery(
    'fidelity.forAccommodation',
    { accommodationId: accommodation.id, from: range?.from ?? today, to: range?.to ?? today },
    { enabled: started, placeholderData: (previous) => previous },
  );
  const rangeLabel = (option: FidelityRange) => {
    const dates = { from: formatDate(option.from), to: formatDate(option.to) };
    return option.key === PLAN_SO_FAR
      ? t('progress.fidelity.planSoFar', dates)
      : t('progress.fidelity.periodOption', { label: option.label, ...dates });
  };
  if (!range) return null;
  return (
    <section className="stack fidelity" aria-labelledby={titleId}>
      <h4 id={titleId} className="subform-title">
        {t('progress.fidelity.title')}
      </h4>
      <SelectField
        label={t('progress.fidelity.period')}
        value={range.key}
        options={ranges.map((option) => ({ value: option.key, label: rangeLabel(option) }))}
        onChange={setChosen}
        className="field fidelity-period"
      />
      {!started ? <p>{t('progress.fidelity.notStarted', { date: formatDate(range.from) })}</p> : null}
      {started && fidelity.isPending ? <p role="status">{t('progress.fidelity.loading')}</p> : null}
      {started && fidelity.error ? <p className="form-alert">{describe(fidelity.error)}</p> : null}
      {started && fidelity.data ? <FidelityFigures fidelity={fidelity.data.fidelity} today={today} /> : null}
      <p className="muted fidelity-note">{t('progress.fidelity.holidays')}</p>
    </section>
  );
}

function FidelityFigures({ fidelity, today }: { fidelity: Fidelity; today: string }) {
  const { t, i18n } = useTranslation();
  const formatDate = useDateFormat();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const percent = (value: number | null) =>
    value === null ? t('progress.fidelity.nothingPlanned') : t('progress.fidelity.percent', { percent: value });
  if (fidelity.from === null || fidelity.to === null) return <p>{t('progress.fidelity.notRunning')}</p>;
  const reasons = MISS_REASONS.filter((reason) => fidelity.missesByReason[reason] > 0);
  return (
    <>
      <p className="muted">
        {t(fidelity.to === today ? 'progress.fidelity.countedToToday' : 'progress.fidelity.counted', {
          from: formatDate(fidelity.from),
          to: formatDate(fidelity.to),
        })}
      </p>
      <dl className="facts fidelity-facts">
        <Fact term={t('progress.fidelity.sessions')}>
          <strong className="fidelity-percent">{percent(fidelity.sessionsPercent)}</strong>{' '}
          {t('progress.fidelity.sessionsValue', { held: fidelity.heldSessions, planned: number.format(fidelity.plannedSessions) })}
        </Fact>
        <Fact term={t('progress.fidelity.minutes')}>
          <strong className="fidelity-percent">{percent(fidelity.minutesPercent)}</strong>{' '}
          {t('progress.fidelity.minutesValue', { delivered: fidelity.deliveredMinutes, planned: number.format(fidelity.plannedMinutes) })}
        </Fact>
        <Fact term={t('progress.fidelity.missesTitle')}>
          {sessionLog(fidelity) !== 'misses' ? (
            t(sessionLog(fidelity) === 'none_recorded' ? 'progress.fidelity.noSessionsRecorded' : 'progress.fidelity.noMisses')
          ) : (
            <>
              {t('progress.fidelity.missedCount', { count: fidelity.missedSessions })}
              <ul className="fidelity-reasons">
                {reasons.map((reason) => (
                  <li key={reason}>{t(`progress.fidelity.reasons.${reason}`, { count: fidelity.missesByReason[reason] })}</li>
                ))}
              </ul>
            </>
          )}
        </Fact>
      </dl>
      {fidelity.weeks.length > 0 ? <FidelityWeeks fidelity={fidelity} format={(value) => number.format(value)} /> : null}
    </>
  );
}

function FidelityWeeks({ fidelity, format }: { fidelity: Fidelity; format: (value: number) => string }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const captionId = useId();
  return (
    <details className="fidelity-weeks">
      <summary>{t('progress.fidelity.weeks')}</summary>
      <div className="table-wrap">
        <table className="data-table" aria-labelledby={captionId}>
          <caption id={captionId} className="visually-hidden">
            {t('progress.fidelity.weeksCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('progress.fidelity.weekOf')}</th>
              <th scope="col">{t('progress.fidelity.schoolDays')}</th>
              <th scope="col">{t('progress.fidelity.weekSessions')}</th>
              <th scope="col">{t('progress.fidelity.weekMinutes')}</th>
            </tr>
          </thead>
          <tbody>
            {fidelity.weeks.map((week) => (
              <tr key={week.weekStart}>
                <th scope="row">{formatDate(week.weekStart)}</th>
                <td>{week.schoolDays}</td>
                <td>{t('progress.fidelity.ofPlanned', { done: week.heldSessions, planned: format(week.plannedSessions) })}</td>
                <td>{t('progress.fidelity.ofPlanned', { done: week.deliveredMinutes, planned: format(week.plannedMinutes) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
