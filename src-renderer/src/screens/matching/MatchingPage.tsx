/**
 * Matching (`#/mentors/matching`): Peerpath proposes mentors for every open seat of the program at
 * once. The team picks the start day and the kind of run (fill open seats, or a term-change
 * rotation), then decides suggestion by suggestion or all at once. A run is a snapshot: decisions
 * are shown on it until the next run, which starts from what was decided.
 */
import { useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { InputOf, MatchMode } from '../../../../src-main/contract';
import { isIsoDate } from '../../../../src-main/contract/calendar';
import { useApiQuery } from '../../api-client/react';
import { routeHref } from '../../app/hash-route';
import { DateInputField } from '../../components/DateInputField';
import { todayIso } from '../../components/dates';
import { FormAlert } from '../../components/FormAlert';
import { PageHeading } from '../../components/PageHeading';
import { SubmitButton } from '../../components/SubmitButton';
import { useServiceError } from '../../components/service-error';
import { AvoidListPanel } from './AvoidListPanel';
import { RejectionsPanel } from './RejectionsPanel';
import { RunResults } from './RunResults';

type RunRequest = InputOf<'matching.suggest'> & { startDate: string; mode: MatchMode };

export function MatchingPage() {
  const { t } = useTranslation();
  const describe = useServiceError();
  const alertId = useId();
  const modeName = useId();
  const [startDate, setStartDate] = useState(todayIso);
  const [mode, setMode] = useState<MatchMode>('fill');
  const [request, setRequest] = useState<RunRequest | null>(null);
  const run = useApiQuery('matching.suggest', request ?? { mode: 'fill' }, { enabled: request !== null });

  function submit(): void {
    if (!isIsoDate(startDate) || run.isFetching) return;
    if (request && request.startDate === startDate && request.mode === mode) void run.refetch();
    else setRequest({ startDate, mode });
  }

  return (
    <div className="page stack matching-page">
      <a className="back-link" href={routeHref('mentors')}>
        {t('matching.page.back')}
      </a>
      <PageHeading>{t('matching.page.title')}</PageHeading>
      <p className="lead">{t('matching.page.intro')}</p>
      <Form
        className="panel stack"
        aria-label={t('matching.run.formLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="form-row">
          <DateInputField
            label={t('matching.run.startDate')}
            name="match-start"
            isRequired
            value={startDate}
            onChange={setStartDate}
            description={t('matching.run.startDateHelp')}
          />
        </div>
        <fieldset className="radio-choices">
          <legend className="field-label">{t('matching.run.modeLegend')}</legend>
          {(['fill', 'rotation'] as const).map((choice) => (
            <label key={choice}>
              <input type="radio" name={modeName} value={choice} checked={mode === choice} onChange={() => setMode(choice)} />
              <span>
                <strong>{t(`matching.run.modes.${choice}.label`)}</strong>
                <span className="field-description">{t(`matching.run.modes.${choice}.help`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <FormAlert id={alertId}>{run.isError ? describe(run.error) : null}</FormAlert>
        <div className="actions">
          <SubmitButton pending={run.isFetching} busyText={t('matching.run.busy')}>
            {run.data ? t('matching.run.again') : t('matching.run.submit')}
          </SubmitButton>
          <a href={routeHref('settings')}>{t('matching.run.weightsLink')}</a>
        </div>
      </Form>
      {run.data ? <RunResults key={run.dataUpdatedAt} run={run.data} onRunAgain={() => void run.refetch()} /> : null}
      <RejectionsPanel />
      <AvoidListPanel />
    </div>
  );
}
