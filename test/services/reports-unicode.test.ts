/**
 * Names a roster can hold and notes of any length: random Unicode names for the student and the
 * mentors and very long narratives never crash the generator and never put a word outside the page;
 * a character the bundled font lacks prints as □ while the real text stays for screen readers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src-main/services/reports/export';
import { PREPARED_ON, pdfInfo, pdfPngs, pdfText, pdfWordBoxes, reportStudent } from './reports-fixture';

const name = fc
  .oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }))
  .filter((text) => text.trim().length > 0 && text.trim().length <= 100);
const note = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 200, maxLength: 1200 }),
  fc.string({ unit: 'binary', minLength: 200, maxLength: 1200 }),
  fc.nat({ max: 3900 }).map((length) => 'Ж'.repeat(length + 100)),
);

describe('reports with any names and notes', () => {
  it('never crash and keep every word on the page', { timeout: 600_000 }, async () => {
    const app = await reportStudent();
    await fc.assert(
      fc.asyncProperty(name, name, name, note, async (first, last, mentorFirst, narrative) => {
        await app.call('students.update', {
          id: app.student.id,
          changes: { firstName: first.trim(), lastName: last.trim(), preferredName: null },
        });
        await app.call('mentors.update', { id: app.mentor.id, changes: { firstName: mentorFirst.trim(), preferredName: null } });
        await app.call('progressMarks.save', {
          goalId: app.math.id,
          period: { label: 'Progress check 1', endsOn: '2026-10-09' },
          changes: { narrative: narrative.slice(0, 4000) },
        });
        for (const request of [
          { kind: 'team_summary', studentId: app.student.id, preparedOn: PREPARED_ON },
          {
            kind: 'parent_report',
            studentId: app.student.id,
            language: 'es',
            recipient: `${first} (madre)`,
            purpose: 'informe',
            preparedOn: PREPARED_ON,
          },
        ] as const) {
          const report = await buildReport(app.ctx, request);
          expect(report.pages).toBeLessThanOrEqual(30);
          for (const page of pdfWordBoxes(report.bytes)) {
            for (const word of page.words) {
              expect(word.x1).toBeGreaterThanOrEqual(0);
              expect(word.y1).toBeGreaterThanOrEqual(0);
              expect(word.x2).toBeLessThanOrEqual(page.width);
              expect(word.y2).toBeLessThanOrEqual(page.height);
            }
          }
        }
      }),
      { numRuns: 6, seed: 20261015 },
    );
  });

  it('prints a name in a script DejaVu lacks in its own glyphs (the CJK face), not as boxes', { timeout: 120_000 }, async () => {
    const app = await reportStudent();
    await app.call('students.update', {
      id: app.student.id,
      changes: { firstName: '王小明', lastName: 'Nguyễn-Østergård', preferredName: null },
    });
    const report = await buildReport(app.ctx, { kind: 'team_summary', studentId: app.student.id, preparedOn: PREPARED_ON });
    pdfPngs(report.bytes, 'team-summary-cjk-name');
    const text = pdfText(report.bytes);
    expect(text).toContain('王小明 Nguyễn-Østergård');
    expect(text).not.toContain('□');
    expect(pdfInfo(report.bytes).Title).toBe('IEP meeting summary — 王小明 Nguyễn-Østergård');
  });
});
