/** Building blocks every part of the contract shares: ids, dates, grades, schedule slots. */
import { z } from 'zod';
import { isIsoDate } from './calendar';

export const Id = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'Not a record id.');

/** A calendar date, YYYY-MM-DD, that exists. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-09-14.')
  .refine(isIsoDate, 'That date does not exist.');
export type IsoDate = z.infer<typeof IsoDate>;

/** -1 pre-K, 0 kindergarten, 1–12, 13 post-secondary transition program. */
export const Grade = z.number().int().min(-1, 'Grade is pre-K (-1) to 13.').max(13, 'Grade is pre-K (-1) to 13.');

export const PersonName = z.string().trim().min(1, 'Enter a name.').max(100);
export const ShortText = z.string().trim().max(200);
export const LongText = z.string().trim().max(4000);

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
export const Day = z.enum(DAYS);
export type Day = z.infer<typeof Day>;
export const Slot = z.object({ day: Day, period: z.number().int().min(0).max(12) });
export type Slot = z.infer<typeof Slot>;

export const Language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language code such as en or es.');

/**
 * The languages a report (and meeting mode) can be written in: one catalog file each
 * (src-main/reports/i18n/locales). `Language` above stays open: a guardian may prefer any language.
 */
export const REPORT_LANGUAGE_CODES = ['en', 'es', 'vi', 'zh', 'ar', 'hi', 'uk', 'fr', 'so'] as const;
export const ReportLanguage = z.enum(REPORT_LANGUAGE_CODES, {
  error: `Choose a report language: ${REPORT_LANGUAGE_CODES.join(', ')}.`,
});
export type ReportLanguage = z.infer<typeof ReportLanguage>;
/**
 * Whether a qualified translator has reviewed each report catalog, as the catalog's `_meta` says
 * (a test keeps the two equal): the app tells the team when a language is not yet reviewed.
 */
export const REPORT_LANGUAGE_REVIEWED: Readonly<Record<ReportLanguage, boolean>> = {
  en: true,
  es: false,
  vi: false,
  zh: false,
  ar: false,
  hi: false,
  uk: false,
  fr: false,
  so: false,
};

export const Page = z.object({
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});

/** What identifies a student at school, supported or mentor alike. */
export const SchoolPersonFields = {
  localId: z.string().trim().min(1, 'Enter the student number.').max(40),
  firstName: PersonName,
  lastName: PersonName,
  preferredName: ShortText.optional(),
  grade: Grade,
  school: ShortText.min(1, 'Enter the school.'),
};
