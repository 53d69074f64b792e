/**
 * Settings: which progress-code set new reports use. Each preset is listed with its codes so the
 * choice is informed; reports already saved keep the set they were written in.
 */
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { PROGRESS_CODE_SET_IDS, type ProgressCodeSetId } from '../../../../src-main/contract';
import { queryKey, useApiMutation, useApiQuery } from '../../api-client/react';
import { useIsReady } from '../../app/vault-status';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { useServiceError } from '../../components/service-error';
import { SettingsSection } from './SettingsSection';

export function ProgressCodesSection() {
  const { t, i18n } = useTranslation();
  const describe = useServiceError();
  const client = useQueryClient();
  const choiceId = useId();
  const alertId = useId();
  const codes = useApiQuery('progressCodes.get', {}, { enabled: useIsReady() });
  const [chosen, setChosen] = useState<ProgressCodeSetId | null>(null);
  const save = useApiMutation('progressCodes.setActive', {
    onSuccess: (saved) => {
      client.setQueryData(queryKey('progressCodes.get', {}), saved);
      setChosen(null);
    },
  });
  const selected = chosen ?? codes.data?.active;
  const list = new Intl.ListFormat(i18n.language, { type: 'unit', style: 'short' });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (selected && !save.isPending) save.mutate({ setId: selected });
  }

  return (
    <SettingsSection title={t('periods.codes.title')} intro={t('periods.codes.intro')}>
      <Form className="stack" onSubmit={submit}>
        <fieldset className="periods-choice" aria-describedby={`${choiceId}-keep`}>
          <legend className="field-label">{t('periods.codes.legend')}</legend>
          <div className="periods-code-sets">
            {(codes.data?.sets ?? []).map((set) => (
              <div key={set.id} className="periods-code-set">
                <div className="checkbox-field">
                  <input
                    id={`${choiceId}-${set.id}`}
                    type="radio"
                    name={choiceId}
                    checked={selected === set.id}
                    aria-describedby={`${choiceId}-${set.id}-codes`}
                    onChange={() => {
                      setChosen(PROGRESS_CODE_SET_IDS.find((id) => id === set.id) ?? null);
                      save.reset();
                    }}
                  />
                  <label htmlFor={`${choiceId}-${set.id}`}>{set.name}</label>
                </div>
                <p id={`${choiceId}-${set.id}-codes`} className="field-description">
                  {t('periods.codes.codesOf', { codes: list.format(set.codes.map((code) => code.label)) })}
                </p>
              </div>
            ))}
          </div>
          <p id={`${choiceId}-keep`} className="field-description">
            {t('periods.codes.keep')}
          </p>
        </fieldset>
        <FormAlert id={alertId}>{save.isError ? describe(save.error) : codes.isError ? describe(codes.error) : null}</FormAlert>
        <div className="actions">
          <SubmitButton pending={save.isPending}>{t('periods.codes.submit')}</SubmitButton>
          <FormStatus>{save.isSuccess ? t('settings.saved') : null}</FormStatus>
        </div>
      </Form>
    </SettingsSection>
  );
}
