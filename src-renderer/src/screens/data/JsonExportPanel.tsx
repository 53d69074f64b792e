/**
 * Everything in the vault as one JSON file (the documented export format), for moving to another
 * computer or archiving. The file is NOT encrypted and holds student records, so a dialog says so
 * plainly before anything is made; then the system's save dialog asks where, and `exchange.save`
 * writes the file there (new, user-only). The page never holds the records, and nothing goes through
 * a browser download. The vault records that an export happened (not where it went).
 */
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api-client/react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { Panel } from '../../components/Panel';
import { useServiceError } from '../../components/service-error';

type SaveState =
  | { state: 'idle' }
  | { state: 'confirming' }
  | { state: 'saving' }
  | { state: 'cancelled' }
  | { state: 'saved'; path: string }
  | { state: 'failed'; error: unknown };

function suggestedName(now: Date): string {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `peerpath-export-${day}.json`;
}

export function JsonExportPanel() {
  const { t } = useTranslation();
  const describe = useServiceError();
  const api = useApi();
  const [save, setSave] = useState<SaveState>({ state: 'idle' });

  async function saveExport(): Promise<void> {
    setSave({ state: 'saving' });
    try {
      const { path } = await api('files.chooseSavePath', {
        title: t('data.export.dialogTitle'),
        suggestedName: suggestedName(new Date()),
        filter: 'json',
      });
      if (path === null) {
        setSave({ state: 'cancelled' });
        return;
      }
      const saved = await api('exchange.save', { path });
      setSave({ state: 'saved', path: saved.path });
    } catch (error) {
      setSave({ state: 'failed', error });
    }
  }

  const statusText =
    save.state === 'saved' ? t('data.export.done', { path: save.path }) : save.state === 'cancelled' ? t('data.export.cancelled') : null;

  return (
    <Panel title={t('data.export.title')} intro={t('data.export.intro')}>
      <p className="notice notice--warning">{t('data.export.notEncrypted')}</p>
      <div className="actions">
        <Button className="button button--secondary" onPress={() => setSave({ state: 'confirming' })}>
          {t('data.export.open')}
        </Button>
      </div>
      <FormAlert id="json-export-alert">{save.state === 'failed' ? describe(save.error) : null}</FormAlert>
      <FormStatus>{statusText}</FormStatus>
      <ConfirmDialog
        isOpen={save.state === 'confirming' || save.state === 'saving'}
        title={t('data.export.confirmTitle')}
        text={t('data.export.confirmText')}
        confirmLabel={t('data.export.confirm')}
        isWorking={save.state === 'saving'}
        onCancel={() => setSave({ state: 'idle' })}
        onConfirm={() => {
          if (save.state !== 'saving') void saveExport();
        }}
      />
    </Panel>
  );
}
