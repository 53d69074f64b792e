/** How many idle minutes before Peerpath locks itself. */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button, FieldError, Form, Group, Input, Label, NumberField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { queryKey, useApiMutation, useApiQuery } from '../../api-client/react';
import { useIsReady, useRefreshStatus } from '../../app/vault-status';
import { useErrorMessage } from '../../components/error-message';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { SettingsSection } from './SettingsSection';

export function AutoLockSection() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const alertId = useId();
  const client = useQueryClient();
  const refreshStatus = useRefreshStatus();
  const settings = useApiQuery('settings.get', {}, { enabled: useIsReady() });
  const [edited, setEdited] = useState<number | null>(null);
  const save = useApiMutation('settings.update', {
    onSuccess: (saved) => {
      client.setQueryData(queryKey('settings.get', {}), saved);
      setEdited(null);
      void refreshStatus();
    },
  });
  const minutes = edited ?? settings.data?.autoLockMinutes ?? Number.NaN;

  return (
    <SettingsSection title={t('settings.autoLock.title')} intro={t('settings.autoLock.intro')}>
      <Form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (Number.isFinite(minutes) && !save.isPending) save.mutate({ autoLockMinutes: minutes });
        }}
      >
        <NumberField
          className="field"
          name="auto-lock-minutes"
          minValue={1}
          maxValue={240}
          step={1}
          isRequired
          isDisabled={!settings.data}
          value={minutes}
          onChange={(value) => {
            setEdited(value);
            save.reset();
          }}
          aria-describedby={save.isError ? alertId : undefined}
        >
          <Label className="field-label">{t('settings.autoLock.label')}</Label>
          <Group className="number-group">
            <Button slot="decrement" className="number-step">
              −
            </Button>
            <Input className="field-input number-input" />
            <Button slot="increment" className="number-step">
              +
            </Button>
          </Group>
          <FieldError className="field-error" />
        </NumberField>
        <FormAlert id={alertId}>{save.isError ? describe(save.error) : settings.isError ? describe(settings.error) : null}</FormAlert>
        <div className="actions">
          <SubmitButton pending={save.isPending}>{t('settings.autoLock.submit')}</SubmitButton>
          <FormStatus>{save.isSuccess ? t('settings.saved') : null}</FormStatus>
        </div>
      </Form>
    </SettingsSection>
  );
}
