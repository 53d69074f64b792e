/**
 * Team summaries for a whole caseload: one PDF per active student of a case manager, into a folder
 * the user chose, named "<student number> <last name> – team summary – <date>.pdf", never over a
 * file already there. Reports progress (n of N) after each student, stops between students when the
 * signal aborts, and carries on past a student whose report fails, listing why at the end.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { and, asc, eq } from 'drizzle-orm';
import { students } from '../../db/schema';
import { AppError } from '../contract';
import type { ServiceContext } from '../services/context';
import { listStaff } from '../services/staff';
import { buildReport, saveBuilt } from './export';
import type { ReportDates } from './gather';

export interface BatchProgress {
  done: number;
  total: number;
}

export interface BatchInput extends ReportDates {
  caseManagerId: string;
  outDir: string;
  signal?: AbortSignal;
  onProgress?: (progress: BatchProgress) => void;
}

export interface BatchResult {
  total: number;
  written: { studentId: string; localId: string; path: string }[];
  failed: { studentId: string; localId: string; message: string }[];
  /** Stopped by the signal before every student was done. */
  cancelled: boolean;
}

/** A case manager by their staff id from the student information system, or by their Peerpath record id. */
export function findCaseManager(ctx: ServiceContext, staffId: string): { id: string; name: string } {
  const staff = listStaff(ctx, { includeArchived: true });
  const found = staff.find((member) => member.localId === staffId) ?? staff.find((member) => member.id === staffId);
  if (!found) throw new AppError('not_found', 'No staff member has that staff id.');
  return { id: found.id, name: found.name };
}

function assertFolder(dir: string): void {
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

export async function runBatch(ctx: ServiceContext, input: BatchInput): Promise<BatchResult> {
  assertFolder(input.outDir);
  const caseload = ctx.db
    .select({ id: students.id, localId: students.localId })
    .from(students)
    .where(and(eq(students.caseManagerId, input.caseManagerId), eq(students.status, 'active')))
    .orderBy(asc(students.lastName), asc(students.firstName), asc(students.localId))
    .all();
  const result: BatchResult = { total: caseload.length, written: [], failed: [], cancelled: false };
  for (const [index, student] of caseload.entries()) {
    if (input.signal?.aborted) {
      result.cancelled = true;
      break;
    }
    try {
      const built = await buildReport(ctx, {
        kind: 'team_summary',
        studentId: student.id,
        from: input.from,
        to: input.to,
        preparedOn: input.preparedOn,
      });
      const saved = saveBuilt(ctx, built, join(input.outDir, built.fileName));
      result.written.push({ studentId: student.id, localId: student.localId, path: saved.path });
    } catch (error) {
      result.failed.push({ studentId: student.id, localId: student.localId, message: failureMessage(error) });
    }
    input.onProgress?.({ done: index + 1, total: caseload.length });
    // Let other work (a progress bar, a cancel click) run between students.
    await setImmediate();
  }
  return result;
}
