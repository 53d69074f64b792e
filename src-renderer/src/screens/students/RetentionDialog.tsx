/** Purge or de-identify one student, after typing their student number. */
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Student } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { useServiceError } from '../../components/service-error';
import { TypedConfirmDialog } from '../../components/TypedConfirmDialog';
import { displayName } from './student-name';

export type RetentionAction = 'purge' | 'deidentify';

export interface RetentionDialogProps {
  action: RetentionAction | null;
  student: Student;
  onClose: () => void;
  /** How many places in other records named the student and were scrubbed. */
  onPurged: (result: { mentionsScrubbed: number }) => void;
  onDeidentified: () => void;
}

export function RetentionDialog({ action, student, onClose, onPurged, onDeidentified }: RetentionDialogProps) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const client = useQueryClient();
  const purge = useApiMutation('students.purge', {
    onSuccess: async (result) => {
      // The record is gone: drop what the cache still holds of it rather than asking for it again.
      client.removeQueries({ queryKey: ['students.get', { id: student.id }] });
      client.removeQueries({ queryKey: ['plans.listForStudent', { studentId: student.id }] });
      await client.invalidateQueries({ queryKey: ['students.list'] });
      onClose();
      onPurged(result);
    },
  });
  const deidentify = useApiMutation('students.deidentify', {
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['students.get', { id: student.id }] });
      await client.invalidateQueries({ queryKey: ['students.list'] });
      onClose();
      onDeidentified();
    },
  });
  const mutation = action === 'deidentify' ? deidentify : purge;
  const name = displayName(student);
  const key = action ?? 'purge';

  return (
    <TypedConfirmDialog
      // A fresh dialog for each opening: nothing typed for one action carries over to the other.
      key={key}
      isOpen={action !== null}
      title={t(`students.retention.${key}Title`, { name })}
      expected={student.localId}
      fieldLabel={t('students.retention.typeNumber', { localId: student.localId })}
      mismatchMessage={t('students.retention.mismatch', { localId: student.localId })}
      confirmLabel={t(`students.retention.${key}Confirm`)}
      isWorking={mutation.isPending}
      errorText={mutation.isError ? describe(mutation.error) : null}
      onCancel={() => {
        mutation.reset();
        onClose();
      }}
      onConfirm={(typed) => mutation.mutate({ id: student.id, confirmLocalId: typed })}
    >
      <p>{t(`students.retention.${key}Explain`, { name })}</p>
      <p className="notice notice--warning">{t(`students.retention.${key}Other`)}</p>
    </TypedConfirmDialog>
  );
}
