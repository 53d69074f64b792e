/**
 * The reports' fixed strings, from one catalog per language in ./locales (i18next). Every file there
 * is bundled, so adding a language is adding `xx.json` with the keys of `en.json`; English is the
 * reference and the fallback for a key a catalog lacks.
 */
import i18next, { type TFunction } from 'i18next';
import { REPORT_LANGUAGE_CODES, type ReportLanguage } from '../../contract/common';

const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*.json', { eager: true });

const resources: Record<string, { translation: Record<string, unknown> }> = {};
for (const [path, file] of Object.entries(files)) {
  const language =
    path
      .split('/')
      .at(-1)
      ?.replace(/\.json$/, '') ?? 'en';
  resources[language] = { translation: file.default };
}

/** Languages a report can be written in, sorted: the contract's codes that have a catalog (a test checks they all do). */
export const REPORT_LANGUAGES: readonly ReportLanguage[] = REPORT_LANGUAGE_CODES.filter((code) => code in resources).sort();

/** What a catalog says of itself: whether a qualified translator reviewed it, and its reading direction. */
export interface CatalogMeta {
  reviewed: boolean;
  reviewer?: string;
  dir: 'ltr' | 'rtl';
}

/** The catalog's `_meta`; a catalog without one is taken as unreviewed and left to right. */
export function catalogMeta(language: string): CatalogMeta {
  const meta = resources[language]?.translation._meta as Partial<CatalogMeta> | undefined;
  return {
    reviewed: meta?.reviewed === true,
    ...(typeof meta?.reviewer === 'string' ? { reviewer: meta.reviewer } : {}),
    dir: meta?.dir === 'rtl' ? 'rtl' : 'ltr',
  };
}

/** The reading direction of a report language (an unknown one reads left to right). */
export function languageDirection(language: string): 'ltr' | 'rtl' {
  return catalogMeta(language).dir;
}

/** A catalog key such as "team.goalHeading". */
export type ReportKey = string;

/** Options as i18next takes them: values to interpolate, `count` for plurals, `context`. */
type TextOptions = Record<string, string | number | undefined>;

export interface ReportText {
  language: string;
  t: (key: ReportKey, options?: TextOptions) => string;
}

/** One i18next instance per language, made on first use: the catalogs never change while Peerpath runs. */
const instances = new Map<string, TFunction>();

/** The catalog of one language; an unknown language is refused by the caller, never silently replaced. */
export function reportText(language: string): ReportText {
  if (!(REPORT_LANGUAGES as readonly string[]).includes(language)) throw new Error(`reportText: no catalog for "${language}"`);
  let translate = instances.get(language);
  if (!translate) {
    const instance = i18next.createInstance();
    // Catalogs are bundled, so initialisation is synchronous.
    instance.init({
      resources,
      lng: language,
      fallbackLng: 'en',
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
      // A key not even English has is a bug: fail loudly instead of printing the key in a report.
      saveMissing: true,
      missingKeyHandler: (_languages, _namespace, key, fallbackValue) => {
        if (fallbackValue === key) throw new Error(`reportText: no "${key}" in the catalogs`);
      },
    });
    translate = instance.t;
    instances.set(language, translate);
  }
  const t = translate;
  return { language, t: (key, options) => String(t(key, options as never)) };
}
