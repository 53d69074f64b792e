/**
 * Check-ins on the student's page: "Record a check-in" opens the form above the timeline, and each
 * check-in of a current support can be edited in place or deleted (after a question). Check-ins of
 * earlier plan versions stay as they were. Focus goes back to the button that opened a form.
 */
import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CheckIn } from '../../../../src-main/contract';
import { useApiMutation, useApiQuery } from '../../api-client/react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { todayIso, useDateFormat } from '../../components/dates';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { focusSoon } from '../../components/focus-soon';
import { Panel } from '../../components/Panel';
import { useServiceError } from '../../components/service-error';
import { CheckInEntry } from './CheckInEntry';
import { CheckInForm } from './CheckInForm';
import { CheckInList } from './CheckInList';
import { useRefreshCheckIns } from './checkin-cache';
import { useSupportName } from './checkin-labels';
import { useActiveSupports } from './student-supports';

export function CheckInTimeline({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const formatDate = useDateFormat();
  const supportName = useSupportName();
  const refresh = useRefreshCheckIns();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const recordButton = useRef<HTMLButtonElement>(null);
  const [recording, setRecording] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<CheckIn | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const checkIns = useApiQuery('checkIns.listForStudent', { studentId });
  const { supports, isPending, error } = useActiveSupports(studentId, todayIso());
  const editable = new Set(supports.map((support) => support.id));
  const remove = useApiMutation('checkIns.delete');
  const confirmDelete = (checkIn: CheckIn) =>
    remove.mutate(
      { id: checkIn.id },
      {
        onSuccess: async () => {
          setStatus(t('checkIns.deleted', { date: formatDate(checkIn.date) }));
          await refresh();
          setDeleting(null);
          // The deleted entry's buttons went with it.
          focusSoon(() => headingRef.current);
        },
        // The refusal shows in the panel's alert, not behind the dialog.
        onError: () => setDeleting(null),
      },
    );

  const editButtonOf = (id: string) => document.querySelector<HTMLElement>(`[data-edit-check-in="${id}"]`);
  const renderEntry = (checkIn: CheckIn) => {
    if (checkIn.id === editingId) {
      return (
        <CheckInForm
          mode={{ kind: 'edit', checkIn }}
          onCancel={() => {
            setEditingId(null);
            focusSoon(() => editButtonOf(checkIn.id));
          }}
          onSaved={(message) => {
            setStatus(message);
            setEditingId(null);
            focusSoon(() => editButtonOf(checkIn.id));
          }}
        />
      );
    }
    const what = { date: formatDate(checkIn.date), what: supportName(checkIn) };
    return (
      <CheckInEntry
        checkIn={checkIn}
        showMentor
        note={editable.has(checkIn.accommodationId) ? undefined : t('checkIns.entry.earlierPlan')}
        actions={
          editable.has(checkIn.accommodationId) ? (
            <>
              <Button
                className="button button--secondary"
                aria-label={t('checkIns.entry.editLabel', what)}
                data-edit-check-in={checkIn.id}
                onPress={() => {
                  setStatus(null);
                  setRecording(false);
                  setEditingId(checkIn.id);
                }}
              >
                {t('checkIns.entry.edit')}
              </Button>
              <Button
                className="button button--quiet"
                aria-label={t('checkIns.entry.deleteLabel', what)}
                onPress={() => {
                  setStatus(null);
                  remove.reset();
                  setDeleting(checkIn);
                }}
              >
                {t('checkIns.entry.delete')}
              </Button>
            </>
          ) : null
        }
      />
    );
  };

  return (
    <Panel title={t('checkIns.title')} intro={t('checkIns.intro')} headingRef={headingRef}>
      {!isPending && supports.length === 0 ? <p className="muted">{t('checkIns.noSupport')}</p> : null}
      {supports.length > 0 && !recording ? (
        <div className="actions">
          <Button
            ref={recordButton}
            className="button button--primary"
            onPress={() => {
              setStatus(null);
              setEditingId(null);
              setRecording(true);
            }}
          >
            {t('checkIns.record')}
          </Button>
        </div>
      ) : null}
      {recording ? (
        <CheckInForm
          mode={{ kind: 'create', supports }}
          onCancel={() => {
            setRecording(false);
            focusSoon(() => recordButton.current);
          }}
          onSaved={(message) => {
            setStatus(message);
            setRecording(false);
            focusSoon(() => recordButton.current);
          }}
        />
      ) : null}
      <FormStatus>{status}</FormStatus>
      <FormAlert id={`check-ins-alert-${studentId}`}>
        {checkIns.error || error ? describe(checkIns.error ?? error) : remove.isError ? describe(remove.error) : null}
      </FormAlert>
      {checkIns.isPending ? <p role="status">{t('checkIns.loading')}</p> : null}
      {checkIns.data ? <CheckInList checkIns={checkIns.data} emptyText={t('checkIns.none')} renderEntry={renderEntry} /> : null}
      <ConfirmDialog
        isOpen={deleting !== null}
        title={t('checkIns.entry.confirmTitle')}
        text={deleting ? t('checkIns.entry.confirmText', { date: formatDate(deleting.date), what: supportName(deleting) }) : ''}
        confirmLabel={t('checkIns.entry.confirm')}
        isWorking={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && confirmDelete(deleting)}
      />
    </Panel>
  );
}
