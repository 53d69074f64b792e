/**
 * The app's side of reports: the file dialogs behind `files.*` (and that a report is written only
 * where the person chose), and a batch as a background job — progress n of N, failures listed by
 * student while the rest go on, cancel, one batch at a time, a lock stops it — all through dispatch.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import type { FileDialogs } from '../../src-main/api/handlers/files';
import type { BatchStatus, Channel, InputOf, OutputOf } from '../../src-main/contract';
import { planInput, studentInput } from '../fixtures/program-input';
import { PASSPHRASE, tempDir } from '../fixtures/vault';
import { PREPARED_ON, reportStudent } from './reports-fixture';

/** The fixture's vault, with a second dispatch that has (stub) dialogs, as the app has. */
async function appWithDialogs() {
  const app = await reportStudent();
  const folder = tempDir();
  const answers: (string | null)[] = [];
  const dialogs: FileDialogs = {
    chooseSavePath: async ({ suggestedName }) => (answers.length ? (answers.shift() ?? null) : join(folder, suggestedName)),
    chooseFolder: async () => (answers.length ? (answers.shift() ?? null) : folder),
  };
  const dispatch = createDispatch(createHandlers(app.session, { dialogs }));
  async function ui<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
    const result = await dispatch(channel, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value as OutputOf<C>;
  }
  return { ...app, folder, answers, ui };
}

async function withCaseload() {
  const app = await appWithDialogs();
  const caseManagerId = app.ctx.actor.staffId ?? '';
  await app.call('students.update', { id: app.student.id, changes: { caseManagerId } });
  // No plan: this student's report fails, and the batch goes on.
  await app.call('students.create', studentInput({ localId: 'S-100300', firstName: 'Aurelio', lastName: 'Baptiste', caseManagerId }));
  const third = await app.call(
    'students.create',
    studentInput({ localId: 'S-100400', firstName: 'Ines', lastName: 'Zamora', caseManagerId }),
  );
  await app.call('plans.create', planInput(third.id));
  return { ...app, caseManagerId };
}

async function untilFinished(read: () => Promise<BatchStatus>): Promise<{ final: BatchStatus; seen: string[] }> {
  const seen: string[] = [];
  for (;;) {
    const status = await read();
    const line = `${status.done} of ${status.total}`;
    if (seen.at(-1) !== line) seen.push(line);
    if (status.finished) return { final: status, seen };
    await new Promise((done) => setTimeout(done, 20));
  }
}

const team = (studentId: string) => ({ kind: 'team_summary' as const, studentId, preparedOn: PREPARED_ON });

