/**
 * Unlock with a passphrase. A wrong passphrase is said plainly in an alert tied to the field; after
 * repeated mistakes the service asks for a pause, and the button counts it down.
 */
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

export function UnlockForm({ onUseRecoveryKey }: { onUseRecoveryKey: () => void }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const alertId = useId();
  const acceptStatus = useAcceptStatus();
  const refreshStatus = useRefreshStatus();
  const [passphrase, setPassphrase] = useState('');
  const unlock = useApiMutation('vault.unlock', {
    onSuccess: (next) => {
      setPassphrase('');
      acceptStatus(next);
    },
    // The status says how long the service wants us to wait before the next attempt.
    onError: () => void refreshStatus(),
  });
  const waitSeconds = useRetryWaitSeconds();
  const wrongPassphrase = unlock.error instanceof ApiError && unlock.error.code === 'wrong_secret';

  return (
    <Form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (waitSeconds === 0 && !unlock.isPending) unlock.mutate({ passphrase });
      }}
    >
      <TextInputField
        label={t('passphrase.label')}
        name="passphrase"
        type="password"
        autoComplete="current-password"
        autoFocus
        isRequired
        value={passphrase}
        onChange={(value) => {
          setPassphrase(value);
          // A server error marks the field invalid, which blocks the next submit until it is cleared.
          unlock.reset();
        }}
        isInvalid={wrongPassphrase || undefined}
        aria-describedby={unlock.isError ? alertId : undefined}
      />
      <FormAlert id={alertId}>{unlock.isError ? describe(unlock.error) : null}</FormAlert>
      <div className="actions">
        <SubmitButton pending={unlock.isPending} isDisabled={waitSeconds > 0}>
          {waitSeconds > 0 ? t('unlock.waitSeconds', { seconds: waitSeconds }) : t('unlock.submit')}
        </SubmitButton>
        <Button className="button button--quiet" onPress={onUseRecoveryKey}>
          {t('unlock.useRecoveryKey')}
        </Button>
      </div>
    </Form>
  );
}
