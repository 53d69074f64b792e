/**
 * Changing a logged session, from the week view or an accommodation's session log: its date, held or
 * missed (and why), minutes, mentors, goals and note. Only what changed is sent, so the audit trail
 * names just those fields. Its progress points are changed from the goal's graph.
 */
import { type FormEvent, useId, useState } from 'react';
import { Button, Dialog, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { MissReason, Session, SessionChanges } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import type { CheckboxItem } from '../../components/CheckboxGroup';
import { DateInputField } from '../../components/DateInputField';
import { useDateFormat } from '../../components/dates';
import { FormAlert } from '../../components/FormAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { useServiceError } from '../../components/service-error';
import { TextInputField } from '../../components/TextInputField';
import { useRefreshProgress } from './progress-cache';
import { SessionLinkFields } from './SessionLinkFields';
import { SessionStatusFields } from './SessionStatusFields';

export interface SessionChoices {
  /** Every mentor ever assigned to the accommodation, so a past session's mentors can be shown. */
  mentors: readonly CheckboxItem[];
  /** The goals the accommodation serves. */
  goals: readonly CheckboxItem[];
}

export interface SessionEditDialogProps {
  /** The session to change; null keeps the dialog closed. */
  session: Session | null;
  choices: SessionChoices;
  onClose: (saved: boolean) => void;
}

export function SessionEditDialog({ session, choices, onClose }: SessionEditDialogProps) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  return (
    <ModalOverlay className="modal-overlay" isOpen={session !== null} isDismissable onOpenChange={(open) => open || onClose(false)}>
      <Modal className="modal modal--wide">
        <Dialog className="dialog stack">
          <Heading slot="title" className="dialog-title">
            {t('progress.sessions.editTitle', { date: session ? formatDate(session.date) : '' })}
          </Heading>
          {session ? <SessionEditForm session={session} choices={choices} onClose={onClose} /> : null}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

function SessionEditForm({ session, choices, onClose }: { session: Session; choices: SessionChoices; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const refresh = useRefreshProgress();
  const alertId = useId();
  const [date, setDate] = useState(session.date);
  const [missed, setMissed] = useState(session.status === 'missed');
  const [reason, setReason] = useState<MissReason | ''>(session.missReason ?? '');
  const [minutes, setMinutes] = useState(session.status === 'held' ? String(session.minutes) : '');
  const [mentorIds, setMentorIds] = useState<string[]>(session.mentorIds);
  const [goalIds, setGoalIds] = useState<string[]>(session.goalIds);
  const [note, setNote] = useState(session.note ?? '');
  const update = useApiMutation('sessions.update', {
    onSuccess: async () => {
      await refresh();
      onClose(true);
    },
  });
  const goalItems = [
    ...choices.goals,
    ...session.goalIds
      .filter((id) => !choices.goals.some((goal) => goal.id === id))
      .map((id) => ({ id, label: t('progress.sessions.otherGoal') })),
  ];

  function changes(): SessionChanges {
    const status = missed ? 'missed' : 'held';
    const nextGoals = missed ? [] : goalIds;
    return {
      ...(date !== session.date ? { date } : {}),
      ...(status !== session.status ? { status } : {}),
      ...(missed && reason !== (session.missReason ?? '') ? { missReason: reason || null } : {}),
      ...(!missed && Number(minutes) !== session.minutes ? { minutes: Number(minutes) } : {}),
      ...(sameSet(mentorIds, session.mentorIds) ? {} : { mentorIds }),
      ...(sameSet(nextGoals, session.goalIds) ? {} : { goalIds: nextGoals }),
      ...(note.trim() !== (session.note ?? '') ? { note: note.trim() || null } : {}),
    };
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // React passes events up through portals: the week view's own form must not submit too.
    event.stopPropagation();
    if (update.isPending) return;
    const changed = changes();
    if (Object.keys(changed).length === 0) onClose(false);
    else update.mutate({ id: session.id, changes: changed });
  }

  return (
    <Form className="stack" onSubmit={submit} aria-label={t('progress.sessions.editForm')}>
      <div className="form-row">
        <DateInputField label={t('progress.sessions.date')} value={date} onChange={setDate} isRequired aria-describedby={alertId} />
        <SessionStatusFields
          missed={missed}
          onMissedChange={setMissed}
          reason={reason}
          onReasonChange={setReason}
          minutes={minutes}
          onMinutesChange={setMinutes}
          checkMinutes
          aria-describedby={alertId}
        />
      </div>
      <SessionLinkFields
        mentors={choices.mentors}
        mentorIds={mentorIds}
        onMentorIdsChange={setMentorIds}
        missed={missed}
        goals={goalItems}
        goalIds={goalIds}
        onGoalIdsChange={setGoalIds}
        goalsDescription={session.progressPoints.length > 0 ? t('progress.sessions.pointsStay') : undefined}
      />
      <TextInputField label={t('progress.sessions.note')} value={note} onChange={setNote} />
      <FormAlert id={alertId}>{update.isError ? describe(update.error) : null}</FormAlert>
      <div className="actions">
        <Button className="button button--secondary" onPress={() => onClose(false)}>
          {t('app.cancel')}
        </Button>
        <SubmitButton pending={update.isPending}>{t('progress.sessions.saveChanges')}</SubmitButton>
      </div>
    </Form>
  );
}
