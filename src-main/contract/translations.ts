/** The team's translations of what a parent report prints in English otherwise: narratives, period names, class names. */
import { z } from 'zod';
import { Id, LongText, ReportLanguage } from './common';

export const TRANSLATION_KINDS = ['narrative', 'period_label', 'class_name'] as const;
export const TranslationKind = z.enum(TRANSLATION_KINDS);
export type TranslationKind = z.infer<typeof TranslationKind>;

/** One passage a parent report would print, in English, with the team's translation or null. */
export const Passage = z.object({
  kind: TranslationKind,
  source: z.string(),
  translated: z.string().nullable(),
});
export type Passage = z.infer<typeof Passage>;

export const translations = {
  /** The passages a parent report for this student would print (its plan in force), each with its translation into `language` or null. */
  'translations.list': {
    input: z.object({ studentId: Id, language: ReportLanguage }).strict(),
    output: z.array(Passage),
  },
  /** Keeps translations for next time, all in one transaction; each applies while its English text stays the same. */
  'translations.save': {
    input: z
      .object({
        language: ReportLanguage,
        items: z
          .array(z.object({ kind: TranslationKind, source: z.string().min(1).max(4000), translated: LongText.min(1) }).strict())
          .min(1)
          .max(500),
      })
      .strict(),
    output: z.object({ saved: z.number().int() }),
  },
} as const;
