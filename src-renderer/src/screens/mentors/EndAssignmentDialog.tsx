/**
 * Ending an assignment: on which day (today unless said otherwise) and why. The mentor is free again
 * from that day. Used from an accommodation's card and from the mentor's own page.
 */
import { useId, useState } from 'react';
import { Button, Dialog, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Assignment } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { DateInputField } from '../../components/DateInputField';
import { todayIso, useDateFormat } from '../../components/dates';
import { FormAlert } from '../../components/FormAlert';
import { SelectField } from '../../components/SelectField';
import { SubmitButton } from '../../components/SubmitButton';
import { useServiceError } from '../../components/service-error';
import { useRefreshMentorData } from './mentor-cache';

const REASONS = ['finished', 'reassigned', 'other'] as const;
type ChosenReason = (typeof REASONS)[number];

export interface EndAssignmentDialogProps {
  /** The assignment to end, and whose it is, for the dialog's title; null keeps the dialog closed. */
  ending: { assignment: Assignment; mentorName: string } | null;
  onClose: (ended: boolean) => void;
}

export function EndAssignmentDialog({ ending, onClose }: EndAssignmentDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalOverlay className="modal-overlay" isOpen={ending !== null} isDismissable onOpenChange={(open) => open || onClose(false)}>
      <Modal className="modal">
        <Dialog className="dialog stack">
          <Heading slot="title" className="dialog-title">
            {t('assignments.end.title', { name: ending?.mentorName ?? '', setting: ending?.assignment.settingClass ?? '' })}
          </Heading>
          {ending ? <EndAssignmentForm assignment={ending.assignment} onClose={onClose} /> : null}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function EndAssignmentForm({ assignment, onClose }: { assignment: Assignment; onClose: (ended: boolean) => void }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const formatDate = useDateFormat();
  const refresh = useRefreshMentorData();
  const alertId = useId();
  // Today, unless the assignment has not started yet: then it can only end on its first day.
  const [endDate, setEndDate] = useState(() => [todayIso(), assignment.startDate].sort()[1] ?? todayIso());
  const [reason, setReason] = useState<ChosenReason>('finished');
  const end = useApiMutation('assignments.end', {
    onSuccess: async () => {
      await refresh();
      onClose(true);
    },
  });

  return (
    <Form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (!end.isPending) end.mutate({ id: assignment.id, endDate, reason });
      }}
    >
      <p>{t('assignments.end.text')}</p>
      <DateInputField
        label={t('assignments.end.dateLabel')}
        name="end-date"
        isRequired
        min={assignment.startDate}
        value={endDate}
        onChange={(value) => {
          setEndDate(value);
          end.reset();
        }}
        customError={
          endDate !== '' && endDate < assignment.startDate
            ? t('assignments.end.beforeStart', { start: formatDate(assignment.startDate) })
            : null
        }
        aria-describedby={end.isError ? alertId : undefined}
      />
      <SelectField
        label={t('assignments.end.reasonLabel')}
        value={reason}
        options={REASONS.map((value) => ({ value, label: t(`assignments.reasons.${value}`) }))}
        onChange={(value) => setReason(REASONS.find((known) => known === value) ?? 'finished')}
      />
      <FormAlert id={alertId}>{end.isError ? describe(end.error) : null}</FormAlert>
      <div className="actions">
        <Button className="button button--secondary" onPress={() => onClose(false)}>
          {t('app.cancel')}
        </Button>
        <SubmitButton pending={end.isPending}>{t('assignments.end.submit')}</SubmitButton>
      </div>
    </Form>
  );
}
