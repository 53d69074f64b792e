/**
 * The people a command line names by the numbers staff know — a student number, a mentor's student
 * number, a staff id — found as records (`reports.findByNumber`). A record id works too.
 * De-identified students keep no number to find.
 */
import { and, eq, ne, or } from 'drizzle-orm';
import { mentors, students } from '../../../db/schema';
import { AppError } from '../../contract';
import type { ServiceContext } from '../context';
import { notFound } from '../context';
import { listStaff } from '../staff';

export function findStudentId(ctx: ServiceContext, localIdOrId: string): string {
  const row = ctx.db
    .select({ id: students.id })
    .from(students)
    .where(and(ne(students.status, 'deidentified'), or(eq(students.localId, localIdOrId), eq(students.id, localIdOrId))))
    .get();
  if (!row) throw notFound('student');
  return row.id;
}

export function findMentorId(ctx: ServiceContext, localIdOrId: string): string {
  const row = ctx.db
    .select({ id: mentors.id })
    .from(mentors)
    .where(or(eq(mentors.localId, localIdOrId), eq(mentors.id, localIdOrId)))
    .get();
  if (!row) throw notFound('mentor');
  return row.id;
}

/** A student's number for a listing, or null once purged. */
export function studentLocalId(ctx: ServiceContext, id: string): string | null {
  return ctx.db.select({ localId: students.localId }).from(students).where(eq(students.id, id)).get()?.localId ?? null;
}

/** A case manager by their staff id from the student information system, or by their Peerpath record id; archived ones too. */
export function findCaseManager(ctx: ServiceContext, staffId: string): { id: string; name: string } {
  const staff = listStaff(ctx, { includeArchived: true });
  const found = staff.find((member) => member.localId === staffId) ?? staff.find((member) => member.id === staffId);
  if (!found) throw new AppError('not_found', 'No staff member has that staff id.');
  return { id: found.id, name: found.name };
}

/** The one `reports.findByNumber` answers. */
export function findByNumber(ctx: ServiceContext, input: { kind: 'student' | 'mentor' | 'case_manager'; number: string }): { id: string } {
  if (input.kind === 'student') return { id: findStudentId(ctx, input.number) };
  if (input.kind === 'mentor') return { id: findMentorId(ctx, input.number) };
  return { id: findCaseManager(ctx, input.number).id };
}
