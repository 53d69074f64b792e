/**
 * One run's answer: the totals, the suggestions (each with its reasons and its own Accept, Reject and
 * "Choose another mentor"), Accept all, the seats left open with why, and the running pairs a
 * rotation keeps or changes. Decisions stay on screen until the next run.
 */
import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { MatchRun } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useDateFormat } from '../../components/dates';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { focusSoon } from '../../components/focus-soon';
import { Panel } from '../../components/Panel';
import { useServiceError } from '../../components/service-error';
import { useRefreshMentorData } from '../mentors/mentor-cache';
import { OpenSeatCard } from './OpenSeatCard';
import { RunningPairs } from './RunningPairs';
import { acceptAllInput, type Decision, type Decisions, decide, seatKey, undecide, undecided } from './run-decisions';
import { SuggestionCard } from './SuggestionCard';

export function RunResults({ run, onRunAgain }: { run: MatchRun; onRunAgain: () => void }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const describe = useServiceError();
  const refresh = useRefreshMentorData();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [decisions, setDecisions] = useState<Decisions>(new Map());
  const [confirming, setConfirming] = useState(false);
  const [acceptedCount, setAcceptedCount] = useState<number | null>(null);
  const pending = undecided(run, decisions);
  const acceptAll = useApiMutation('matching.accept', {
    onSuccess: async (result) => {
      setDecisions((current) => pending.reduce((next, suggestion) => decide(next, seatKey(suggestion), { kind: 'accepted' }), current));
      setAcceptedCount(result.created.length);
      focusSoon(() => headingRef.current);
      await refresh();
    },
    onSettled: () => setConfirming(false),
  });
  const record = (key: string, decision: Decision | null) => {
    setAcceptedCount(null);
    setDecisions((current) => (decision ? decide(current, key, decision) : undecide(current, key)));
  };
  const ending = acceptAllInput(run, decisions).ending.length;

  return (
    <>
      <Panel
        title={t(`matching.results.title.${run.mode}`, { date: formatDate(run.startDate) })}
        intro={t('matching.results.totals', {
          count: run.totals.seats,
          filled: run.totals.seatsFilled,
          open: run.totals.seatsOpen,
          score: run.totals.totalScore,
        })}
        headingRef={headingRef}
      >
        <p className="field-description">{t('matching.results.scoreHelp')}</p>
        {pending.length > 0 ? (
          <div className="actions">
            <Button className="button button--primary" onPress={() => setConfirming(true)}>
              {t('matching.results.acceptAll', { count: pending.length })}
            </Button>
          </div>
        ) : null}
        <FormAlert id="matching-accept-all-alert">{acceptAll.isError ? describe(acceptAll.error) : null}</FormAlert>
        <FormStatus>{acceptedCount !== null ? t('matching.results.acceptedAll', { count: acceptedCount }) : null}</FormStatus>
        <ConfirmDialog
          isOpen={confirming}
          title={t('matching.results.confirmTitle', { count: pending.length })}
          text={
            ending > 0
              ? t('matching.results.confirmTextRotation', { count: pending.length, ending, date: formatDate(run.startDate) })
              : t('matching.results.confirmText', { count: pending.length, date: formatDate(run.startDate) })
          }
          confirmLabel={t('matching.results.confirm')}
          isWorking={acceptAll.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() => acceptAll.mutate(acceptAllInput(run, decisions))}
        />
      </Panel>

      <section className="stack" aria-labelledby="matching-suggestions-title">
        <h2 id="matching-suggestions-title" className="section-title">
          {t('matching.suggestions.title', { count: run.suggestions.length })}
        </h2>
        {run.suggestions.length === 0 ? <p>{t('matching.suggestions.none')}</p> : null}
        <ul className="match-list">
          {run.suggestions.map((suggestion) => (
            <SuggestionCard
              key={seatKey(suggestion)}
              suggestion={suggestion}
              startDate={run.startDate}
              decision={decisions.get(seatKey(suggestion)) ?? null}
              onDecided={(decision) => record(seatKey(suggestion), decision)}
              onKeptChanged={onRunAgain}
            />
          ))}
        </ul>
      </section>

      <section className="stack" aria-labelledby="matching-open-title">
        <h2 id="matching-open-title" className="section-title">
          {t('matching.open.title', { count: run.openSeats.length })}
        </h2>
        {run.openSeats.length === 0 ? <p>{t('matching.open.none')}</p> : <p>{t('matching.open.intro')}</p>}
        <ul className="match-list">
          {run.openSeats.map((seat) => (
            <OpenSeatCard key={seat.accommodationId} seat={seat} startDate={run.startDate} />
          ))}
        </ul>
      </section>

      <RunningPairs run={run} onChanged={onRunAgain} />
    </>
  );
}
