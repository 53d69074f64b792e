/** Change the signed-in member's own passphrase (rewraps one key slot; the records are untouched). */
import { useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../src-main/contract';
import { ApiError } from '../../api-client/client';
import { useApiMutation } from '../../api-client/react';
import { useErrorMessage } from '../../components/error-message';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { NewPassphraseFields } from '../../components/NewPassphraseFields';
import { SubmitButton } from '../../components/SubmitButton';
import { TextInputField } from '../../components/TextInputField';
import { SettingsSection } from './SettingsSection';

export function ChangePassphraseSection({ member }: { member: Member }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const alertId = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const change = useApiMutation('vault.changePassphrase', {
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setConfirm('');
    },
  });
  const code = change.error instanceof ApiError ? change.error.code : null;

  return (
    <SettingsSection title={t('settings.changePassphrase.title')}>
      <Form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (!change.isPending) change.mutate({ currentPassphrase: current, newPassphrase: next });
        }}
      >
        <TextInputField
          label={t('settings.changePassphrase.currentLabel')}
          name="current-passphrase"
          type="password"
          autoComplete="current-password"
          isRequired
          value={current}
          onChange={(value) => {
            setCurrent(value);
            // A server error marks the field invalid, which blocks the next submit until it is cleared.
            change.reset();
          }}
          isInvalid={code === 'wrong_secret' || undefined}
          aria-describedby={code === 'wrong_secret' ? alertId : undefined}
        />
        <NewPassphraseFields
          label={t('settings.changePassphrase.newLabel')}
          value={next}
          onChange={setNext}
          confirmValue={confirm}
          onConfirmChange={setConfirm}
          context={[member.name]}
          errorId={code === 'weak_passphrase' ? alertId : undefined}
        />
        <FormAlert id={alertId}>{change.isError ? describe(change.error) : null}</FormAlert>
        <div className="actions">
          <SubmitButton pending={change.isPending}>{t('settings.changePassphrase.submit')}</SubmitButton>
          <FormStatus>{change.isSuccess ? t('settings.changePassphrase.done') : null}</FormStatus>
        </div>
      </Form>
    </SettingsSection>
  );
}
