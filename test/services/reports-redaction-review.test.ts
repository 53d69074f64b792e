/**
 * The review step of a parent report's redaction: the preview lists every name it replaced in a
 * few words of context; the case manager's `keep` puts one back and `remove` takes one more out;
 * the saved report's disclosure record notes the review by counts only, never by name.
 */
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import { mentorInput } from '../fixtures/program';
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

  it('keeps the family and staff named where a peer shares their surname', { timeout: 120_000 }, async () => {
    const app = await reportStudent();
    // A peer who shares the case manager's surname and the mother's.
    await app.call('mentors.create', mentorInput({ localId: 'M-777001', firstName: 'Dana', lastName: 'Quill', preferredName: undefined }));
    await app.call(
      'mentors.create',
      mentorInput({ localId: 'M-777002', firstName: 'Ines', lastName: 'Quixote', preferredName: undefined }),
    );
    await app.call('progressMarks.save', {
      goalId: app.math.id,
      period: { label: 'Progress check 1', endsOn: '2026-10-09' },
      changes: { narrative: 'Avery Quill called Marisol Quixote; Ms. Quill and Mrs. Quixote agreed. Dana Quill and Ines Quixote helped.' },
    });
    const preview = await app.call('reports.preview', {
      request: {
        kind: 'parent_report',
        studentId: app.student.id,
        language: 'en',
        recipient: 'Marisol Quixote (mother)',
        purpose: 'Quarter 1 progress report',
        preparedOn: PREPARED_ON,
      },
    });
    expect(pdfText(Buffer.from(preview.pdfBase64, 'base64'))).toContain(
      'Avery Quill called Marisol Quixote; Ms. Quill and Mrs. Quixote agreed. [a peer] and [a peer] helped.',
    );
  });

  it('describes a peer by role and grade once 3 mentors of the school share them', { timeout: 120_000 }, async () => {
    const app = await reportStudent();
    const school = app.student.school;
    for (const [localId, firstName] of [
      ['M-778001', 'Ada'],
      ['M-778002', 'Ben'],
      ['M-778003', 'Cy'],
    ] as const) {
      const mentor = await app.call(
        'mentors.create',
        mentorInput({ localId, firstName, lastName: 'Tutor', preferredName: undefined, grade: 6, school }),
      );
      await app.call('assignments.create', { mentorId: mentor.id, accommodationId: app.tutor.id, startDate: '2026-09-10' });
    }
    const preview = await app.call('reports.preview', {
      request: {
        kind: 'parent_report',
        studentId: app.student.id,
        language: 'en',
        recipient: 'Marisol Quixote (mother)',
        purpose: 'Quarter 1 progress report',
        preparedOn: PREPARED_ON,
      },
    });
    const text = pdfText(Buffer.from(preview.pdfBase64, 'base64'));
    expect(text).toContain('a trained 6th-grade peer tutor');
    // The fixture's own tutors (grades 7 and 8) now stand among 5 middle-school peer tutors.
    expect(text).toContain('a trained middle-school peer tutor');
  });
});
