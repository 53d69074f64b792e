/**
 * Team summaries for a whole caseload or school: one PDF per active student of a case manager (or
 * at a school), into a folder the user chose, named "<student number> <last name> – team summary – <date>.pdf", never over a
 * file already there. Reports progress (n of N) after each student, stops when the signal aborts
 * (dropping a report still being drawn: nothing half-made is written), and carries on past a student
 * whose report fails, listing why at the end. Each report is gathered and saved (with its audit
 * record) here, next to the vault; `render` draws it, in a worker thread when the app passes its own.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { and, eq } from 'drizzle-orm';
import { students } from '../../../db/schema';
import { AppError } from '../../contract';
import type { RenderReport } from '../../reports/render';
import type { ServiceContext } from '../context';
import { displayName, studentIdentities } from '../students/students';
import { buildReport, saveBuilt } from './export';
import type { ReportDates } from './gather';

export interface BatchProgress {
  done: number;
  total: number;
  /** The outcome of the student just done. */
  last: { studentId: string; localId: string; written: boolean; message: string | null };
}

export interface BatchInput extends ReportDates {
  /** The caseload of this case manager (record id), or, without it, every active student at `school`. */
  caseManagerId?: string | undefined;
  school?: string | undefined;
  outDir: string;
  signal?: AbortSignal;
  onProgress?: (progress: BatchProgress) => void;
  /** Where each report is drawn; default: in this thread (the services' own tests). The app and the CLI pass the worker threads'. */
  render?: RenderReport | undefined;
}

/** The context for each student: fixed, or read afresh (the app's session, which may lock between two). */
export type BatchContext = ServiceContext | (() => ServiceContext);

export interface BatchResult {
  total: number;
  written: { studentId: string; localId: string; path: string }[];
  failed: { studentId: string; localId: string; message: string }[];
  /** Stopped by the signal before every student was done. */
  cancelled: boolean;
}

export function assertFolder(dir: string): void {
  let isFolder = false;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) throw new AppError('invalid_input', 'The output folder does not exist; create it first.');
}

function failureMessage(error: unknown): string {
  if (error instanceof AppError) return error.message;
  // Anything unexpected is named by kind only: its message could quote student data.
  return `the report could not be made (${error instanceof Error ? error.name : 'unknown error'})`;
}

/** The active students a batch covers, in the order their files are written. */
export function batchStudents(
  ctx: ServiceContext,
  scope: { caseManagerId?: string | undefined; school?: string | undefined },
): { id: string; localId: string; name: string }[] {
  const where =
    scope.caseManagerId !== undefined
      ? eq(students.caseManagerId, scope.caseManagerId)
      : scope.school !== undefined
        ? eq(students.school, scope.school)
        : undefined;
  if (!where) throw new AppError('invalid_input', 'Choose a case manager or a school.');
  return studentIdentities(ctx.db, and(where, eq(students.status, 'active'))).map((row) => ({
    id: row.id,
    localId: row.localId,
    name: displayName(row),
  }));
}

export async function runBatch(context: BatchContext, input: BatchInput): Promise<BatchResult> {
  const contextNow = typeof context === 'function' ? context : () => context;
  assertFolder(input.outDir);
  const caseload = batchStudents(contextNow(), input);
  const result: BatchResult = { total: caseload.length, written: [], failed: [], cancelled: false };
  const { render: renderIn, signal } = input;
  const render: RenderReport | undefined = renderIn && ((job) => renderIn(job, signal));
  for (const [index, student] of caseload.entries()) {
    if (signal?.aborted) {
      result.cancelled = true;
      break;
    }
    // Outside the try: a vault that locked mid-batch stops the whole batch, it is not one student's failure.
    const ctx = contextNow();
    let message: string | null = null;
    try {
      const built = await buildReport(
        ctx,
        { kind: 'team_summary', studentId: student.id, from: input.from, to: input.to, preparedOn: input.preparedOn },
        render,
      );
      const saved = saveBuilt(ctx, built, join(input.outDir, built.fileName));
      result.written.push({ studentId: student.id, localId: student.localId, path: saved.path });
    } catch (error) {
      if (signal?.aborted) {
        result.cancelled = true;
        break;
      }
      // The vault locked while the report was drawn: the batch stops, as it would before the next student.
      if (error instanceof AppError && error.code === 'locked') throw error;
      message = failureMessage(error);
      result.failed.push({ studentId: student.id, localId: student.localId, message });
    }
    input.onProgress?.({
      done: index + 1,
      total: caseload.length,
      last: { studentId: student.id, localId: student.localId, written: message === null, message },
    });
    // Let other work (a progress bar, a cancel click) run between students.
    await setImmediate();
  }
  return result;
}
