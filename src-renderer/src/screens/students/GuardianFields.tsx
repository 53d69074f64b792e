/** The parents and guardians of a student, as rows to add and remove, each with a preferred language. */
import { useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/SelectField';
import { TextInputField } from '../../components/TextInputField';
import { LANGUAGE_CODE, type LanguageChoice, NAMED_LANGUAGES, useLanguageName } from './languages';
import { emptyGuardian, type GuardianDraft, MAX_GUARDIANS, nextGuardianKey } from './student-draft';

const RELATIONSHIPS = [
  'mother',
  'father',
  'parent',
  'grandmother',
  'grandfather',
  'aunt',
  'uncle',
  'fosterParent',
  'legalGuardian',
] as const;
// The same test the contract's email check applies, so a typo is caught here and not after a save.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function GuardianFields({ guardians, onChange }: { guardians: GuardianDraft[]; onChange: (guardians: GuardianDraft[]) => void }) {
  const { t } = useTranslation();
  const relationshipsId = useId();
  const addRef = useRef<HTMLButtonElement>(null);
  const [addedKey, setAddedKey] = useState<number | null>(null);
  const update = (key: number, change: Partial<GuardianDraft>) =>
    onChange(guardians.map((guardian) => (guardian.key === key ? { ...guardian, ...change } : guardian)));

  return (
    <fieldset className="form-section stack">
      <legend className="form-section-title">{t('students.guardians.title')}</legend>
      <datalist id={relationshipsId}>
        {RELATIONSHIPS.map((relationship) => (
          <option key={relationship} value={t(`students.guardians.relationships.${relationship}`)} />
        ))}
      </datalist>
      {guardians.length === 0 ? <p className="muted">{t('students.guardians.none')}</p> : null}
      {guardians.map((guardian, index) => {
        const legend = guardian.name.trim() || t('students.guardians.numbered', { number: index + 1 });
        return (
          <fieldset key={guardian.key} className="subfieldset stack">
            <legend className="subfieldset-title">{legend}</legend>
            <div className="field-grid">
              <TextInputField
                label={t('students.guardians.name')}
                autoComplete="off"
                isRequired
                autoFocus={guardian.key === addedKey}
                value={guardian.name}
                onChange={(name) => update(guardian.key, { name })}
              />
              <TextInputField
                label={t('students.guardians.relationship')}
                list={relationshipsId}
                autoComplete="off"
                isRequired
                value={guardian.relationship}
                onChange={(relationship) => update(guardian.key, { relationship })}
              />
              <TextInputField
                label={t('students.form.optional', { label: t('students.guardians.phone') })}
                type="tel"
                autoComplete="off"
                value={guardian.phone}
                onChange={(phone) => update(guardian.key, { phone })}
              />
              <TextInputField
                label={t('students.form.optional', { label: t('students.guardians.email') })}
                type="email"
                autoComplete="off"
                value={guardian.email}
                onChange={(email) => update(guardian.key, { email })}
                validate={(email) => (email.trim() === '' || EMAIL.test(email.trim()) ? null : t('students.guardians.emailInvalid'))}
              />
              <LanguageFields guardian={guardian} onChange={(change) => update(guardian.key, change)} />
            </div>
            <div className="actions">
              <Button
                className="button button--quiet"
                aria-label={t('students.guardians.removeNamed', { name: legend })}
                onPress={() => {
                  onChange(guardians.filter((other) => other.key !== guardian.key));
                  addRef.current?.focus();
                }}
              >
                {t('students.guardians.remove')}
              </Button>
            </div>
          </fieldset>
        );
      })}
      {guardians.length < MAX_GUARDIANS ? (
        <div className="actions">
          <Button
            ref={addRef}
            className="button button--secondary"
            onPress={() => {
              const key = nextGuardianKey(guardians);
              setAddedKey(key);
              onChange([...guardians, emptyGuardian(key)]);
            }}
          >
            {t('students.guardians.add')}
          </Button>
        </div>
      ) : (
        <p className="muted">{t('students.guardians.max', { count: MAX_GUARDIANS })}</p>
      )}
    </fieldset>
  );
}

function LanguageFields({ guardian, onChange }: { guardian: GuardianDraft; onChange: (change: Partial<GuardianDraft>) => void }) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const code = guardian.otherLanguage.trim();
  return (
    <>
      <SelectField
        label={t('students.guardians.language')}
        options={[
          ...NAMED_LANGUAGES.map((language) => ({ value: language, label: languageName(language) })),
          { value: 'other', label: t('students.guardians.otherLanguage') },
        ]}
        value={guardian.language}
        onChange={(language) => onChange({ language: language as LanguageChoice })}
      />
      {guardian.language === 'other' ? (
        <TextInputField
          label={t('students.guardians.languageCode')}
          autoComplete="off"
          isRequired
          value={guardian.otherLanguage}
          onChange={(otherLanguage) => onChange({ otherLanguage })}
          validate={(text) => (text.trim() === '' || LANGUAGE_CODE.test(text.trim()) ? null : t('students.guardians.languageCodeInvalid'))}
          description={LANGUAGE_CODE.test(code) ? languageName(code) : t('students.guardians.languageCodeHint')}
        />
      ) : null}
    </>
  );
}
