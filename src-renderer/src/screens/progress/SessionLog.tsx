/**
 * "Log a session" on an accommodation card: the form opens filled with the smart defaults (today, or
 * Friday on a weekend; the usual minutes, the mentors assigned that day, every goal the accommodation
 * serves), with the focus on the date, so a routine entry is: open, Enter. The last few sessions are
 * listed below, each with "Edit" and "Delete".
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Accommodation, Assignment, MissReason, PlanDetail, SessionDefaults } from '../../../../src-main/contract';
import { useApiMutation, useApiQuery } from '../../api-client/react';
import { DateInputField } from '../../components/DateInputField';
import { useDateFormat } from '../../components/dates';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { focusSoon } from '../../components/focus-soon';
import { SubmitButton } from '../../components/SubmitButton';
import { SubmitForm } from '../../components/SubmitForm';
import { useServiceError } from '../../components/service-error';
import { TextInputField } from '../../components/TextInputField';
import { useGoalChoiceLabel } from '../plans/plan-labels';
import { useRefreshProgress } from './progress-cache';
import { SessionActions } from './SessionActions';
import type { SessionChoices } from './SessionEditDialog';
import { SessionLinkFields } from './SessionLinkFields';
import { SessionStatusFields } from './SessionStatusFields';

const RECENT = 5;

export function SessionLog({ accommodation, detail }: { accommodation: Accommodation; detail: PlanDetail }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const formatDate = useDateFormat();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const logButton = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The form's buttons go away with it: give the keyboard back to "Log a session".
  const close = () => {
    setOpen(false);
    focusSoon(() => logButton.current);
  };
  const sessions = useApiQuery('sessions.listForAccommodation', { accommodationId: accommodation.id });
  const assignments = useApiQuery('assignments.listForAccommodation', { accommodationId: accommodation.id });
  const goalChoiceLabel = useGoalChoiceLabel(detail);
  const canLog = detail.plan.status === 'active';
  const recent = (sessions.data ?? []).slice(0, RECENT);
  const choices: SessionChoices = {
    mentors: mentorItems(assignments.data ?? []),
    goals: detail.goals
      .filter((goal) => accommodation.serves.includes(goal.id))
      .map((goal) => ({ id: goal.id, label: goalChoiceLabel(goal) })),
  };
  return (
    <section className="stack session-log" aria-labelledby={titleId}>
      <h4 id={titleId} ref={headingRef} tabIndex={-1} className="subform-title">
        {t('progress.sessions.title')}
      </h4>
      {canLog && !open ? (
        <div className="actions">
          <Button
            ref={logButton}
            className="button button--secondary"
            onPress={() => {
              setSaved(null);
              setOpen(true);
            }}
          >
            {t('progress.sessions.log')}
          </Button>
        </div>
      ) : null}
      {canLog && open ? (
        <SessionForm
          accommodation={accommodation}
          choices={{ ...choices, mentors: mentorItems((assignments.data ?? []).filter((row) => row.active)) }}
          onCancel={close}
          onSaved={(text) => {
            setSaved(text);
            close();
          }}
        />
      ) : null}
      <FormStatus>{saved}</FormStatus>
      {sessions.error ? <p className="form-alert">{describe(sessions.error)}</p> : null}
      {sessions.data && recent.length === 0 ? <p className="muted">{t('progress.sessions.none')}</p> : null}
      {recent.length > 0 ? (
        <ul className="record-list session-list" aria-label={t('progress.sessions.recent')}>
          {recent.map((session) => (
            <li key={session.id} className="record">
              <span>
                {session.status === 'held'
                  ? t('progress.sessions.held', { date: formatDate(session.date), minutes: session.minutes })
                  : t('progress.sessions.missed', {
                      date: formatDate(session.date),
                      reason: t(`progress.sessions.reasons.${session.missReason ?? 'other'}`),
                    })}
              </span>
              {canLog ? (
                <SessionActions
                  session={session}
                  choices={choices}
                  onDeleted={() => {
                    setSaved(null);
                    focusSoon(() => logButton.current ?? headingRef.current);
                  }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Each mentor once, by the name they go by. */
