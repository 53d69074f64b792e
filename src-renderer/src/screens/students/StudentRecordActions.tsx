/**
 * What can happen to a record as a whole: archive (hidden, restorable, with Undo on the list), restore,
 * the "no longer needed" flag, and the two ends the retention rules allow (IDEA 300.624): purge or
 * de-identify, each behind a dialog that says plainly what it does and asks for the student number.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Student } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { navigate } from '../../app/hash-route';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { useCan } from '../../components/permissions';
import { useServiceError } from '../../components/service-error';
import type { ListNotice } from './list-state';
import { type RetentionAction, RetentionDialog } from './RetentionDialog';
import { displayName } from './student-name';

export function StudentRecordActions({ student, onLeaveForList }: { student: Student; onLeaveForList: (notice: ListNotice) => void }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const client = useQueryClient();
  const statusTitleId = useId();
  const retentionTitleId = useId();
  const [retention, setRetention] = useState<RetentionAction | null>(null);
  const [deidentified, setDeidentified] = useState(false);
  const name = displayName(student);
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['students.get', { id: student.id }] });
    await client.invalidateQueries({ queryKey: ['students.list'] });
  };
  const archive = useApiMutation('students.archive', {
    onSuccess: async () => {
      await refresh();
      onLeaveForList({ kind: 'archived', studentId: student.id, name });
      navigate('students');
    },
  });
  const restore = useApiMutation('students.restore', { onSuccess: refresh });
  const flag = useApiMutation('students.markNoLongerNeeded', { onSuccess: refresh });
  const failed = [archive, restore, flag].find((mutation) => mutation.isError);
  const isDeidentified = student.status === 'deidentified';
  const may = useCan();
  const mayPurge = may('students.purge');
  const mayDeidentify = may('students.deidentify') && !isDeidentified;
  if (!may('students.manage')) return null;

  return (
    <>
      <section className="panel stack" aria-labelledby={statusTitleId}>
        <h2 id={statusTitleId} className="panel-title">
          {t('students.record.title')}
        </h2>
        {student.status === 'active' ? (
          <div className="action-row">
            <p>{t('students.record.archiveText')}</p>
            <Button className="button button--secondary" onPress={() => archive.isPending || archive.mutate({ id: student.id })}>
              {t('students.record.archive')}
            </Button>
          </div>
        ) : null}
        {student.status === 'archived' ? (
          <div className="action-row">
            <p>{t('students.record.archivedText')}</p>
            <Button className="button button--secondary" onPress={() => restore.isPending || restore.mutate({ id: student.id })}>
              {t('students.record.restore')}
            </Button>
          </div>
        ) : null}
        {isDeidentified ? (
          <p>{t('students.record.deidentifiedText')}</p>
        ) : (
          <div className="action-row">
            <p>{student.noLongerNeeded ? t('students.record.flaggedText') : t('students.record.flagText')}</p>
            <Button
              className="button button--secondary"
              onPress={() => flag.isPending || flag.mutate({ id: student.id, noLongerNeeded: !student.noLongerNeeded })}
            >
              {student.noLongerNeeded ? t('students.record.unflag') : t('students.record.flag')}
            </Button>
          </div>
        )}
        <FormAlert id="student-record-alert">{failed ? describe(failed.error) : null}</FormAlert>
        <FormStatus>
          {restore.isSuccess ? t('students.notices.restored', { name }) : deidentified ? t('students.notices.deidentified') : null}
        </FormStatus>
      </section>
      {mayPurge || mayDeidentify ? (
        <section className="panel panel--danger stack" aria-labelledby={retentionTitleId}>
          <h2 id={retentionTitleId} className="panel-title">
            {t('students.retention.title')}
          </h2>
          <p>{t('students.retention.intro')}</p>
          <ul className="retention-choices">
            <li>
              <strong>{t('students.retention.purgeName')}</strong> {t('students.retention.purgeText')}
            </li>
            {isDeidentified ? null : (
              <li>
                <strong>{t('students.retention.deidentifyName')}</strong> {t('students.retention.deidentifyText')}
              </li>
            )}
          </ul>
          <div className="actions">
            {mayPurge ? (
              <Button className="button button--danger" onPress={() => setRetention('purge')}>
                {t('students.retention.purge')}
              </Button>
            ) : null}
            {!mayDeidentify ? null : (
              <Button className="button button--secondary" onPress={() => setRetention('deidentify')}>
                {t('students.retention.deidentify')}
              </Button>
            )}
          </div>
        </section>
      ) : null}
      <RetentionDialog
        action={retention}
        student={student}
        onClose={() => setRetention(null)}
        onPurged={({ mentionsScrubbed }) => {
          onLeaveForList({ kind: 'purged', name, mentionsScrubbed });
          navigate('students');
        }}
        onDeidentified={() => {
          setDeidentified(true);
          // The button that opened the dialog is gone with the identity; start again from the page's heading.
          requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
        }}
      />
    </>
  );
}
