/**
 * After the recovery key opened the vault: choose whose passphrase was forgotten and set a new one.
 * Nothing else is reachable until this is done, so the vault is never left open by "the key" alone.
 */
import { useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../src-main/contract';
import { useApiMutation, useApiQuery } from '../../api-client/react';
import { useAcceptStatus } from '../../app/vault-status';
import { useErrorMessage } from '../../components/error-message';
import { FormAlert } from '../../components/FormAlert';
import { NewPassphraseFields } from '../../components/NewPassphraseFields';
import { SubmitButton } from '../../components/SubmitButton';

export function ResetAfterRecovery({ preferredSlotId }: { preferredSlotId?: string }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const alertId = useId();
  const acceptStatus = useAcceptStatus();
  const members = useApiQuery('vault.members', {});
  const [chosen, setChosen] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [missingMember, setMissingMember] = useState(false);
  const reset = useApiMutation('vault.setPassphraseAfterRecovery', { onSuccess: acceptStatus });

  const list = members.data ?? [];
  // Until someone picks, offer the member whose work is waiting under the lock overlay, if any.
  const slotId = chosen ?? list.find((member) => member.slotId === preferredSlotId)?.slotId ?? '';
  const member = list.find((candidate) => candidate.slotId === slotId);

  if (members.isSuccess && list.length === 0) return <p className="form-alert">{t('reset.noMembers')}</p>;

  const errorText = missingMember
    ? t('reset.memberRequired')
    : reset.isError
      ? describe(reset.error)
      : members.isError
        ? describe(members.error)
        : null;
  return (
    <Form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        setMissingMember(!member);
        if (member && !reset.isPending) reset.mutate({ slotId: member.slotId, newPassphrase: passphrase });
      }}
    >
      <MemberSelect
        members={list}
        value={slotId}
        onChange={setChosen}
        describedBy={missingMember ? alertId : undefined}
        invalid={missingMember}
      />
      <NewPassphraseFields
        label={t('reset.newLabel')}
        value={passphrase}
        onChange={setPassphrase}
        confirmValue={confirm}
        onConfirmChange={setConfirm}
        context={member ? [member.name] : []}
        errorId={reset.isError ? alertId : undefined}
      />
      <FormAlert id={alertId}>{errorText}</FormAlert>
      <div className="actions">
        <SubmitButton pending={reset.isPending}>{t('reset.submit')}</SubmitButton>
      </div>
    </Form>
  );
}

interface MemberSelectProps {
  members: Member[];
  value: string;
  onChange: (slotId: string) => void;
  describedBy: string | undefined;
  invalid: boolean;
}

function MemberSelect({ members, value, onChange, describedBy, invalid }: MemberSelectProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {t('reset.memberLabel')}
      </label>
      <select
        id={id}
        className="field-input field-select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
      >
        <option value="">{t('reset.memberPlaceholder')}</option>
        {members.map((member) => (
          <option key={member.slotId} value={member.slotId}>
            {member.name} · {t(`roles.${member.role}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
