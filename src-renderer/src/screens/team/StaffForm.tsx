/**
 * Adding a staff member, or editing one in place of their row. A staff record is not vault access:
 * colleagues who should open the vault get a passphrase in Settings.
 */
import { useId, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { InputOf, StaffMember, StaffRole } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { FormAlert } from '../../components/FormAlert';
import { RoleSelect } from '../../components/RoleSelect';
import { SubmitButton } from '../../components/SubmitButton';
import { useServiceError } from '../../components/service-error';
import { TextInputField } from '../../components/TextInputField';
import { useRefreshStaff } from './staff-cache';

// Loose on purpose: the service has the final word; this only catches a missing "@" before sending.
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type StaffChanges = InputOf<'staff.update'>['changes'];

function changesFrom(original: StaffMember, next: { name: string; role: StaffRole; email: string; localId: string }): StaffChanges {
  const changes: StaffChanges = {};
  if (next.name !== original.name) changes.name = next.name;
  if (next.role !== original.role) changes.role = next.role;
  if (next.email && next.email !== original.email) changes.email = next.email;
  if (next.localId && next.localId !== original.localId) changes.localId = next.localId;
  return changes;
}

export function StaffForm({ original, onDone }: { original?: StaffMember; onDone: (saved: StaffMember | null) => void }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const refresh = useRefreshStaff();
  const titleId = useId();
  const alertId = useId();
  const [name, setName] = useState(original?.name ?? '');
  const [role, setRole] = useState<StaffRole>(original?.role ?? 'general_education_teacher');
  const [email, setEmail] = useState(original?.email ?? '');
  const [localId, setLocalId] = useState(original?.localId ?? '');
  const saved = async (member: StaffMember) => {
    await refresh();
    if (!original) {
      setName('');
      setEmail('');
      setLocalId('');
    }
    onDone(member);
  };
  const create = useApiMutation('staff.create', { onSuccess: saved });
  const update = useApiMutation('staff.update', { onSuccess: saved });
  const save = original ? update : create;
  const values = { name: name.trim(), role, email: email.trim(), localId: localId.trim() };

  return (
    <Form
      className={original ? 'stack' : 'stack subform'}
      aria-labelledby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        if (save.isPending) return;
        if (original) update.mutate({ id: original.id, changes: changesFrom(original, values) });
        else create.mutate({ name: values.name, role, email: values.email || undefined, localId: values.localId || undefined });
      }}
    >
      <h3 id={titleId} className="subform-title">
        {original ? t('team.staff.editTitle', { name: original.name }) : t('team.staff.addTitle')}
      </h3>
      <div className="form-row">
        <TextInputField
          label={t('team.staff.name')}
          name="staff-name"
          autoComplete="off"
          isRequired
          value={name}
          onChange={setName}
          validate={(value) => (value.trim() ? null : t('team.staff.nameRequired'))}
        />
        <RoleSelect label={t('team.staff.role')} value={role} onChange={setRole} />
      </div>
      <div className="form-row">
        <TextInputField
          label={t('team.staff.email')}
          name="staff-email"
          type="email"
          autoComplete="off"
          value={email}
          onChange={setEmail}
          validate={(value) => {
            if (value.trim() === '') return original?.email ? t('team.staff.emailCannotBeCleared') : null;
            return LOOKS_LIKE_EMAIL.test(value.trim()) ? null : t('team.staff.emailInvalid');
          }}
          aria-describedby={save.isError ? alertId : undefined}
        />
        <TextInputField
          label={t('team.staff.localId')}
          name="staff-local-id"
          autoComplete="off"
          value={localId}
          onChange={setLocalId}
          validate={(value) => (value.trim() === '' && original?.localId ? t('team.staff.localIdCannotBeCleared') : null)}
          aria-describedby={save.isError ? alertId : undefined}
        />
      </div>
      <FormAlert id={alertId}>{save.isError ? describe(save.error) : null}</FormAlert>
      <div className="actions">
        <SubmitButton pending={save.isPending}>{original ? t('team.staff.save') : t('team.staff.add')}</SubmitButton>
        {original ? (
          <Button className="button button--secondary" onPress={() => onDone(null)}>
            {t('app.cancel')}
          </Button>
        ) : null}
      </div>
    </Form>
  );
}
