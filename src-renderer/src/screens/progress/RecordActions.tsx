/**
 * "Edit" and "Delete" buttons for one logged record (a session, a progress point): deleting asks
 * first and refreshes the progress views; the caller owns the edit dialog, passed as children.
 */
import { type ReactNode, useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useApiMutation } from '../../api-client/react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormAlert } from '../../components/FormAlert';
import { useServiceError } from '../../components/service-error';
import { useRefreshProgress } from './progress-cache';

export interface RecordActionsLabels {
  edit: string;
  /** The edit button's accessible name, which says which record. */
  editNamed: string;
  delete: string;
  deleteNamed: string;
  deleteTitle: string;
  deleteText: string;
  deleteConfirm: string;
}

export interface RecordActionsProps {
  /** Added to `actions` on the buttons' row. */
  className: string;
  deleteChannel: 'sessions.delete' | 'progressPoints.delete';
  id: string;
  labels: RecordActionsLabels;
  onEdit: () => void;
  /** The buttons go away with the record: the caller puts the keyboard somewhere sensible. */
  onDeleted: () => void;
  /** The edit dialog. */
  children: ReactNode;
}

export function RecordActions({ className, deleteChannel, id, labels, onEdit, onDeleted, children }: RecordActionsProps) {
  const describe = useServiceError();
  const refresh = useRefreshProgress();
  const alertId = useId();
  const [deleting, setDeleting] = useState(false);
  const remove = useApiMutation(deleteChannel, {
    onSuccess: async () => {
      setDeleting(false);
      await refresh();
      onDeleted();
    },
    onError: () => setDeleting(false),
  });
  return (
    <>
      <div className={`actions ${className}`}>
        <Button className="button button--quiet" aria-label={labels.editNamed} onPress={onEdit}>
          {labels.edit}
        </Button>
        <Button className="button button--quiet" aria-label={labels.deleteNamed} onPress={() => setDeleting(true)}>
          {labels.delete}
        </Button>
      </div>
      <FormAlert id={alertId}>{remove.isError ? describe(remove.error) : null}</FormAlert>
      {children}
      <ConfirmDialog
        isOpen={deleting}
        title={labels.deleteTitle}
        text={labels.deleteText}
        confirmLabel={labels.deleteConfirm}
        isWorking={remove.isPending}
        onCancel={() => setDeleting(false)}
        onConfirm={() => remove.mutate({ id })}
      />
    </>
  );
}
