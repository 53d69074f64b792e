/**
 * The other passages a parent report prints as the team typed them — progress notes, period names,
 * class names — each without a translation into the report's language gets a labelled field. Saved
 * together (translations.save), they are kept for next time and the preview is made again with them.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportLanguage } from '../../../../src-main/contract';
import { useApiMutation, useApiQuery } from '../../api-client/react';
import { FormAlert } from '../../components/FormAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { SubmitForm } from '../../components/SubmitForm';
import { useServiceError } from '../../components/service-error';
import { TextAreaField } from '../../components/TextAreaField';

export function UntranslatedTexts({ studentId, language }: { studentId: string; language: ReportLanguage }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const client = useQueryClient();
  const alertId = useId();
  const passages = useApiQuery('translations.list', { studentId, language });
  const [typed, setTyped] = useState<Record<string, string>>({});
  const save = useApiMutation('translations.save', {
    onSuccess: async () => {
      setTyped({});
      await client.invalidateQueries({ queryKey: ['translations.list'] });
      await client.invalidateQueries({ queryKey: ['reports.preview'] });
    },
  });
  if (!passages.data) return null;
  const untranslated = passages.data.filter((passage) => passage.translated === null);
  const languageName = t(`reportsScreen.languages.${language}`);
  if (untranslated.length === 0) return <p>{t('reportsScreen.untranslated.allTexts', { language: languageName })}</p>;
  const keyOf = (passage: { kind: string; source: string }) => `${passage.kind}:${passage.source}`;
  return (
    <SubmitForm
      className="stack form"
      aria-label={t('reportsScreen.untranslated.textsTitle', { language: languageName })}
      onSubmit={() => {
        const items = untranslated.flatMap((passage) => {
          const translated = typed[keyOf(passage)]?.trim();
          return translated ? [{ kind: passage.kind, source: passage.source, translated }] : [];
        });
        return items.length > 0 ? save.mutateAsync({ language, items }) : undefined;
      }}
    >
      <p>{t('reportsScreen.untranslated.textsIntro', { language: languageName, count: untranslated.length })}</p>
      {untranslated.map((passage) => (
        <div key={keyOf(passage)} className="stack">
          <p className="statement">{passage.source}</p>
          <TextAreaField
            label={t(`reportsScreen.untranslated.kinds.${passage.kind}`)}
            lang={language}
            rows={passage.kind === 'narrative' ? 3 : 1}
            value={typed[keyOf(passage)] ?? ''}
            onChange={(text) => setTyped((current) => ({ ...current, [keyOf(passage)]: text }))}
          />
        </div>
      ))}
      <FormAlert id={alertId}>{save.isError ? describe(save.error) : null}</FormAlert>
      <div className="actions">
        <SubmitButton pending={save.isPending}>{t('reportsScreen.untranslated.saveTexts')}</SubmitButton>
      </div>
    </SubmitForm>
  );
}
