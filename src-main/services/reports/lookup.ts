/**
 * The people a command line names by the numbers staff know — a student number, a mentor's student
 * number — found as records. A record id works too. De-identified students keep no number to find.
 */
import { and, eq, ne, or } from 'drizzle-orm';
import { mentors, students } from '../../../db/schema';
import type { ServiceContext } from '../context';
import { notFound } from '../context';

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
