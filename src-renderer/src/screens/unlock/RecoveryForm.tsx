/** Unlock with the printed recovery key; the gate then asks for a new passphrase before anything else. */
import { useId, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api-client/client';
import { useApiMutation } from '../../api-client/react';
import { useAcceptStatus, useRefreshStatus } from '../../app/vault-status';
import { useErrorMessage } from '../../components/error-message';
import { FormAlert } from '../../components/FormAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { TextInputField } from '../../components/TextInputField';
import { useRetryWaitSeconds } from './retry-wait';

export function RecoveryForm({ onUsePassphrase }: { onUsePassphrase: () => void }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const alertId = useId();
  const acceptStatus = useAcceptStatus();
  const refreshStatus = useRefreshStatus();
  const [recoveryKey, setRecoveryKey] = useState('');
  const unlock = useApiMutation('vault.unlockWithRecoveryKey', {
    onSuccess: (next) => {
      setRecoveryKey('');
      acceptStatus(next);
    },
    onError: () => void refreshStatus(),
  });
  const waitSeconds = useRetryWaitSeconds();
  const notAKey = unlock.error instanceof ApiError && (unlock.error.code === 'wrong_secret' || unlock.error.code === 'invalid_input');

  return (
    <Form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (waitSeconds === 0 && !unlock.isPending) unlock.mutate({ recoveryKey });
      }}
    >
      <TextInputField
        label={t('recovery.keyLabel')}
        name="recovery-key"
        autoComplete="off"
        spellCheck="false"
        autoFocus
        isRequired
        value={recoveryKey}
        onChange={(value) => {
          setRecoveryKey(value);
          // A server error marks the field invalid, which blocks the next submit until it is cleared.
          unlock.reset();
        }}
        isInvalid={notAKey || undefined}
        aria-describedby={unlock.isError ? alertId : undefined}
      />
      <FormAlert id={alertId}>{unlock.isError ? (notAKey ? t('recovery.wrong') : describe(unlock.error)) : null}</FormAlert>
      <div className="actions">
        <SubmitButton pending={unlock.isPending} isDisabled={waitSeconds > 0}>
          {waitSeconds > 0 ? t('unlock.waitSeconds', { seconds: waitSeconds }) : t('recovery.submit')}
        </SubmitButton>
        <Button className="button button--quiet" onPress={onUsePassphrase}>
          {t('recovery.usePassphrase')}
        </Button>
      </div>
    </Form>
  );
}
