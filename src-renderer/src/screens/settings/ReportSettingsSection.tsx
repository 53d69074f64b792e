/**
 * Report settings: the school name printed at the top of every PDF (empty: each person's own
 * school), the paper size, and an optional logo, read from a file the user picks and sent as
 * base64 — PNG or JPEG of at most 512 KB, checked here first so the refusal is immediate.
 */
import { useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { MAX_LOGO_BYTES, type PaperSize, type ReportSettings } from '../../../../src-main/contract';
import { queryKey, useApiMutation, useApiQuery } from '../../api-client/react';
import { useIsReady } from '../../app/vault-status';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { SelectField } from '../../components/SelectField';
import { SubmitButton } from '../../components/SubmitButton';
import { useServiceError } from '../../components/service-error';
import { TextInputField } from '../../components/TextInputField';
import { TranslationReviewNotice } from '../../components/TranslationReviewNotice';
import { SettingsSection } from './SettingsSection';
import { SignerForm } from './SignerForm';

export function ReportSettingsSection() {
  const { t } = useTranslation();
  const settings = useApiQuery('reportSettings.get', {}, { enabled: useIsReady() });
  return (
    <SettingsSection title={t('reportsScreen.settings.title')} intro={t('reportsScreen.settings.intro')}>
      {settings.data ? (
        <>
          <LetterheadForm settings={settings.data} />
          <LogoField settings={settings.data} />
          <TranslationReviewNotice />
          <SignerForm settings={settings.data} />
        </>
      ) : (
        <p role="status">{t('app.working')}</p>
      )}
    </SettingsSection>
  );
}

function useSaveSettings(onDone?: () => void) {
  const client = useQueryClient();
  return useApiMutation('reportSettings.update', {
    onSuccess: (saved) => {
      client.setQueryData(queryKey('reportSettings.get', {}), saved);
      onDone?.();
    },
  });
}

function LetterheadForm({ settings }: { settings: ReportSettings }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const alertId = useId();
  const [schoolName, setSchoolName] = useState(settings.schoolName ?? '');
  const [paperSize, setPaperSize] = useState<PaperSize>(settings.paperSize);
  const save = useSaveSettings();
  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!save.isPending) save.mutate({ schoolName: schoolName.trim() || null, paperSize });
  }
  return (
    <Form className="stack" onSubmit={submit}>
      <TextInputField
        label={t('reportsScreen.settings.schoolName')}
        description={t('reportsScreen.settings.schoolNameHint')}
        maxLength={200}
        value={schoolName}
        onChange={(value) => {
          setSchoolName(value);
          save.reset();
        }}
      />
      <SelectField
        label={t('reportsScreen.settings.paper')}
        value={paperSize}
        options={[
          { value: 'letter', label: t('reportsScreen.settings.letter') },
          { value: 'a4', label: t('reportsScreen.settings.a4') },
        ]}
        onChange={(value) => {
          setPaperSize(value === 'a4' ? 'a4' : 'letter');
          save.reset();
        }}
      />
      <FormAlert id={alertId}>{save.isError ? describe(save.error) : null}</FormAlert>
      <div className="actions">
        <SubmitButton pending={save.isPending}>{t('reportsScreen.settings.save')}</SubmitButton>
        <FormStatus>{save.isSuccess ? t('settings.saved') : null}</FormStatus>
      </div>
    </Form>
  );
}

/** PNG or JPEG, told by the file's first bytes rather than its name. */
function imageKind(bytes: Uint8Array): 'png' | 'jpeg' | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((byte, index) => bytes[index] === byte)) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

function LogoField({ settings }: { settings: ReportSettings }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const inputId = useId();
  const helpId = useId();
  const alertId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const save = useSaveSettings();
  const current = settings.logoBase64;

  async function choose(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const input = event.currentTarget;
    const file = input.files?.[0];
    setProblem(null);
    setDone(null);
    if (!file) return;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      setProblem(t('reportsScreen.settings.logoUnreadable'));
      return;
    } finally {
      // The same file can be picked again after a refusal.
      input.value = '';
    }
    if (!imageKind(bytes)) return setProblem(t('reportsScreen.settings.logoWrongType'));
    if (bytes.length > MAX_LOGO_BYTES) return setProblem(t('reportsScreen.settings.logoTooBig', { size: Math.ceil(bytes.length / 1024) }));
    save.mutate({ logoBase64: toBase64(bytes) }, { onSuccess: () => setDone(t('reportsScreen.settings.logoSaved')) });
  }

  const kind = current ? imageKind(Uint8Array.from(atob(current.slice(0, 16)), (char) => char.charCodeAt(0))) : null;
  return (
    <div className="stack logo-field">
      <div className="field file-field">
        <span className="field-label">{t('reportsScreen.settings.logo')}</span>
        {current ? (
          <img className="logo-preview" src={`data:image/${kind ?? 'png'};base64,${current}`} alt={t('reportsScreen.settings.logoAlt')} />
        ) : (
          <p>{t('reportsScreen.settings.logoNone')}</p>
        )}
        <label className="field-label" htmlFor={inputId}>
          {t('reportsScreen.settings.logoChoose')}
        </label>
        <input
          id={inputId}
          type="file"
          accept="image/png,image/jpeg,.png,.jpg,.jpeg"
          aria-describedby={problem || save.isError ? `${helpId} ${alertId}` : helpId}
          onChange={(event) => void choose(event)}
        />
        <p id={helpId} className="field-description">
          {t('reportsScreen.settings.logoHint')}
        </p>
      </div>
      <FormAlert id={alertId}>{problem ?? (save.isError ? describe(save.error) : null)}</FormAlert>
      <div className="actions">
        {current ? (
          <Button
            className="button button--secondary"
            onPress={() => save.mutate({ logoBase64: null }, { onSuccess: () => setDone(t('reportsScreen.settings.logoRemoved')) })}
          >
            {t('reportsScreen.settings.logoRemove')}
          </Button>
        ) : null}
        <FormStatus>{done}</FormStatus>
      </div>
    </div>
  );
}
