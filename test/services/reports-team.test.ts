/**
 * The IEP meeting summary as the team reads it: every goal's statement, values, codes and
 * narrative, the mentors by name and the fidelity numbers; the confidentiality line and page numbers
 * on every page; a graph never on another page than its goal's heading; a tagged PDF with title,
 * language and embedded fonts, in Letter and A4; the same bytes for the same data and day.
 */
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src-main/services/reports/export';
import { PREPARED_ON, pdfFonts, pdfInfo, pdfPages, pdfPngs, pdfStrings, pdfText, reportStudent } from './reports-fixture';

/** A small one-colour PNG, as a school's logo upload would be. */
function solidPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([0x1f, 0x5f, 0x8b]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('team summary PDF', () => {
  it('prints every goal with its values, codes, narrative, graph, supports and mentors', { timeout: 120_000 }, async () => {
    const app = await reportStudent();
    const report = await buildReport(app.ctx, { kind: 'team_summary', studentId: app.student.id, preparedOn: PREPARED_ON });
    pdfPngs(report.bytes, 'team-summary-letter');
    const text = pdfText(report.bytes);

    expect(text).toContain('IEP meeting summary');
    expect(text).toContain('Zebulon Quixote-Marchetti');
    expect(text).toContain('S-100234');
    expect(text).toContain('IEP, version 1: September 1, 2026 to June 15, 2027');
    expect(text).toContain('Annual review due June 1, 2027');
    expect(text).toContain('Avery Quill');
    for (const goal of [app.math, app.engagement, app.rubric]) expect(text).toContain(goal.statement);
    // Math: baseline 40, target 80, latest 67 (42 + 10 × 2.5) on Oct 14; engagement 20 → 70, latest 55.
    expect(text).toContain('Baseline: 40% · Latest: 67% on Oct 14 · Trend: +5 per week (least squares)');
    expect(text).toContain('55% of intervals on Oct 14');
    expect(text).toContain('level 1 of 4');
    expect(text).toContain('Progress check 1 (ends October 9, 2026): Sufficient progress · Sufficient to meet the goal: yes');
    expect(text).toContain(`Sam Rivera (S.R., ${app.mentor.localId}) checks each first step with him`);
    expect(text).toContain('Mentors: Sam Rivera (Grade 8), Pree Okonkwo-Lindqvist (Grade 7)');
    expect(text).toContain('Mentors: Bartholomew Nakamura (Grade 11)');
    expect(text).toContain('Sessions held 9 of 11.2 planned (80%) · minutes 180 of 224 (80%)');
    expect(text).toContain('Missed 2: student absent 1, schedule change 1');
    expect(text).toContain('Check-in highlights');
    expect(text).toContain('What is working: Sam models the first step, then Zebulon finishes the problem alone.');
    expect(text).toContain('Belonging 4/5 · engagement 4/5 · mentor workload 2/5 · mentor confidence 4/5');
    expect(text).toContain('Lunch table conversation flows. Belonging 5/5 ');
    expect(text).toContain('Open flags');
    expect(text).toContain('Add a fraction warm-up before the word problems.');
    for (const word of ['undefined', 'NaN', 'null', '[object']) expect(text).not.toContain(word);

    const pages = pdfPages(report.bytes);
    expect(report.pages).toBe(pages.length);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.length).toBeLessThanOrEqual(6);
    pages.forEach((page, index) => {
      expect(page).toContain('Confidential — student education record');
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      // Each goal heading has its graph (whose legend always lists the "Aim line") after it on the same page.
      for (const match of page.matchAll(/Goal \d — [A-Z][a-z-]+/g)) {
        expect(page.indexOf('Aim line', match.index)).toBeGreaterThan(match.index ?? 0);
      }
    });
  });

  it('is a tagged PDF with its title, language, dates and embedded fonts, in Letter and A4', { timeout: 120_000 }, async () => {
    const app = await reportStudent();
    const request = { kind: 'team_summary', studentId: app.student.id, preparedOn: '2026-10-14' } as const;
    const letter = await buildReport(app.ctx, request);
    const info = pdfInfo(letter.bytes);
    expect(info.Title).toBe('IEP meeting summary — Zebulon Quixote-Marchetti');
    expect(info.Author).toBe('Riverside Middle School');
    expect(info.Tagged).toBe('yes');
    expect(info.CreationDate).toBe('2026-10-14T12:00:00Z');
    expect(info.ModDate).toBe('2026-10-14T12:00:00Z');
    expect(info['Page size']).toContain('612 x 792 pts (letter)');
    expect(pdfStrings(letter.bytes)).toContain('en');
    expect(Buffer.from(letter.bytes).toString('latin1')).toMatch(/\/Lang \(en\)/);
    expect(Buffer.from(letter.bytes).toString('latin1')).toMatch(/\/DisplayDocTitle true/);
    const fonts = pdfFonts(letter.bytes);
    expect(fonts).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(fonts).toMatch(/DejaVuSans-Bold\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(fonts).not.toContain('Helvetica');

    await expect(app.call('reportSettings.update', { logoBase64: Buffer.from('GIF89a').toString('base64') })).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'The logo must be a PNG or JPEG image.',
    });
    await app.call('reportSettings.update', {
      paperSize: 'a4',
      schoolName: 'Riverside Unified — Riverside Middle School',
      logoBase64: solidPng(120, 48).toString('base64'),
    });
    const a4 = await buildReport(app.ctx, request);
    pdfPngs(a4.bytes, 'team-summary-a4');
    expect(pdfInfo(a4.bytes)['Page size']).toContain('595.28 x 841.89 pts (A4)');
    expect(pdfText(a4.bytes)).toContain('Riverside Unified — Riverside Middle School');
    expect(Buffer.from(a4.bytes).toString('latin1')).toMatch(/\/Subtype \/Image/);
  });

  it('gives byte-identical files for the same data and day, and another ID for another day', { timeout: 120_000 }, async () => {
    const app = await reportStudent();
    const request = { kind: 'team_summary', studentId: app.student.id, preparedOn: PREPARED_ON } as const;
    const first = await buildReport(app.ctx, request);
    const second = await buildReport(app.ctx, request);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);

    const id = (bytes: Uint8Array) => /\/ID \[<([0-9a-f]+)>/.exec(Buffer.from(bytes).toString('latin1'))?.[1];
    const otherDay = await buildReport(app.ctx, { ...request, preparedOn: '2026-10-14' });
    expect(id(otherDay.bytes)).toMatch(/^[0-9a-f]{32}$/);
    expect(id(otherDay.bytes)).not.toBe(id(first.bytes));
    await app.call('progressPoints.create', { goalId: app.rubric.id, date: '2026-10-13', value: 2 });
    const moreData = await buildReport(app.ctx, request);
    expect(id(moreData.bytes)).not.toBe(id(first.bytes));
  });

  it('refuses a range that ends before it starts, a future day, and a student with no plan', async () => {
    const app = await reportStudent();
    await expect(
      app.call('reports.preview', { request: { kind: 'team_summary', studentId: app.student.id, from: '2026-10-10', to: '2026-10-01' } }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: 'The date range must end on or after the day it starts.' });
    await expect(
      app.call('reports.preview', { request: { kind: 'team_summary', studentId: app.student.id, preparedOn: '2026-12-01' } }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const planless = await app.call('students.create', {
      localId: 'S-200001',
      firstName: 'Ottoline',
      lastName: 'Vasquez',
      grade: 6,
      school: 'Riverside Middle School',
    });
    await expect(app.call('reports.preview', { request: { kind: 'team_summary', studentId: planless.id } })).rejects.toMatchObject({
      code: 'conflict',
      message: 'This student has no active or ended plan to report on.',
    });
    const preview = await app.call('reports.preview', {
      request: { kind: 'team_summary', studentId: app.student.id, preparedOn: PREPARED_ON },
    });
    expect(preview.fileName).toBe('S-100234 Quixote-Marchetti – team summary – 2026-10-15.pdf');
    expect(Buffer.from(preview.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('team summary PDF: sessions', () => {
  it('says "No sessions recorded." for a support that ran with nothing logged, never "No missed sessions."', {
    timeout: 120_000,
  }, async () => {
    const app = await reportStudent();
    // The buddy support runs from 8 September; its only session is on 13 October, after this range.
    const report = await buildReport(app.ctx, {
      kind: 'team_summary',
      studentId: app.student.id,
      from: '2026-09-08',
      to: '2026-10-12',
      preparedOn: PREPARED_ON,
    });
    const text = pdfText(report.bytes);
    expect(text).toContain('Mentors: Bartholomew Nakamura (Grade 11)');
    expect(text).toContain('No sessions recorded.');
    expect(text).not.toContain('No missed sessions.');
  });
});
