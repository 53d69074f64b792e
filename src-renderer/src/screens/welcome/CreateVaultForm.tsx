/** Create the vault: who you are, and the passphrase that will open it (checked live as you type). */
import { useId, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { StaffRole } from '../../../../src-main/contract';
import { ApiError } from '../../api-client/client';
import { useApiMutation } from '../../api-client/react';
import { useRefreshStatus } from '../../app/vault-status';
import { useErrorMessage } from '../../components/error-message';
import { FormAlert } from '../../components/FormAlert';
import { NewPassphraseFields } from '../../components/NewPassphraseFields';
import { RoleSelect } from '../../components/RoleSelect';
import { SubmitButton } from '../../components/SubmitButton';
import { TextInputField } from '../../components/TextInputField';
import type { WelcomeNote } from './welcome-note';

export function CreateVaultForm({ onCreated, onBack }: { onCreated: (note: WelcomeNote) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const alertId = useId();
  const refreshStatus = useRefreshStatus();
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('case_manager');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const create = useApiMutation('vault.create', {
    onSuccess: ({ recoveryKey }) => {
      onCreated({ kind: 'recovery-key', recoveryKey });
      void refreshStatus();
    },
  });
  const aboutPassphrase = create.error instanceof ApiError && create.error.code === 'weak_passphrase';

  return (
    <Form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (!create.isPending) create.mutate({ memberName: name, memberRole: role, passphrase });
      }}
    >
      <TextInputField
        label={t('createVault.nameLabel')}
        name="name"
        autoComplete="name"
        autoFocus
        isRequired
        value={name}
        onChange={setName}
      />
      <RoleSelect label={t('createVault.roleLabel')} value={role} onChange={setRole} />
      <NewPassphraseFields
        label={t('passphrase.label')}
        value={passphrase}
        onChange={setPassphrase}
        confirmValue={confirm}
        onConfirmChange={setConfirm}
        context={[name]}
        errorId={aboutPassphrase ? alertId : undefined}
      />
      <FormAlert id={alertId}>{create.isError ? describe(create.error) : null}</FormAlert>
      <div className="actions">
        <SubmitButton pending={create.isPending} busyText={t('createVault.working')}>
          {t('createVault.submit')}
        </SubmitButton>
        <Button className="button button--quiet" onPress={onBack} isDisabled={create.isPending}>
          {t('app.back')}
        </Button>
      </div>
    </Form>
  );
}
