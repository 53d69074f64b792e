/**
 * The vault's JSON columns (db/schema.ts says what each holds), read and written in one place: the
 * services, the JSON export and the import all go through the column's `read`/`write` pair.
 *
 * - `read` is for screens and never throws: a value that is not JSON becomes the column's empty
 *   value, and a list keeps the entries it can read (an entry written by a newer version, or
 *   damaged, is left out — or, for observation intervals, counts as a missed cue).
 * - `readExact` is for the export: the stored value as it is, or `undefined` when it is not JSON of
 *   the column's shape (the export then stops instead of writing a file that drops data).
 * - `write` is the text stored.
 *
 * The columns stay `text` in SQLite (no migration); the entry schemas here are deliberately looser
 * than the contract's input rules, so values written by an older version still read.
 */
import { z } from 'zod';
import { Slot } from '../contract/common';
import { CommunicationMode } from '../contract/matching';
import { IntervalMark } from '../contract/progress';

/** `Exact` is what the export holds: for a nullable column, null stays null. */
export interface JsonColumn<T, Stored extends string | null = string, Exact = T> {
  read(text: Stored | null): T;
  readExact(text: Stored): Exact | undefined;
  write(value: T): Stored;
}

type Parsed = { ok: true; value: unknown } | { ok: false };

function parse(text: string | null): Parsed {
  if (text === null) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** A JSON array of entries; `unreadable` says what an entry that does not fit becomes (left out when absent). */
function listColumn<E>(entry: z.ZodType<E>, unreadable?: E): JsonColumn<E[]> {
  const exact = z.array(entry);
  return {
    read(text) {
      const parsed = parse(text);
      if (!parsed.ok || !Array.isArray(parsed.value)) return [];
      return parsed.value.flatMap((raw: unknown) => {
        const checked = entry.safeParse(raw);
        if (checked.success) return [checked.data];
        return unreadable === undefined ? [] : [unreadable];
      });
    },
    readExact(text) {
      const parsed = parse(text);
      // The stored value itself (not zod's copy), so the export's own format check sees every key.
      return parsed.ok && exact.safeParse(parsed.value).success ? (parsed.value as E[]) : undefined;
    },
    write: (value) => JSON.stringify(value),
  };
}

const Words = listColumn(z.string());
const Slots = listColumn(Slot);
const Modes = listColumn(CommunicationMode);

const ReportingPeriodEntry = z.object({ label: z.string(), endsOn: z.string() });
const AmendmentEntry = z.object({ at: z.string(), note: z.string() });
const MISSED_CUE: IntervalMark = { engaged: null, initiated: null, responded: null, nearAdult: null };

const Translations = z.record(z.string(), z.string());
type Translations = z.infer<typeof Translations>;

/** goals.statement_translations: null when there are none; read as {} so a screen needs no null check. */
const statementTranslations: JsonColumn<Translations, string | null, Translations | null> = {
  read(text) {
    const parsed = parse(text);
    if (!parsed.ok) return {};
    const checked = Translations.safeParse(parsed.value);
    return checked.success ? checked.data : {};
  },
  readExact(text) {
    if (text === null) return null;
    const parsed = parse(text);
    return parsed.ok && Translations.safeParse(parsed.value).success ? (parsed.value as Translations) : undefined;
  },
  write: (value) => (Object.keys(value).length > 0 ? JSON.stringify(value) : null),
};

const Mastery = z.object({ k: z.number().int(), n: z.number().int(), consecutive: z.boolean() });
type Mastery = z.infer<typeof Mastery>;

/** goals.mastery: null until the team sets it (the judgement then reads it from their words). */
const mastery: JsonColumn<Mastery | null, string | null> = {
  read(text) {
    const parsed = parse(text);
    const checked = parsed.ok ? Mastery.safeParse(parsed.value) : null;
    return checked?.success ? checked.data : null;
  },
  readExact(text) {
    if (text === null) return null;
    const parsed = parse(text);
    return parsed.ok && Mastery.safeParse(parsed.value).success ? (parsed.value as Mastery) : undefined;
  },
  write: (value) => (value ? JSON.stringify(value) : null),
};

/** Per table, per JSON column. */
export const jsonColumns = {
  goals: {
    reportingPeriods: listColumn(ReportingPeriodEntry),
    objectives: Words,
    statementTranslations,
    mastery,
  },
  accommodations: { slots: Slots },
  mentors: { interests: Words, availability: Slots },
  // A mark this version cannot read counts as a missed cue, never as a "no".
  observations: { intervals: listColumn(IntervalMark, MISSED_CUE) },
  progressReports: { amendments: listColumn(AmendmentEntry) },
  matchStudentProfiles: { interests: Words, communication: Modes },
  matchMentorProfiles: { communication: Modes },
  auditEvents: { fields: Words },
} as const;

/**
 * A value of the settings table (one JSON value per key): the value when it fits `schema`, else
 * `undefined` so the caller falls back to its default rather than failing.
 */
export function readSetting<T>(text: string | null | undefined, schema: z.ZodType<T>): T | undefined {
  const parsed = parse(text ?? null);
  if (!parsed.ok) return undefined;
  const checked = schema.safeParse(parsed.value);
  return checked.success ? checked.data : undefined;
}

export function writeSetting(value: unknown): string {
  return JSON.stringify(value);
}
