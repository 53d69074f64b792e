/**
 * Saving a report: written only to the path chosen, never over a file, and recorded in the audit
 * trail in the same step — a parent report as a disclosure (who, when, to whom, why, what), a team
 * summary as internal use — with no student or mentor name in the record; the record lists them back.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import { verifyAuditChain } from '../../src-main/services/audit';
import { tempDir } from '../fixtures/vault';
import { PREPARED_ON, reportStudent } from './reports-fixture';

describe('saving reports and the disclosure record', () => {
  it('records a parent report as a disclosure and a team summary as internal use', { timeout: 120_000 }, async () => {
    const app = await reportStudent();
    const dir = tempDir();
    const parentPath = join(dir, 'for-family.pdf');
    const saved = await app.call('reports.save', {
      path: parentPath,
      request: {
        kind: 'parent_report',
        studentId: app.student.id,
        language: 'es',
        recipient: 'Marisol Quixote (mother)',
        purpose: 'Quarter 1 progress report',
        from: '2026-09-01',
        to: '2026-10-09',
        preparedOn: PREPARED_ON,
      },
    });
    expect(saved).toMatchObject({ path: parentPath, fileName: 'S-100234 Quixote-Marchetti – parent report – 2026-10-15.pdf' });
    expect(readFileSync(parentPath).subarray(0, 5).toString()).toBe('%PDF-');
    await app.call('reports.save', {
      path: join(dir, 'team.pdf'),
      request: { kind: 'team_summary', studentId: app.student.id, preparedOn: PREPARED_ON },
    });

    const disclosures = await app.call('reports.disclosures', { studentId: app.student.id });
    expect(disclosures).toEqual([
      expect.objectContaining({
        actorName: 'Avery Quill',
        use: 'internal_use',
        report: 'team_summary',
        subject: 'student',
        subjectId: app.student.id,
        recipient: null,
        from: '2026-09-01',
        to: '2026-10-15',
        preparedOn: PREPARED_ON,
      }),
      expect.objectContaining({
        actorName: 'Avery Quill',
        use: 'disclosure',
        report: 'parent_report',
        subject: 'student',
        subjectId: app.student.id,
        recipient: 'Marisol Quixote (mother)',
        purpose: 'Quarter 1 progress report',
        from: '2026-09-01',
        to: '2026-10-09',
        preparedOn: PREPARED_ON,
        language: 'es',
      }),
    ]);
    expect(disclosures[1]?.at).toBe('2026-10-15T15:00:00.000Z');
    const reportEvents = JSON.stringify(app.db.select().from(auditEvents).where(eq(auditEvents.action, 'report.exported')).all());
    expect(reportEvents).toContain('Marisol Quixote (mother)');
    for (const name of ['Zebulon', 'Quixote-Marchetti', 'S-100234', 'Samuel', 'Rivera', 'Priyanka', 'Bartholomew', app.mentor.localId]) {
      expect(reportEvents).not.toContain(name);
    }
    expect(verifyAuditChain(app.db).ok).toBe(true);
  });

  it('never overwrites a file, writes nothing to a missing folder, and records nothing then', { timeout: 60_000 }, async () => {
    const app = await reportStudent();
    const dir = tempDir();
    const taken = join(dir, 'taken.pdf');
    writeFileSync(taken, 'keep me');
    const request = { kind: 'team_summary', studentId: app.student.id, preparedOn: PREPARED_ON } as const;
    await expect(app.call('reports.save', { path: taken, request })).rejects.toMatchObject({
      code: 'conflict',
      message: 'A file with that name is already there; nothing was overwritten. Choose another name.',
    });
    expect(readFileSync(taken, 'utf8')).toBe('keep me');
    await expect(app.call('reports.save', { path: join(dir, 'no-such-folder', 'x.pdf'), request })).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'That folder does not exist.',
    });
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
    expect(await app.call('reports.disclosures', {})).toEqual([]);
  });

  it('asks for a recipient and a purpose before a parent report is exported', async () => {
    const app = await reportStudent();
    const request = { kind: 'parent_report', studentId: app.student.id, language: 'en', recipient: ' ', purpose: '' } as const;
    await expect(app.call('reports.save', { path: join(tempDir(), 'x.pdf'), request })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/request\.recipient: Say who receives the report.*request\.purpose: Say why the report is shared/),
    });
  });
});