function mentorItems(assignments: readonly Assignment[]) {
  return [...new Map(assignments.map((row) => [row.mentorId, { id: row.mentorId, label: row.mentorName }])).values()];
}

interface SessionFormProps {
  accommodation: Accommodation;
  /** The mentors assigned now and the goals the accommodation serves. */
  choices: SessionChoices;
  onCancel: () => void;
  onSaved: (text: string) => void;
}

function SessionForm(props: SessionFormProps) {
  const defaults = useApiQuery('sessions.defaults', { accommodationId: props.accommodation.id });
  const describe = useServiceError();
  if (defaults.error) return <p className="form-alert">{describe(defaults.error)}</p>;
  if (!defaults.data) return null;
  return <SessionFields {...props} defaults={defaults.data} />;
}

function SessionFields({ accommodation, choices, defaults, onCancel, onSaved }: SessionFormProps & { defaults: SessionDefaults }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const formatDate = useDateFormat();
  const refresh = useRefreshProgress();
  const alertId = useId();
  const [date, setDate] = useState(defaults.date);
  const [missed, setMissed] = useState(false);
  const [reason, setReason] = useState<MissReason | ''>('');
  const [minutes, setMinutes] = useState(String(defaults.minutes));
  const [mentorIds, setMentorIds] = useState<string[]>(defaults.mentorIds);
  const [goalIds, setGoalIds] = useState<string[]>(defaults.goalIds);
  const [note, setNote] = useState('');
  const dateRef = useRef<HTMLDivElement>(null);
  useEffect(() => focusSoon(() => dateRef.current?.querySelector('input')), []);
  const create = useApiMutation('sessions.create', {
    onSuccess: (session) => {
      void refresh();
      onSaved(t('progress.sessions.saved', { date: formatDate(session.date) }));
    },
  });
  function submit(requestId: string) {
    return create.mutateAsync({
      accommodationId: accommodation.id,
      date,
      status: missed ? 'missed' : 'held',
      ...(missed ? { minutes: 0, ...(reason ? { missReason: reason } : {}) } : { minutes: Number(minutes) }),
      mentorIds,
      goalIds: missed ? [] : goalIds,
      ...(note.trim() ? { note: note.trim() } : {}),
      requestId,
    });
  }
  return (
    <SubmitForm className="stack session-form" onSubmit={submit} aria-label={t('progress.sessions.formTitle')}>
      <div className="form-row">
        <div ref={dateRef} className="field-wrap">
          <DateInputField label={t('progress.sessions.date')} value={date} onChange={setDate} isRequired aria-describedby={alertId} />
        </div>
        <SessionStatusFields
          missed={missed}
          onMissedChange={setMissed}
          reason={reason}
          onReasonChange={setReason}
          minutes={minutes}
          onMinutesChange={setMinutes}
          minutesDescription={
            defaults.minutesFrom === 'plan' ? t('progress.sessions.minutesFromPlan') : t('progress.sessions.minutesFromRecent')
          }
          aria-describedby={alertId}
        />
      </div>
      <SessionLinkFields
        mentors={choices.mentors}
        mentorIds={mentorIds}
        onMentorIdsChange={setMentorIds}
        missed={missed}
        goals={choices.goals}
        goalIds={goalIds}
        onGoalIdsChange={setGoalIds}
      />
      <TextInputField label={t('progress.sessions.note')} value={note} onChange={setNote} />
      <div className="actions">
        <SubmitButton pending={create.isPending}>{t('progress.sessions.save')}</SubmitButton>
        <Button className="button button--quiet" onPress={onCancel}>
          {t('progress.sessions.cancel')}
        </Button>
      </div>
      <FormAlert id={alertId}>{create.isError ? describe(create.error) : null}</FormAlert>
    </SubmitForm>
  );
}