describe('file dialogs', () => {
  it('refuse where there are none (the CLI), in plain words', async () => {
    const app = await reportStudent();
    await expect(app.call('files.chooseFolder', { title: 'Choose a folder' })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('--out'),
    });
  });

  it('let the app save a report only where the person chose, once; cancelling chooses nothing', { timeout: 120_000 }, async () => {
    const app = await appWithDialogs();
    const elsewhere = join(app.folder, 'not-chosen.pdf');
    await expect(app.ui('reports.save', { request: team(app.student.id), path: elsewhere })).rejects.toMatchObject({ code: 'forbidden' });
    expect(existsSync(elsewhere)).toBe(false);

    app.answers.push(null);
    expect(await app.ui('files.chooseSavePath', { title: 'Save', suggestedName: 'x.pdf', filter: 'pdf' })).toEqual({ path: null });

    const { path } = await app.ui('files.chooseSavePath', { title: 'Save', suggestedName: 'team.pdf', filter: 'pdf' });
    expect(path).toBe(join(app.folder, 'team.pdf'));
    const saved = await app.ui('reports.save', { request: team(app.student.id), path: path ?? '' });
    expect(saved.path).toBe(path);
    expect(existsSync(saved.path)).toBe(true);
    // The choice is used up: a second save there needs a new choice (and would not overwrite anyway).
    await expect(app.ui('reports.save', { request: team(app.student.id), path: path ?? '' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await app.ui('reports.disclosures', {})).toHaveLength(1);
  });
});

describe('batch job', () => {
  it('answers at once, reports n of N, lists the failing student by name and writes the rest', { timeout: 240_000 }, async () => {
    const app = await withCaseload();
    const scope = { kind: 'caseload' as const, caseManagerId: app.caseManagerId };
    await expect(app.ui('reports.batchStart', { scope, folder: app.folder, preparedOn: PREPARED_ON })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const { path: folder } = await app.ui('files.chooseFolder', { title: 'Choose a folder' });
    const started = await app.ui('reports.batchStart', { scope, folder: folder ?? '', preparedOn: PREPARED_ON });
    expect(started).toMatchObject({ done: 0, total: 3, finished: false, failures: [] });
    // Other calls are answered while the batch runs.
    const meanwhile = await app.ui('reports.batchStatus', { jobId: started.jobId });
    expect(meanwhile.finished).toBe(false);
    await expect(app.ui('reports.batchStart', { scope, folder: folder ?? '' })).rejects.toMatchObject({ code: 'conflict' });

    const { final, seen } = await untilFinished(() => app.ui('reports.batchStatus', { jobId: started.jobId }));
    expect(seen.at(-1)).toBe('3 of 3');
    expect(final).toMatchObject({ done: 3, total: 3, written: 2, cancelled: false, stoppedBecause: null, folder });
    expect(final.failures).toEqual([
      {
        studentId: expect.any(String),
        localId: 'S-100300',
        name: 'Aurelio Baptiste',
        message: 'This student has no active or ended plan to report on.',
      },
    ]);
    expect(readdirSync(app.folder).sort()).toEqual([
      'S-100234 Quixote-Marchetti – team summary – 2026-10-15.pdf',
      'S-100400 Zamora – team summary – 2026-10-15.pdf',
    ]);
  });

  it('covers a whole school, and stops between students when cancelled', { timeout: 240_000 }, async () => {
    const app = await withCaseload();
    const { path: folder } = await app.ui('files.chooseFolder', { title: 'Choose a folder' });
    const started = await app.ui('reports.batchStart', {
      scope: { kind: 'school', school: 'Riverside Middle School' },
      folder: folder ?? '',
      preparedOn: PREPARED_ON,
    });
    expect(started.total).toBe(3);
    const cancelled = await app.ui('reports.batchCancel', { jobId: started.jobId });
    expect(cancelled.jobId).toBe(started.jobId);
    const { final } = await untilFinished(() => app.ui('reports.batchStatus', { jobId: started.jobId }));
    expect(final).toMatchObject({ cancelled: true, finished: true });
    expect(final.done).toBeLessThan(3);
    expect(readdirSync(app.folder)).toHaveLength(final.written);
    await expect(app.ui('reports.batchStatus', { jobId: 'no-such-job' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('stops, saying why, when the vault locks mid-batch — even if it is unlocked again', { timeout: 240_000 }, async () => {
    const app = await withCaseload();
    const { path: folder } = await app.ui('files.chooseFolder', { title: 'Choose a folder' });
    const started = await app.ui('reports.batchStart', {
      scope: { kind: 'caseload', caseManagerId: app.caseManagerId },
      folder: folder ?? '',
      preparedOn: PREPARED_ON,
    });
    app.session.lock('idle');
    await app.session.unlock(PASSPHRASE);
    const { final } = await untilFinished(() => app.ui('reports.batchStatus', { jobId: started.jobId }));
    expect(final.stoppedBecause).toMatch(/vault locked/);
    expect(final.done).toBeLessThan(3);
  });

  it('refuses a folder that is gone', async () => {
    const app = await appWithDialogs();
    const gone = join(app.folder, 'gone');
    mkdirSync(gone);
    app.answers.push(gone);
    await app.ui('files.chooseFolder', { title: 'Choose a folder' });
    rmSync(gone, { recursive: true });
    await expect(
      app.ui('reports.batchStart', { scope: { kind: 'school', school: 'Riverside Middle School' }, folder: gone }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
