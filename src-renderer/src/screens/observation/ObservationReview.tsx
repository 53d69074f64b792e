/**
 * The review after an observation: what was recorded, the percent of marked intervals for each
 * behaviour and how many intervals were missing, every interval as it will be saved, and the
 * progress points saving will make. Nothing is changed on the way: what is shown is what is sent.
 * After saving, the progress points it made, with links to their plans.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { IntervalMark, Observation, ObservationInput } from '../../../../src-main/contract';
import type { BehaviourCount } from '../../../../src-main/contract/observation-summary';
import { useApiMutation } from '../../api-client/react';
import { routeHref } from '../../app/hash-route';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useDateFormat } from '../../components/dates';
import { Fact } from '../../components/Fact';
import { FormAlert } from '../../components/FormAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { SubmitForm } from '../../components/SubmitForm';
import { useServiceError } from '../../components/service-error';
import { usePlanTitle } from '../plans/plan-labels';
import { marksOf, TALLIED, TAPS, type Tally, tally } from './interval-tally';
import type { Measure, ObservationSetupValues } from './ObservationSetup';
import { useRefreshObservations } from './observation-cache';
import type { MeasurableGoal } from './use-measurable-goals';
import type { RunResult } from './use-sampling-run';

export interface ObservationReviewProps {
  studentId: string;
  setup: ObservationSetupValues;
  measures: Measure[];
  goals: MeasurableGoal[];
  result: RunResult;
  onDiscard: () => void;
  onAnother: () => void;
}

export function ObservationReview({ studentId, setup, measures, goals, result, onDiscard, onAnother }: ObservationReviewProps) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const formatDate = useDateFormat();
  const refresh = useRefreshObservations();
  const titleId = useId();
  const alertId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [discarding, setDiscarding] = useState(false);
  const record = useApiMutation('observations.record', { onSuccess: () => refresh() });
  const marks = marksOf(result.taps, result.kept);
  const counts = tally(marks);
  const named = new Map(goals.map((goal) => [goal.goal.id, goal]));
  // A behaviour with no marked interval has no percent; saving it would be refused, so it is left out (and said so below).
  const measured = measures.filter((measure) => counts[measure.behaviour].percent !== null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  if (record.data) return <SavedObservation observation={record.data} goals={goals} studentId={studentId} onAnother={onAnother} />;

  function save(requestId: string) {
    const input: ObservationInput = {
      studentId,
      date: setup.date,
      intervalSeconds: setup.intervalSeconds,
      intervals: marks,
      peersCount: result.peers,
      measures: measured,
      ...(setup.setting.trim() ? { setting: setup.setting.trim() } : {}),
      ...(setup.note.trim() ? { note: setup.note.trim() } : {}),
    };
    return record.mutateAsync({ ...input, requestId });
  }

  return (
    <section className="panel stack" aria-labelledby={titleId}>
      <h2 id={titleId} ref={headingRef} tabIndex={-1} className="panel-title">
        {t('observation.review.title')}
      </h2>
      {result.kept === 0 ? (
        <>
          <p>{t('observation.review.nothing')}</p>
          <div className="actions">
            <Button className="button button--primary" onPress={onDiscard}>
              {t('observation.review.startAgain')}
            </Button>
          </div>
        </>
      ) : (
        <>
          <dl className="facts">
            <Fact term={t('observation.review.date')}>{formatDate(setup.date)}</Fact>
            <Fact term={t('observation.review.setting')}>{setup.setting.trim() || t('observation.review.noSetting')}</Fact>
            <Fact term={t('observation.review.intervals')}>
              {result.kept < result.planned
                ? t('observation.review.intervalsEarly', { kept: result.kept, planned: result.planned, seconds: setup.intervalSeconds })
                : t('observation.review.intervalsAll', { kept: result.kept, seconds: setup.intervalSeconds })}
            </Fact>
            <Fact term={t('observation.review.peers')}>{result.peers}</Fact>
            {setup.note.trim() ? <Fact term={t('observation.review.note')}>{setup.note.trim()}</Fact> : null}
          </dl>
          <SummaryTable counts={counts} />
          <p>
            {counts.missing > 0
              ? t('observation.review.missing', { count: counts.missing, total: counts.total })
              : t('observation.review.noneMissing')}
          </p>
          <EveryInterval marks={marks} />
          <h3 className="subform-title">{t('observation.review.points')}</h3>
          {measures.length === 0 ? (
            <p>{t('observation.review.noPoints')}</p>
          ) : (
            <ul className="obs-points">
              {measures.map((measure) => {
                const goal = named.get(measure.goalId)?.name ?? '';
                const behaviour = t(`observation.behavioursInText.${measure.behaviour}`);
                const percent = counts[measure.behaviour].percent;
                return (
                  <li key={measure.goalId}>
                    {percent === null
                      ? t('observation.review.noPoint', { goal, behaviour })
                      : t('observation.review.point', { goal, value: percent, behaviour })}
                  </li>
                );
              })}
            </ul>
          )}
          <FormAlert id={alertId}>{record.isError ? describe(record.error) : null}</FormAlert>
          <SubmitForm className="actions" aria-describedby={alertId} onSubmit={save}>
            <SubmitButton pending={record.isPending}>{t('observation.review.save')}</SubmitButton>
            <Button className="button button--secondary" onPress={() => setDiscarding(true)}>
              {t('observation.review.discard')}
            </Button>
          </SubmitForm>
          <ConfirmDialog
            isOpen={discarding}
            title={t('observation.review.discardTitle')}
            text={t('observation.review.discardText')}
            confirmLabel={t('observation.review.discardConfirm')}
            onCancel={() => setDiscarding(false)}
            onConfirm={onDiscard}
          />
        </>
      )}
    </section>
  );
}

function SummaryTable({ counts }: { counts: Tally }) {
  const { t } = useTranslation();
  const captionId = useId();
  const percent = (count: BehaviourCount) =>
    count.percent === null ? t('observation.review.noPercent') : t('observation.review.percentValue', { value: count.percent });
  return (
    <div className="table-wrap">
      <table className="data-table obs-summary" aria-labelledby={captionId}>
        <caption id={captionId}>{t('observation.review.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('observation.review.behaviour')}</th>
            <th scope="col">{t('observation.review.seen')}</th>
            <th scope="col">{t('observation.review.recorded')}</th>
            <th scope="col">{t('observation.review.percent')}</th>
          </tr>
        </thead>
        <tbody>
          {TALLIED.map((behaviour) => (
            <tr key={behaviour} className={behaviour === 'initiated' || behaviour === 'responded' ? 'obs-summary-part' : undefined}>
              <th scope="row">{t(`observation.behaviours.${behaviour}`)}</th>
              <td>{counts[behaviour].yes}</td>
              <td>{counts[behaviour].recorded}</td>
              <td>{percent(counts[behaviour])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EveryInterval({ marks }: { marks: readonly IntervalMark[] }) {
  const { t } = useTranslation();
  const captionId = useId();
  const word = (value: boolean | null) =>
    value === null ? t('observation.review.missingMark') : value ? t('observation.review.yes') : t('observation.review.no');
  const rows = marks.map((mark, index) => ({ mark, number: index + 1 }));
  return (
    <details className="graph-data">
      <summary>{t('observation.review.everyInterval')}</summary>
      <div className="table-wrap">
        <table className="data-table" aria-labelledby={captionId}>
          <caption id={captionId}>{t('observation.review.everyIntervalCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('observation.review.intervalNumber')}</th>
              {TAPS.map((tap) => (
                <th key={tap} scope="col">
                  {t(`observation.behaviours.${tap}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ mark, number }) => (
              <tr key={number}>
                <th scope="row">{number}</th>
                {TAPS.map((tap) => (
                  <td key={tap}>{word(mark[tap])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

interface SavedObservationProps {
  observation: Observation;
  goals: MeasurableGoal[];
  studentId: string;
  onAnother: () => void;
}

function SavedObservation({ observation, goals, studentId, onAnother }: SavedObservationProps) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const planTitle = usePlanTitle();
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const named = new Map(goals.map((goal) => [goal.goal.id, goal]));

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="panel stack" aria-labelledby={titleId}>
      <h2 id={titleId} ref={headingRef} tabIndex={-1} className="panel-title">
        {t('observation.saved.title')}
      </h2>
      {observation.progressPoints.length === 0 ? (
        <p>{t('observation.saved.noPoints')}</p>
      ) : (
        <>
          <p>{t('observation.saved.points')}</p>
          <ul className="obs-points">
            {observation.progressPoints.map((point) => {
              const goal = named.get(point.goalId);
              return (
                <li key={point.id}>
                  {t('observation.saved.point', { goal: goal?.name ?? '', value: point.value, date: formatDate(point.date) })}{' '}
                  {goal ? (
                    <a href={routeHref('students', studentId, 'plans', goal.plan.id)}>
                      {t('observation.saved.openPlan', { plan: planTitle(goal.plan) })}
                    </a>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <div className="actions">
        <Button className="button button--primary" onPress={onAnother}>
          {t('observation.saved.another')}
        </Button>
      </div>
    </section>
  );
}
