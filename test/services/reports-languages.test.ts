/**
 * Every report language prints: the parent report in each catalog's language holds text in that
 * language's script, and names in Chinese, Arabic, Devanagari and Vietnamese exactly as stored — no
 * □ and no missing glyph — whatever the report's language. The pages are kept as PNGs under
 * test-results/reports for a person to look at (Arabic, Chinese, Vietnamese above all).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPORT_LANGUAGES, reportText } from '../../src-main/reports/i18n/index';
import { buildReport } from '../../src-main/services/reports/export';
import { tempDir } from '../fixtures/vault';
import { PREPARED_ON, pdfPngs, reportStudent } from './reports-fixture';

/** A letter of each language's own script, as its catalog's text must show it. */
const SCRIPT: Record<string, RegExp> = {
  en: /Progress report/,
  es: /Informe de progreso/,
  fr: /[éèàç]/,
  vi: /[ơưđ]/,
  uk: /\p{Script=Cyrillic}{4}/u,
  so: /Warbixin/,
  zh: /\p{Script=Han}{4}/u,
  ar: /\p{Script=Arabic}{4}/u,
  hi: /\p{Script=Devanagari}{3}/u,
};

/** Names as a roster stores them. */
const STUDENT = { firstName: '小明', lastName: '王' };
const GUARDIAN = 'محمد العلي';
const GRANDMOTHER = 'अनन्या';
const VIETNAMESE = 'Nguyễn Thị Ánh';
const THAI = 'สมชาย ใจดี';

/**
 * The text in reading order: pdftotext's default mode puts right-to-left words back in reading
 * order (its -raw mode keeps the order they are drawn in), with direction marks around them.
 */
function readingText(bytes: Uint8Array): string {
  const file = `${tempDir('peerpath-text-')}/report.pdf`;
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .replace(/[\u202a-\u202e]/g, '')
    .replace(/\s+/g, ' ');
}

/** Fonts pdffonts lists, to see every face embedded as a subset. */
function fonts(bytes: Uint8Array): string {
  const file = `${tempDir('peerpath-fonts-')}/report.pdf`;
  writeFileSync(file, bytes);
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

describe('parent report in every language', () => {
  it('prints each language in its script and every name in its own glyphs', { timeout: 300_000 }, async () => {
    const app = await reportStudent();
    await app.call('students.update', { id: app.student.id, changes: STUDENT });
    expect(REPORT_LANGUAGES).toEqual(['ar', 'en', 'es', 'fr', 'hi', 'so', 'uk', 'vi', 'zh']);
    for (const language of REPORT_LANGUAGES) {
      const report = await buildReport(app.ctx, {
        kind: 'parent_report',
        studentId: app.student.id,
        language,
        recipient: `${GUARDIAN}, ${GRANDMOTHER}, ${VIETNAMESE}, ${THAI}`,
        purpose: 'quarterly progress report',
        preparedOn: PREPARED_ON,
      });
      pdfPngs(report.bytes, `parent-report-lang-${language}`);
      const text = readingText(report.bytes);
      expect({ language, script: SCRIPT[language]?.test(text) }).toEqual({ language, script: true });
      for (const name of [STUDENT.firstName, STUDENT.lastName, GUARDIAN, GRANDMOTHER, VIETNAMESE, THAI]) {
        expect({ language, name, found: text.includes(name) }).toEqual({ language, name, found: true });
      }
      expect({ language, boxes: text.match(/[□\uFFFD]/g) }).toEqual({ language, boxes: null });
      // The graph's words go through the same text layout: a multi-word Arabic label reads in order.
      // (pdftotext moves Devanagari's nasal sign in any text, so Hindi is left to the eye.)
      const words = reportText(language);
      const graphLabels =
        language === 'hi' ? [] : [words.t('chart.legendPhase'), words.t('chart.newMentor'), words.t('chart.tableCaption')];
      for (const label of graphLabels) expect({ language, label, found: text.includes(label) }).toEqual({ language, label, found: true });
      const embedded = fonts(report.bytes);
      // Every face is a subset (ABCDEF+Name), none is a whole font file.
      for (const line of embedded.split('\n').slice(2).filter(Boolean)) expect(line).toMatch(/^[A-Z]{6}\+\S+ .* yes yes yes /);
    }
  });
});
