/**
 * Team summaries for a caseload: one PDF per student in the chosen folder, named by student number,
 * last name and date; progress after each; a failing student reported while the rest are written; a
 * second run overwrites nothing; cancelling stops between students.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src-main/services/reports/batch';
import { findCaseManager } from '../../src-main/services/reports/lookup';
import { planInput, studentInput } from '../fixtures/program-input';
import { tempDir } from '../fixtures/vault';
import { PREPARED_ON, reportStudent } from './reports-fixture';

async function caseload() {
  const app = await reportStudent();
  const caseManagerId = app.ctx.actor.staffId ?? '';
  await app.call('students.update', { id: app.student.id, changes: { caseManagerId } });
  // No plan yet: this one's report fails.
  await app.call('students.create', studentInput({ localId: 'S-100300', firstName: 'Aurelio', lastName: 'Baptiste', caseManagerId }));
  const third = await app.call(
    'students.create',
    studentInput({ localId: 'S-100400', firstName: 'Đặng', lastName: 'Thị Hương', caseManagerId }),
  );
  await app.call('plans.create', planInput(third.id));
  return { ...app, caseManagerId };
}

describe('batch of team summaries', () => {
  it('writes one PDF per student, reports the one that fails and carries on', { timeout: 180_000 }, async () => {
    const app = await caseload();
    const outDir = tempDir();
    const progress: string[] = [];
    const result = await runBatch(app.ctx, {
      caseManagerId: app.caseManagerId,
      outDir,
      preparedOn: PREPARED_ON,
      onProgress: ({ done, total }) => progress.push(`${done} of ${total}`),
    });
    expect(progress).toEqual(['1 of 3', '2 of 3', '3 of 3']);
    expect(result.cancelled).toBe(false);
    expect(result.failed).toEqual([
      { studentId: expect.any(String), localId: 'S-100300', message: 'This student has no active or ended plan to report on.' },
    ]);
    expect(readdirSync(outDir).sort()).toEqual([
      'S-100234 Quixote-Marchetti – team summary – 2026-10-15.pdf',
      'S-100400 Thị Hương – team summary – 2026-10-15.pdf',
    ]);
    const disclosures = await app.call('reports.disclosures', {});
    expect(disclosures.map((entry) => entry.use)).toEqual(['internal_use', 'internal_use']);

    const before = readFileSync(join(outDir, 'S-100400 Thị Hương – team summary – 2026-10-15.pdf'));
    writeFileSync(join(outDir, 'S-100300 Baptiste – team summary – 2026-10-15.pdf'), 'someone else’s file');
    const again = await runBatch(app.ctx, { caseManagerId: app.caseManagerId, outDir, preparedOn: PREPARED_ON });
    expect(again.written).toEqual([]);
    expect(again.failed.map((failure) => failure.message)).toEqual([
      'This student has no active or ended plan to report on.',
      'A file with that name is already there; nothing was overwritten. Choose another name.',
      'A file with that name is already there; nothing was overwritten. Choose another name.',
    ]);
    expect(readFileSync(join(outDir, 'S-100400 Thị Hương – team summary – 2026-10-15.pdf')).equals(before)).toBe(true);
    expect(readFileSync(join(outDir, 'S-100300 Baptiste – team summary – 2026-10-15.pdf'), 'utf8')).toBe('someone else’s file');
  });

  it('stops between students when cancelled, and refuses a folder that does not exist', { timeout: 120_000 }, async () => {
    const app = await caseload();
    const outDir = tempDir();
    const controller = new AbortController();
    const result = await runBatch(app.ctx, {
      caseManagerId: app.caseManagerId,
      outDir,
      preparedOn: PREPARED_ON,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(result).toMatchObject({ total: 3, cancelled: true });
    expect(result.written.length + result.failed.length).toBe(1);
    expect(readdirSync(outDir).length).toBe(result.written.length);
    await expect(runBatch(app.ctx, { caseManagerId: app.caseManagerId, outDir: join(outDir, 'missing') })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(findCaseManager(app.ctx, app.caseManagerId).name).toBe('Avery Quill');
    expect(() => findCaseManager(app.ctx, 'T-0000')).toThrow('No staff member has that staff id.');
  });
});
