/**
 * "Edit" and "Delete" for one progress point, in the goal graph's data table: a small dialog for its
 * date, value, setting and note (refusals shown inline), and a confirm step before deleting.
 */
import { type FormEvent, useId, useState } from 'react';
import { Button, Dialog, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Goal, ProgressPoint, ProgressPointChanges } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { DateInputField } from '../../components/DateInputField';
import { useDateFormat } from '../../components/dates';
import { FormAlert } from '../../components/FormAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { useServiceError } from '../../components/service-error';
import { TextInputField } from '../../components/TextInputField';
import { PointValueField } from './PointValueField';
import { useRefreshProgress } from './progress-cache';
import { RecordActions } from './RecordActions';

export interface PointActionsProps {
  point: ProgressPoint;
  goal: Goal;
  /** The buttons go away with the point: the caller puts the keyboard somewhere sensible. */
  onDeleted: () => void;
}

export function PointActions({ point, goal, onDeleted }: PointActionsProps) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const [editing, setEditing] = useState(false);
  const named = { value: point.value, date: formatDate(point.date) };
  return (
    <RecordActions
      className="point-actions"
      deleteChannel="progressPoints.delete"
      id={point.id}
      labels={{
        edit: t('progress.points.edit'),
        editNamed: t('progress.points.editNamed', named),
        delete: t('progress.points.delete'),
        deleteNamed: t('progress.points.deleteNamed', named),
        deleteTitle: t('progress.points.deleteTitle', named),
        deleteText: t('progress.points.deleteText'),
        deleteConfirm: t('progress.points.deleteConfirm'),
      }}
      onEdit={() => setEditing(true)}
      onDeleted={onDeleted}
    >
      <ModalOverlay className="modal-overlay" isOpen={editing} isDismissable onOpenChange={setEditing}>
        <Modal className="modal">
          <Dialog className="dialog stack">
            <Heading slot="title" className="dialog-title">
              {t('progress.points.editTitle', named)}
            </Heading>
            <PointEditForm point={point} goal={goal} onClose={() => setEditing(false)} />
          </Dialog>
        </Modal>
      </ModalOverlay>
    </RecordActions>
  );
}

function PointEditForm({ point, goal, onClose }: { point: ProgressPoint; goal: Goal; onClose: () => void }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const refresh = useRefreshProgress();
  const alertId = useId();
  const [date, setDate] = useState(point.date);
  const [value, setValue] = useState(String(point.value));
  const [setting, setSetting] = useState(point.setting ?? '');
  const [note, setNote] = useState(point.note ?? '');
  const update = useApiMutation('progressPoints.update', {
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // React passes events up through portals: the week view's own form must not submit too.
    event.stopPropagation();
    if (update.isPending) return;
    const changes: ProgressPointChanges = {
      ...(date !== point.date ? { date } : {}),
      ...(Number(value) !== point.value ? { value: Number(value) } : {}),
      ...(setting.trim() !== (point.setting ?? '') ? { setting: setting.trim() || null } : {}),
      ...(note.trim() !== (point.note ?? '') ? { note: note.trim() || null } : {}),
    };
    if (Object.keys(changes).length === 0) onClose();
    else update.mutate({ id: point.id, changes });
  }
  return (
    <Form className="stack" onSubmit={submit} aria-label={t('progress.points.editForm')}>
      <DateInputField label={t('progress.addPoint.date')} value={date} onChange={setDate} isRequired aria-describedby={alertId} />
      <PointValueField goal={goal} value={value} onChange={setValue} allowEmpty={false} aria-describedby={alertId} />
      <TextInputField label={t('progress.addPoint.setting')} value={setting} onChange={setSetting} />
      <TextInputField label={t('progress.points.note')} value={note} onChange={setNote} />
      <FormAlert id={alertId}>{update.isError ? describe(update.error) : null}</FormAlert>
      <div className="actions">
        <Button className="button button--secondary" onPress={onClose}>
          {t('app.cancel')}
        </Button>
        <SubmitButton pending={update.isPending}>{t('progress.points.save')}</SubmitButton>
      </div>
    </Form>
  );
}
