/**
 * The review step of a parent report's redaction: the preview lists every name it replaced in a
 * few words of context; the case manager's `keep` puts one back and `remove` takes one more out;
 * the saved report's disclosure record notes the review by counts only, never by name.
 */
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import { tempDir } from '../fixtures/vault';
import { PREPARED_ON, pdfText, reportStudent } from './reports-fixture';

describe('reviewing a parent report’s redaction', () => {
  it('lists the replacements, takes keep and remove, and records the review by counts', { timeout: 120_000 }, async () => {
    const app = await reportStudent();
    const request = {
      kind: 'parent_report' as const,
      studentId: app.student.id,
      language: 'en' as const,
      recipient: 'Marisol Quixote (mother)',
      purpose: 'Quarter 1 progress report',
      preparedOn: PREPARED_ON,
    };
    const preview = await app.call('reports.preview', { request });
    // The fixture's narrative names the mentor three ways, and the number; each is listed once with its context.
    expect(preview.names?.map((name) => [name.found, name.identityKind])).toEqual([
      ['Sam Rivera', 'full_name'],
      ['S.R.', 'initials'],
      [app.mentor.localId, 'student_number'],
      ['SR', 'initials'],
    ]);
    expect(preview.names?.[0]).toMatchObject({
      replacement: '[a peer]',
      before: '… problems on the last probe. ',
      after: ` (S.R., ${app.mentor.localId}) checks each …`,
    });

    const reviewed = await app.call('reports.preview', {
      request: { ...request, redaction: { keep: ['SR'], remove: ['two-step problems'] } },
    });
    const text = pdfText(Buffer.from(reviewed.pdfBase64, 'base64'));
    expect(text).toContain('Zebulon solved 7 of 10 [a peer] on the last probe.');
    expect(text).toContain('SR says he now explains');
    expect(reviewed.names?.map((name) => name.found)).toEqual(['two-step problems', 'Sam Rivera', 'S.R.', app.mentor.localId]);

    await app.call('reports.save', {
      path: join(tempDir(), 'reviewed.pdf'),
      request: { ...request, redaction: { keep: ['SR'], remove: ['two-step problems'] } },
    });
    await app.call('reports.save', { path: join(tempDir(), 'unreviewed.pdf'), request });
    const [unreviewed, saved] = await app.call('reports.disclosures', { studentId: app.student.id });
    expect(saved).toMatchObject({ report: 'parent_report', namesReplaced: 4, namesKept: 1, namesAdded: 1 });
    expect(unreviewed).toMatchObject({ report: 'parent_report', namesReplaced: null, namesKept: null, namesAdded: null });
    const events = JSON.stringify(app.db.select().from(auditEvents).where(eq(auditEvents.action, 'report.exported')).all());
    for (const word of ['Sam Rivera', 'two-step problems', '"SR"', app.mentor.localId]) expect(events).not.toContain(word);
  });
});
