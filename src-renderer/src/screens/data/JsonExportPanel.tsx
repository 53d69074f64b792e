/**
 * Everything in the vault as one JSON file (the documented export format), for moving to another
 * computer or archiving. The file is NOT encrypted and holds student records, so a dialog says so
 * plainly before anything is made; the file is then offered as a download, saved where the person
 * chooses. The vault records that an export happened (not where it went).
 */
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api-client/react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { Panel } from '../../components/Panel';
import { useServiceError } from '../../components/service-error';

function saveAsDownload(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has its own copy once it starts; the page keeps none of the records.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function JsonExportPanel() {
  const { t } = useTranslation();
  const describe = useServiceError();
  const [confirming, setConfirming] = useState(false);
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const exportJson = useApiMutation('exchange.exportJson', { onError: () => setConfirming(false) });

  return (
    <Panel title={t('data.export.title')} intro={t('data.export.intro')}>
      <p className="notice notice--warning">{t('data.export.notEncrypted')}</p>
      <div className="actions">
        <Button
          className="button button--secondary"
          onPress={() => {
            setSavedAs(null);
            exportJson.reset();
            setConfirming(true);
          }}
        >
          {t('data.export.open')}
        </Button>
      </div>
      <FormAlert id="json-export-alert">{exportJson.isError ? describe(exportJson.error) : null}</FormAlert>
      <FormStatus>{savedAs ? t('data.export.done', { fileName: savedAs }) : null}</FormStatus>
      <ConfirmDialog
        isOpen={confirming}
        title={t('data.export.confirmTitle')}
        text={t('data.export.confirmText')}
        confirmLabel={t('data.export.confirm')}
        isWorking={exportJson.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          exportJson.mutate(
            {},
            {
              onSuccess: ({ fileName, json }) => {
                saveAsDownload(fileName, json);
                setSavedAs(fileName);
                setConfirming(false);
                // The records are in the download now; the page lets go of its copy at once.
                exportJson.reset();
              },
            },
          )
        }
      />
    </Panel>
  );
}
