/**
 * "Edit" and "Delete" for one logged session, wherever it is listed (the week view's cells, an
 * accommodation's session log). Deleting asks first; the session's progress points stay as data.
 */
import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useDateFormat } from '../../components/dates';
import { FormAlert } from '../../components/FormAlert';
import { useServiceError } from '../../components/service-error';
import { useRefreshProgress } from './progress-cache';
import { type SessionChoices, SessionEditDialog } from './SessionEditDialog';

export interface SessionActionsProps {
  session: Session;
  choices: SessionChoices;
  /** The buttons go away with the session: the caller puts the keyboard somewhere sensible. */
  onDeleted: () => void;
}

export function SessionActions({ session, choices, onDeleted }: SessionActionsProps) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const formatDate = useDateFormat();
  const refresh = useRefreshProgress();
  const alertId = useId();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const date = formatDate(session.date);
  const remove = useApiMutation('sessions.delete', {
    onSuccess: async () => {
      setDeleting(false);
      await refresh();
      onDeleted();
    },
    onError: () => setDeleting(false),
  });
  return (
    <>
      <div className="actions session-actions">
        <Button className="button button--quiet" aria-label={t('progress.sessions.editNamed', { date })} onPress={() => setEditing(true)}>
          {t('progress.sessions.edit')}
        </Button>
        <Button
          className="button button--quiet"
          aria-label={t('progress.sessions.deleteNamed', { date })}
          onPress={() => setDeleting(true)}
        >
          {t('progress.sessions.delete')}
        </Button>
      </div>
      <FormAlert id={alertId}>{remove.isError ? describe(remove.error) : null}</FormAlert>
      <SessionEditDialog session={editing ? session : null} choices={choices} onClose={() => setEditing(false)} />
      <ConfirmDialog
        isOpen={deleting}
        title={t('progress.sessions.deleteTitle', { date })}
        text={session.progressPoints.length > 0 ? t('progress.sessions.deleteTextPoints') : t('progress.sessions.deleteText')}
        confirmLabel={t('progress.sessions.deleteConfirm')}
        isWorking={remove.isPending}
        onCancel={() => setDeleting(false)}
        onConfirm={() => remove.mutate({ id: session.id })}
      />
    </>
  );
}
