/**
 * A batch of team summaries as a background job for the app: the IPC contract is request/response,
 * so `start` answers at once with a job id and the renderer polls `status` (n of N, failures by
 * student) until the job is finished, or asks to `cancel` it. Each report is gathered and saved in
 * the main process and drawn by `render` (the app's worker threads), so the main process is free
 * while a report is drawn and answers other calls meanwhile. One batch at a time; a vault that locks
 * (or is unlocked again by someone) stops the job; cancelling drops the report being drawn.
 */
import { AppError } from '../../contract';
import type { BatchScope, BatchStatus } from '../../contract/reports';
import type { RenderReport } from '../../reports/render';
import { newId, type ServiceContext } from '../context';
import { assertFolder, batchStudents, runBatch } from './batch';
import type { ReportDates } from './gather';

export interface BatchJobsOptions {
  /** The session's context, read afresh for each student; throws `locked` while the vault is locked. */
  context: () => ServiceContext;
  /** Where each report is drawn: the app passes its worker threads'. */
  render: RenderReport;
}

export interface BatchJobInput extends ReportDates {
  scope: BatchScope;
  folder: string;
}

interface Job {
  status: BatchStatus;
  controller: AbortController;
  settled: Promise<BatchStatus>;
}

/** Finished jobs kept for a late status poll; older ones are forgotten. */
const KEEP_FINISHED = 5;
const LOCKED = 'The vault locked, so the batch stopped. The reports already written are in the folder.';

export function createBatchJobs(options: BatchJobsOptions) {
  const jobs = new Map<string, Job>();

  function find(jobId: string): Job {
    const job = jobs.get(jobId);
    if (!job) throw new AppError('not_found', 'That batch is no longer known; start it again.');
    return job;
  }

  function forgetOldJobs(): void {
    const finished = [...jobs.values()].filter((job) => job.status.finished);
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(job.status.jobId);
  }

  function start(input: BatchJobInput): BatchStatus {
    if ([...jobs.values()].some((job) => !job.status.finished)) {
      throw new AppError('conflict', 'A batch is already running. Wait for it to finish or cancel it first.');
    }
    const first = options.context();
    assertFolder(input.folder);
    const scope = input.scope.kind === 'caseload' ? { caseManagerId: input.scope.caseManagerId } : { school: input.scope.school };
    const names = new Map(batchStudents(first, scope).map((student) => [student.id, student.name]));
    const controller = new AbortController();
    const status: BatchStatus = {
      jobId: newId(),
      done: 0,
      total: names.size,
      written: 0,
      failures: [],
      finished: false,
      cancelled: false,
      stoppedBecause: null,
      folder: input.folder,
    };
    // The same unlocked vault throughout: after a lock, even a new unlock ends this job.
    const sameVault = (): ServiceContext => {
      const ctx = options.context();
      if (ctx.db !== first.db) throw new AppError('locked', LOCKED);
      return ctx;
    };
    const settled = runBatch(sameVault, {
      ...scope,
      outDir: input.folder,
      from: input.from,
      to: input.to,
      preparedOn: input.preparedOn,
      signal: controller.signal,
      render: options.render,
      onProgress: ({ done, last }) => {
        status.done = done;
        if (last.written) status.written += 1;
        else
          status.failures.push({
            studentId: last.studentId,
            localId: last.localId,
            name: names.get(last.studentId) ?? '',
            message: last.message ?? '',
          });
      },
    })
      .then(
        (result) => {
          status.cancelled = result.cancelled;
          return status;
        },
        (error: unknown) => {
          status.stoppedBecause =
            error instanceof AppError
              ? error.code === 'locked'
                ? LOCKED
                : error.message
              : 'The batch stopped because of an error inside Peerpath.';
          return status;
        },
      )
      .finally(() => {
        status.finished = true;
        forgetOldJobs();
      });
    jobs.set(status.jobId, { status, controller, settled });
    return { ...status, failures: [...status.failures] };
  }

  function snapshot(job: Job): BatchStatus {
    return { ...job.status, failures: [...job.status.failures] };
  }

  return {
    start,
    status: (jobId: string): BatchStatus => snapshot(find(jobId)),
    cancel(jobId: string): BatchStatus {
      const job = find(jobId);
      if (!job.status.finished) job.controller.abort();
      return snapshot(job);
    },
    /** Resolves when the job has finished (tests; the app polls `status`). */
    async settled(jobId: string): Promise<BatchStatus> {
      await find(jobId).settled;
      return snapshot(find(jobId));
    },
  };
}
