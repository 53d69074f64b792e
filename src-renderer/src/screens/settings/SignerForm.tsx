/**
 * Who signs a mentor's letter of recognition: the title and contact printed under the signer's
 * name (report settings `signerTitle`, `signerContact`); empty fields print nothing.
 */
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ReportSettings } from '../../../../src-main/contract';
import { queryKey, useApiMutation } from '../../api-client/react';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { useServiceError } from '../../components/service-error';
import { TextInputField } from '../../components/TextInputField';

export function SignerForm({ settings }: { settings: ReportSettings }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const alertId = useId();
  const client = useQueryClient();
  const [title, setTitle] = useState(settings.signerTitle ?? '');
  const [contact, setContact] = useState(settings.signerContact ?? '');
  const save = useApiMutation('reportSettings.update', {
    onSuccess: (saved) => client.setQueryData(queryKey('reportSettings.get', {}), saved),
  });
  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!save.isPending) save.mutate({ signerTitle: title.trim() || null, signerContact: contact.trim() || null });
  }
  return (
    <Form className="stack" onSubmit={submit}>
      <TextInputField
        label={t('reportsScreen.settings.signerTitle')}
        description={t('reportsScreen.settings.signerTitleHint')}
        maxLength={200}
        value={title}
        onChange={(value) => {
          setTitle(value);
          save.reset();
        }}
      />
      <TextInputField
        label={t('reportsScreen.settings.signerContact')}
        description={t('reportsScreen.settings.signerContactHint')}
        maxLength={200}
        value={contact}
        onChange={(value) => {
          setContact(value);
          save.reset();
        }}
      />
      <FormAlert id={alertId}>{save.isError ? describe(save.error) : null}</FormAlert>
      <div className="actions">
        <SubmitButton pending={save.isPending}>{t('reportsScreen.settings.saveSigner')}</SubmitButton>
        <FormStatus>{save.isSuccess ? t('settings.saved') : null}</FormStatus>
      </div>
    </Form>
  );
}
