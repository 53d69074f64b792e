/** Give a colleague their own passphrase to the vault. */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { StaffRole } from '../../../../src-main/contract';
import { ApiError } from '../../api-client/client';
import { queryKey, useApiMutation } from '../../api-client/react';
import { useErrorMessage } from '../../components/error-message';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { NewPassphraseFields } from '../../components/NewPassphraseFields';
import { RoleSelect } from '../../components/RoleSelect';
import { SubmitButton } from '../../components/SubmitButton';
import { TextInputField } from '../../components/TextInputField';

export function AddMemberForm() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const alertId = useId();
  const titleId = useId();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('general_education_teacher');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const add = useApiMutation('vault.addMember', {
    // The list is re-read before the confirmation shows, so the two never disagree.
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKey('vault.members', {}) });
      setName('');
      setPassphrase('');
      setConfirm('');
    },
  });
  const aboutPassphrase = add.error instanceof ApiError && add.error.code === 'weak_passphrase';

  return (
    <Form
      className="stack subform"
      aria-labelledby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        if (!add.isPending) add.mutate({ name, role, passphrase });
      }}
    >
      <h3 id={titleId} className="subform-title">
        {t('settings.addMember.title')}
      </h3>
      <TextInputField
        label={t('settings.addMember.nameLabel')}
        name="member-name"
        autoComplete="off"
        isRequired
        value={name}
        onChange={setName}
      />
      <RoleSelect label={t('settings.addMember.roleLabel')} value={role} onChange={setRole} />
      <NewPassphraseFields
        label={t('settings.addMember.passphraseLabel')}
        advice={t('settings.addMember.advice')}
        value={passphrase}
        onChange={setPassphrase}
        confirmValue={confirm}
        onConfirmChange={setConfirm}
        context={[name]}
        errorId={aboutPassphrase ? alertId : undefined}
      />
      <FormAlert id={alertId}>{add.isError ? describe(add.error) : null}</FormAlert>
      <div className="actions">
        <SubmitButton pending={add.isPending}>{t('settings.addMember.submit')}</SubmitButton>
        <FormStatus>{add.isSuccess ? t('settings.addMember.added', { name: add.data.name }) : null}</FormStatus>
      </div>
    </Form>
  );
}
