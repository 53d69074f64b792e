/**
 * The report catalogs: each has exactly English's keys (plural forms as its own language's plural
 * rules need them), the same {{placeholders}}, no empty string, and a `_meta` saying whether a
 * qualified translator reviewed it and which way it reads. The contract's report languages are
 * exactly the catalogs there are.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_LANGUAGE_CODES, REPORT_LANGUAGE_REVIEWED } from '../../src-main/contract/common';
import { catalogMeta, REPORT_LANGUAGES, reportText } from '../../src-main/reports/i18n/index';

const DIR = join(import.meta.dirname, '../../src-main/reports/i18n/locales');
const PLURAL = /_(zero|one|two|few|many|other)$/;
/** English's article variants ("an 8th-grade"): a context other languages may leave out. */
const CONTEXT = /_\d+$/;

function flatten(tree: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (key === '_meta') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [inner, text] of flatten(value as Record<string, unknown>, path)) out.set(inner, text);
  }
  return out;
}

function catalog(language: string): { meta: unknown; keys: Map<string, string> } {
  const json = JSON.parse(readFileSync(join(DIR, `${language}.json`), 'utf8')) as Record<string, unknown>;
  return { meta: json._meta, keys: flatten(json) };
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();

/** The plural categories whole counts up to 200 and halves reach in a language (CLDR, through Intl). */
function categoriesUsed(language: string): Set<string> {
  const rules = new Intl.PluralRules(language);
  const counts = [...Array.from({ length: 201 }, (_, n) => n), 0.5, 1.5, 2.5, 10.5];
  return new Set(counts.map((n) => rules.select(n)));
}

const english = catalog('en');
/** Keys without plural suffix; a base with plural variants in English is plural in every language. */
const base = (key: string): string => key.replace(PLURAL, '');
const pluralBases = new Set([...english.keys.keys()].filter((key) => PLURAL.test(key)).map(base));

describe('report catalogs', () => {
  it('are the contract’s report languages, one file each', () => {
    const files = readdirSync(DIR).map((file) => file.replace(/\.json$/, ''));
    expect([...files].sort()).toEqual([...REPORT_LANGUAGE_CODES].sort());
    expect([...REPORT_LANGUAGES]).toEqual([...REPORT_LANGUAGE_CODES].sort());
  });

  for (const language of REPORT_LANGUAGE_CODES) {
    it(`${language}: English's keys and placeholders, plural forms by its rules, nothing empty`, () => {
      const { meta, keys } = catalog(language);
      expect(meta).toMatchObject({ reviewed: expect.any(Boolean), dir: expect.stringMatching(/^(ltr|rtl)$/) });
      const wanted = new Set([...english.keys.keys()].filter((key) => !CONTEXT.test(key)).map(base));
      const have = new Set([...keys.keys()].filter((key) => !CONTEXT.test(key)).map(base));
      expect([...have].sort()).toEqual([...wanted].sort());
      for (const [key, text] of keys) {
        expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
        const englishText = english.keys.get(key) ?? english.keys.get(`${base(key)}_other`) ?? english.keys.get(base(key)) ?? '';
        // A plural form may leave the count out ("once"); every other placeholder stays.
        const expected = placeholders(englishText).filter((name) => !(PLURAL.test(key) && name === 'count'));
        const found = placeholders(text).filter((name) => !(PLURAL.test(key) && name === 'count'));
        if (!CONTEXT.test(key)) expect({ key, placeholders: found }).toEqual({ key, placeholders: expected });
      }
      for (const plural of pluralBases) {
        for (const category of categoriesUsed(language)) {
          const present = keys.has(`${plural}_${category}`) || (category === 'other' && keys.has(plural));
          expect({ plural, category, present }).toEqual({ plural, category, present: true });
        }
      }
    });
  }

  it('says which catalogs a qualified translator has reviewed, and Arabic reads right to left', () => {
    expect(catalogMeta('en')).toEqual({ reviewed: true, dir: 'ltr' });
    expect(catalogMeta('ar').dir).toBe('rtl');
    for (const language of ['vi', 'zh', 'ar', 'hi', 'uk', 'fr', 'so']) expect(catalogMeta(language).reviewed).toBe(false);
    // The app's notices read the contract's copy of the catalogs' word.
    for (const language of REPORT_LANGUAGE_CODES)
      expect([language, REPORT_LANGUAGE_REVIEWED[language]]).toEqual([language, catalogMeta(language).reviewed]);
  });

  it('picks plural forms by each language’s rules', () => {
    const t = (language: string, count: number) => reportText(language).t('parent.timesPerWeek', { count });
    expect([t('en', 1), t('en', 3)]).toEqual(['once', '3 times']);
    expect([t('uk', 1), t('uk', 3), t('uk', 5)]).toEqual(['один раз', '3 рази', '5 разів']);
    expect([t('ar', 1), t('ar', 2), t('ar', 3), t('ar', 11)]).toEqual(['مرة واحدة', 'مرتين', '3 مرات', '11 مرة']);
    expect(t('zh', 3)).toBe('3 次');
  });
});
