/**
 * One suggestion: the seat (whose accommodation, which role, which class), the mentor, the score and
 * every reason in plain words; then Accept, Reject (remembered for later runs) or "Choose another
 * mentor". Once decided, the buttons give way to what was decided and the heading takes focus.
 */
import { useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { MatchSuggestion } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { routeHref } from '../../app/hash-route';
import { FormAlert } from '../../components/FormAlert';
import { focusSoon } from '../../components/focus-soon';
import { useServiceError } from '../../components/service-error';
import { useRefreshMentorData } from '../mentors/mentor-cache';
import { OverrideForm } from './OverrideForm';
import { ReasonList } from './ReasonList';
import { useRefreshRejections } from './RejectionsPanel';
import type { Decision } from './run-decisions';
import { SeatLine } from './SeatLine';

export interface SuggestionCardProps {
  suggestion: MatchSuggestion;
  startDate: string;
  decision: Decision | null;
  /** null: a rejection was taken back, so the suggestion is open again. */
  onDecided: (decision: Decision | null) => void;
  /** A continuing pair was marked as working: the run no longer fits and is run again. */
  onKeptChanged: () => void;
}

export function SuggestionCard({ suggestion, startDate, decision, onDecided, onKeptChanged }: SuggestionCardProps) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const refresh = useRefreshMentorData();
  const titleId = useId();
  const alertId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [choosing, setChoosing] = useState(false);
  const settle = (next: Decision | null) => {
    onDecided(next);
    setChoosing(false);
    focusSoon(() => headingRef.current);
  };
  const accept = useApiMutation('matching.accept', {
    onSuccess: async () => {
      settle({ kind: 'accepted' });
      await refresh();
    },
  });
  const refreshRejections = useRefreshRejections();
  const reject = useApiMutation('matching.reject', {
    onSuccess: async () => {
      settle({ kind: 'rejected' });
      await refreshRejections();
    },
  });
  const unreject = useApiMutation('matching.unreject', {
    onSuccess: async () => {
      settle(null);
      await refreshRejections();
    },
  });
  const keep = useApiMutation('matching.markWorking', { onSuccess: onKeptChanged });
  const failure = accept.error ?? reject.error ?? unreject.error ?? keep.error;
  const busy = accept.isPending || reject.isPending || unreject.isPending || keep.isPending;
  const names = { mentor: suggestion.mentorName, student: suggestion.studentName, setting: suggestion.settingClass };

  return (
    <li className="match-card">
      <article className="stack" aria-labelledby={titleId}>
        <div className="match-card-header">
          <h3 id={titleId} ref={headingRef} tabIndex={-1} className="match-card-title">
            {t('matching.suggestions.cardTitle', names)}
          </h3>
          <span className="match-score">{t('matching.score', { score: suggestion.score })}</span>
        </div>
        <SeatLine seat={suggestion} />
        <p>
          {suggestion.continues ? t('matching.suggestions.continues') : t('matching.suggestions.mentor')}{' '}
          <a href={routeHref('mentors', suggestion.mentorId)}>{suggestion.mentorName}</a>
        </p>
        <ReasonList reasons={suggestion.reasons} label={t('matching.suggestions.reasons', names)} />
        {decision ? (
          <>
            <DecisionNote suggestion={suggestion} decision={decision} />
            {decision.kind === 'rejected' ? (
              <>
                <div className="actions">
                  <Button
                    className="button button--quiet"
                    onPress={() => busy || unreject.mutate({ mentorId: suggestion.mentorId, accommodationId: suggestion.accommodationId })}
                  >
                    {t('matching.suggestions.undoReject')}
                    <span className="visually-hidden"> {t('matching.suggestions.which', names)}</span>
                  </Button>
                </div>
                <FormAlert id={alertId}>{unreject.error ? describe(unreject.error) : null}</FormAlert>
              </>
            ) : null}
          </>
        ) : (
          <>
            <div className="actions">
              {suggestion.continues && suggestion.replacesAssignmentId ? (
                <Button
                  className="button button--secondary"
                  onPress={() =>
                    busy ||
                    (suggestion.replacesAssignmentId && keep.mutate({ assignmentId: suggestion.replacesAssignmentId, working: true }))
                  }
                >
                  {t('matching.kept.keep')}
                  <span className="visually-hidden"> {t('matching.suggestions.which', names)}</span>
                </Button>
              ) : (
                <>
                  <Button
                    className="button button--primary"
                    onPress={() =>
                      busy ||
                      accept.mutate({
                        startDate,
                        suggestions: [
                          {
                            mentorId: suggestion.mentorId,
                            accommodationId: suggestion.accommodationId,
                            replacesAssignmentId: suggestion.replacesAssignmentId,
                          },
                        ],
                        ending: [],
                      })
                    }
                  >
                    {t('matching.suggestions.accept')}
                    <span className="visually-hidden"> {t('matching.suggestions.which', names)}</span>
                  </Button>
                  <Button
                    className="button button--secondary"
                    onPress={() => busy || reject.mutate({ mentorId: suggestion.mentorId, accommodationId: suggestion.accommodationId })}
                  >
                    {t('matching.suggestions.reject')}
                    <span className="visually-hidden"> {t('matching.suggestions.which', names)}</span>
                  </Button>
                </>
              )}
              <Button className="button button--quiet" aria-expanded={choosing} onPress={() => setChoosing((open) => !open)}>
                {t('matching.override.open')}
                <span className="visually-hidden"> {t('matching.override.forSeat', names)}</span>
              </Button>
              <span role="status" className="busy-text">
                {busy ? t('app.working') : null}
              </span>
            </div>
            <FormAlert id={alertId}>{failure ? describe(failure) : null}</FormAlert>
            {choosing ? (
              <OverrideForm
                seat={suggestion}
                startDate={startDate}
                replacesAssignmentId={suggestion.replacesAssignmentId}
                skipMentorId={suggestion.mentorId}
                onDone={(mentorName) => settle({ kind: 'chosen', mentorName })}
              />
            ) : null}
          </>
        )}
      </article>
    </li>
  );
}

function DecisionNote({ suggestion, decision }: { suggestion: MatchSuggestion; decision: Decision }) {
  const { t } = useTranslation();
  const names = { mentor: suggestion.mentorName, student: suggestion.studentName, setting: suggestion.settingClass };
  return (
    <p className={decision.kind === 'rejected' ? 'match-decision match-decision--rejected' : 'match-decision'}>
      {decision.kind === 'accepted'
        ? t('matching.suggestions.accepted', names)
        : decision.kind === 'rejected'
          ? t('matching.suggestions.rejected', names)
          : t('matching.suggestions.chosen', { ...names, chosen: decision.mentorName })}{' '}
      <a href={routeHref('students', suggestion.studentId)}>{t('matching.suggestions.studentLink', names)}</a>
    </p>
  );
}
