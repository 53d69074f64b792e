/**
 * The worker threads (src-main/workers), for real: the matching solver and the report renderer run
 * in a thread started from the same entry the app builds, and give exactly what they give in this
 * thread; errors cross as the envelope expects; a thread that dies, a cancelled task and a locked
 * vault end in clear errors, never a hang. Then the app's own pool: previews, suggestions and a
 * batch go through it, and locking the vault ends its threads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError, type ReportRequest } from '../../src-main/contract';
import { solveMatching } from '../../src-main/services/matching/solve';
import { suggestMatches } from '../../src-main/services/matching/suggest';
import { meetingSummaryPdf } from '../../src-main/services/meetings/presentation';
import { buildReport, previewReport } from '../../src-main/services/reports/export';
import { createTaskPool, type TaskPool } from '../../src-main/workers/pool';
import { PASSPHRASE, tempDir } from '../fixtures/vault';
import { arbitraryProblem, problem } from '../unit/matching-fixtures';
import { school } from './matching-fixture';
import { PREPARED_ON, reportStudent } from './reports-fixture';

const pools: TaskPool[] = [];
function pool(options: Parameters<typeof createTaskPool>[0] = {}): TaskPool {
  const created = createTaskPool(options);
  pools.push(created);
  return created;
}
afterEach(() => {
  for (const created of pools.splice(0)) created.stop(new Error('test over'));
});

describe('a task pool', () => {
  it('solves plans in a worker thread exactly as in this thread', async () => {
    const tasks = pool();
    const problems = fc.sample(arbitraryProblem, { numRuns: 40, seed: 20261015 });
    const solved = await Promise.all(problems.map((p) => tasks.run('matching.solve', p)));
    expect(solved).toEqual(problems.map((p) => solveMatching(p)));
    expect(tasks.threads).toBeGreaterThan(0);
  });

  it('draws each kind of report byte for byte as this thread does', { timeout: 120_000 }, async () => {
    const app = await reportStudent();
    const tasks = pool();
    const requests: ReportRequest[] = [
      { kind: 'team_summary', studentId: app.student.id, preparedOn: PREPARED_ON },
      {
        kind: 'parent_report',
        studentId: app.student.id,
        language: 'es',
        recipient: 'Parent (synthetic)',
        purpose: 'Annual review',
        preparedOn: PREPARED_ON,
      },
      { kind: 'recognition_letter', mentorId: app.priya.id, preparedOn: PREPARED_ON },
    ];
    for (const request of requests) {
      const here = await buildReport(app.ctx, request);
      const there = await buildReport(app.ctx, request, (job) => tasks.run('reports.render', job));
      expect(there.pages).toBe(here.pages);
      expect(Buffer.from(there.bytes).equals(Buffer.from(here.bytes))).toBe(true);
    }
  });

  it('names an unexpected error by its kind only: its message could quote student data', async () => {
    const broken = { ...problem(), seats: null } as unknown as Parameters<typeof solveMatching>[0];
    const error = await pool()
      .run('matching.solve', broken)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'TypeError', message: 'matching.solve failed in a worker thread' });
    expect(error).not.toBeInstanceOf(AppError);
  });

  it('refuses an input a thread cannot receive, and the thread stays usable', async () => {
    const tasks = pool({ size: 1 });
    const unclonable = { ...problem(), weights: () => 0 } as unknown as Parameters<typeof solveMatching>[0];
    await expect(tasks.run('matching.solve', unclonable)).rejects.toThrow('matching.solve: its input cannot be sent to a worker thread');
    await expect(tasks.run('matching.solve', problem())).resolves.toEqual(solveMatching(problem()));
  });

  it('turns a thread that dies into a clear error, not a hang, and tries a new thread for the next task', async () => {
    // A heap too small to start in: the thread dies holding its task, as any crash would.
    const tasks = pool({ size: 1, resourceLimits: { maxOldGenerationSizeMb: 4 } });
    await expect(tasks.run('matching.solve', problem())).rejects.toMatchObject({
      name: 'WorkerExited',
      message: 'The worker thread running matching.solve stopped (ERR_WORKER_OUT_OF_MEMORY).',
    });
    expect(tasks.threads).toBe(0);
    await expect(tasks.run('matching.solve', problem())).rejects.toMatchObject({ name: 'WorkerExited' });
  });

  it('cancelling drops a queued task, and ends the thread of a running one', async () => {
    const tasks = pool({ size: 1 });
    const p = problem();
    const first = tasks.run('matching.solve', p);
    const queued = new AbortController();
    const second = tasks.run('matching.solve', p, { signal: queued.signal });
    queued.abort(new Error('no longer wanted'));
    await expect(second).rejects.toThrow('no longer wanted');
    await expect(first).resolves.toEqual(solveMatching(p));

    const running = new AbortController();
    const third = tasks.run('matching.solve', p, { signal: running.signal });
    running.abort(new Error('stop now'));
    await expect(third).rejects.toThrow('stop now');
    expect(tasks.threads).toBe(0);
    await expect(tasks.run('matching.solve', p, { signal: running.signal })).rejects.toThrow('stop now');
    await expect(tasks.run('matching.solve', p)).resolves.toEqual(solveMatching(p));
  });

  it('stopping rejects every task with the reason given, and the next task starts a new thread', async () => {
    const tasks = pool({ size: 1 });
    const running = tasks.run('matching.solve', problem());
    const queued = tasks.run('matching.solve', problem());
    tasks.stop(new AppError('locked', 'The vault is locked.'));
    await expect(running).rejects.toMatchObject({ code: 'locked' });
    await expect(queued).rejects.toMatchObject({ code: 'locked' });
    expect(tasks.threads).toBe(0);
    await expect(tasks.run('matching.solve', problem())).resolves.toEqual(solveMatching(problem()));
  });
});

/** The batch's status once it has finished, polled as the app's window does. */
async function finished(app: Awaited<ReturnType<typeof reportStudent>>, jobId: string) {
  for (;;) {
    const status = await app.call('reports.batchStatus', { jobId });
    if (status.finished) return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the app's worker threads", () => {
  it('suggest mentors there, with the very plan this thread finds', async () => {
    const app = await school();
    const there = await app.call('matching.suggest', { mode: 'fill' });
    expect(app.tasks.threads).toBeGreaterThan(0);
    expect(there).toEqual(await suggestMatches(app.ctx, { mode: 'fill' }));
  });

  it('draw the meeting summary there, byte for byte as this thread does, as every report', { timeout: 120_000 }, async () => {
    const app = await reportStudent();
    const meeting = await app.call('meetings.start', {
      studentId: app.student.id,
      language: 'es',
      attendees: [{ name: 'Marisol Quixote', relation: 'madre' }],
    });
    await app.call('meetings.decide', { decision: 'note', text: 'Sam Rivera keeps the first step check.' });
    await app.call('meetings.leave', { passphrase: PASSPHRASE });
    expect(app.tasks.threads).toBe(0);
    for (const version of ['parent', 'team'] as const) {
      const input = { meetingId: meeting.id, version, language: 'es' };
      const there = await app.call('meetings.summary', input);
      expect(app.tasks.threads).toBeGreaterThan(0);
      const here = await meetingSummaryPdf(app.ctx, input);
      expect(there).toEqual({
        fileName: here.fileName,
        pages: here.pages,
        bytes: here.bytes.length,
        pdfBase64: Buffer.from(here.bytes).toString('base64'),
      });
    }
  });

  it('draw previews and a batch there, byte for byte as this thread does; locking the vault ends them', { timeout: 120_000 }, async () => {
    const app = await reportStudent();
    const request: ReportRequest = { kind: 'team_summary', studentId: app.student.id, preparedOn: PREPARED_ON };
    expect(await app.call('reports.preview', { request })).toEqual(await previewReport(app.ctx, { request }));
    expect(app.tasks.threads).toBeGreaterThan(0);

    const caseManagerId = app.ctx.actor.staffId ?? '';
    await app.call('students.update', { id: app.student.id, changes: { caseManagerId } });
    const folder = tempDir();
    const started = await app.call('reports.batchStart', {
      scope: { kind: 'caseload', caseManagerId },
      folder,
      preparedOn: PREPARED_ON,
    });
    const status = await finished(app, started.jobId);
    expect(status).toMatchObject({ written: 1, failures: [], stoppedBecause: null });
    const [file] = readdirSync(folder);
    const inThisThread = await buildReport(app.ctx, request);
    expect(readFileSync(join(folder, file ?? '')).equals(Buffer.from(inThisThread.bytes))).toBe(true);

    // A lock while a report is being drawn stops the batch at once, with the vault's reason.
    const again = await app.call('reports.batchStart', {
      scope: { kind: 'caseload', caseManagerId },
      folder: tempDir(),
      preparedOn: PREPARED_ON,
    });
    app.session.lock('user');
    expect(app.tasks.threads).toBe(0);
    const stopped = await finished(app, again.jobId);
    expect(stopped).toMatchObject({ finished: true, written: 0, failures: [] });
    expect(stopped.stoppedBecause).toMatch(/^The vault locked, so the batch stopped/);
  });
});
