/**
 * "Edit" and "Delete" for one logged session, wherever it is listed (the week view's cells, an
 * accommodation's session log). Deleting asks first; the session's progress points stay as data.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../../src-main/contract';
import { useDateFormat } from '../../components/dates';
import { RecordActions } from './RecordActions';
import { type SessionChoices, SessionEditDialog } from './SessionEditDialog';

export interface SessionActionsProps {
  session: Session;
  choices: SessionChoices;
  /** The buttons go away with the session: the caller puts the keyboard somewhere sensible. */
  onDeleted: () => void;
}

export function SessionActions({ session, choices, onDeleted }: SessionActionsProps) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const [editing, setEditing] = useState(false);
  const date = formatDate(session.date);
  return (
    <RecordActions
      className="session-actions"
      deleteChannel="sessions.delete"
      id={session.id}
      labels={{
        edit: t('progress.sessions.edit'),
        editNamed: t('progress.sessions.editNamed', { date }),
        delete: t('progress.sessions.delete'),
        deleteNamed: t('progress.sessions.deleteNamed', { date }),
        deleteTitle: t('progress.sessions.deleteTitle', { date }),
        deleteText: session.progressPoints.length > 0 ? t('progress.sessions.deleteTextPoints') : t('progress.sessions.deleteText'),
        deleteConfirm: t('progress.sessions.deleteConfirm'),
      }}
      onEdit={() => setEditing(true)}
      onDeleted={onDeleted}
    >
      <SessionEditDialog session={editing ? session : null} choices={choices} onClose={() => setEditing(false)} />
    </RecordActions>
  );
}
