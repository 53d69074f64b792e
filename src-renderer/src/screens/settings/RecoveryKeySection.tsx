/**
 * Replace the recovery key. The new key is shown once in a dialog; closing it drops the key from
 * memory (the mutation is reset), so it cannot be shown again.
 */
import { useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api-client/react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useErrorMessage } from '../../components/error-message';
import { FormAlert } from '../../components/FormAlert';
import { RecoveryKeySheet } from '../../components/RecoveryKeySheet';
import { SettingsSection } from './SettingsSection';

export function RecoveryKeySection() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [confirming, setConfirming] = useState(false);
  const replace = useApiMutation('vault.newRecoveryKey', { onSettled: () => setConfirming(false) });

  return (
    <SettingsSection title={t('settings.recoveryKey.title')} intro={t('settings.recoveryKey.intro')}>
      <div className="actions">
        <Button className="button button--secondary" onPress={() => setConfirming(true)}>
          {t('settings.recoveryKey.submit')}
        </Button>
      </div>
      <FormAlert id="recovery-key-alert">{replace.isError ? describe(replace.error) : null}</FormAlert>
      <ConfirmDialog
        isOpen={confirming}
        title={t('settings.recoveryKey.confirmTitle')}
        text={t('settings.recoveryKey.confirmText')}
        confirmLabel={t('settings.recoveryKey.confirm')}
        isWorking={replace.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => replace.mutate({})}
      />
      <ModalOverlay className="modal-overlay" isOpen={replace.isSuccess} isDismissable={false} isKeyboardDismissDisabled>
        <Modal className="modal modal--wide">
          <Dialog className="dialog stack">
            <Heading slot="title" className="dialog-title">
              {t('settings.recoveryKey.sheetTitle')}
            </Heading>
            {replace.data ? (
              <RecoveryKeySheet
                recoveryKey={replace.data.recoveryKey}
                continueLabel={t('settings.recoveryKey.done')}
                onContinue={() => replace.reset()}
              />
            ) : null}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </SettingsSection>
  );
}
