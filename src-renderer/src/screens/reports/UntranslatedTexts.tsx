/**
 * The other passages a parent report prints as the team typed them — progress notes, period names,
 * class names — each without a translation into the report's language gets a labelled field. Saved
 * together (translations.save), they are kept for next time and the preview is made again with them.
 * A group with a button, not a form: it sits inside the report form, and a form inside a form submits the outer one.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ReportLanguage } from '../../../../src-main/contract';
import { useApiMutation, useApiQuery } from '../../api-client/react';
import { FormAlert } from '../../components/FormAlert';
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
    <section className="stack form" aria-label={t('reportsScreen.untranslated.textsTitle', { language: languageName })}>
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
        <Button
          className="button button--primary"
          isDisabled={save.isPending}
          aria-describedby={alertId}
          onPress={() => {
            const items = untranslated.flatMap((passage) => {
              const translated = typed[keyOf(passage)]?.trim();
              return translated ? [{ kind: passage.kind, source: passage.source, translated }] : [];
            });
            if (items.length > 0) save.mutate({ language, items });
          }}
        >
          {t('reportsScreen.untranslated.saveTexts')}
        </Button>
      </div>
    </section>
  );
}
