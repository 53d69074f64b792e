/**
 * Backups made before the vault's key was last rotated: they still open with the passphrases (and
 * recovery key) of their day, removed members' too, so each is listed with a Delete button (after a
 * confirmation). Deleting goes by the backup's recorded id; the section is left out when there are none.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { RecordedBackup } from '../../../../src-main/contract';
import { queryKey, useApiMutation, useApiQuery } from '../../api-client/react';
import { useIsReady } from '../../app/vault-status';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useErrorMessage } from '../../components/error-message';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { SettingsSection } from './SettingsSection';

export function OldBackupsSection() {
  const { t, i18n } = useTranslation();
  const describe = useErrorMessage();
  const client = useQueryClient();
  const backups = useApiQuery('vault.backups', {}, { enabled: useIsReady() });
  const [deleting, setDeleting] = useState<RecordedBackup | null>(null);
  const [deleted, setDeleted] = useState(false);
  const remove = useApiMutation('vault.deleteBackup', {
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKey('vault.backups', {}) });
      setDeleted(true);
      setDeleting(null);
    },
  });
  const old = (backups.data ?? []).filter((backup) => backup.preRotation);
  if (old.length === 0 && !deleted && !remove.isError) return null;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const size = new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });

  return (
    <SettingsSection title={t('settings.oldBackups.title')} intro={t('settings.oldBackups.intro')}>
      <ul className="member-list">
        {old.map((backup) => {
          const date = when.format(new Date(backup.madeAt));
          return (
            <li key={backup.id} className="member">
              <div>
                <p className="member-name">{backup.path}</p>
                <p className="member-meta">{t('settings.oldBackups.taken', { date, size: size.format(backup.bytes / 1_000_000) })}</p>
              </div>
              <Button
                className="button button--quiet"
                onPress={() => {
                  remove.reset();
                  setDeleted(false);
                  setDeleting(backup);
                }}
              >
                {t('settings.oldBackups.delete', { date })}
              </Button>
            </li>
          );
        })}
      </ul>
      <FormAlert id="old-backups-alert">{remove.isError ? describe(remove.error) : null}</FormAlert>
      <FormStatus>{deleted ? t('settings.oldBackups.deleted') : null}</FormStatus>
      <ConfirmDialog
        isOpen={deleting !== null}
        title={t('settings.oldBackups.deleteTitle')}
        text={t('settings.oldBackups.deleteText', { path: deleting?.path ?? '' })}
        confirmLabel={t('settings.oldBackups.deleteConfirm')}
        isWorking={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      />
    </SettingsSection>
  );
}
