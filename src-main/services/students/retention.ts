/**
 * Records are kept only as long as needed (IDEA 300.624). When they are not, the team either
 * purges the student (every row removed; with secure_delete the freed bytes are zeroed, and the
 * WAL is checkpointed and truncated so no old copy of a page survives) or de-identifies them
 * (aggregate program data kept, identity removed, names scrubbed from free text). Either way the
 * audit trail records that it happened, and nothing of what was removed.
 */
import { randomBytes } from 'node:crypto';
import { eq, type SQL, sql } from 'drizzle-orm';
import { guardians, students } from '../../../db/schema';
import { AppError, type Student } from '../../contract';
import { change, expectChanged, forgetFreedPages, type ServiceContext } from '../context';
import { makeScrubber } from '../names/scrub';
import type { VaultTx } from '../vault-db';
import { findStudentRow, toStudent } from './students';

type Scope = (studentId: string) => SQL;
const OF_STUDENT_PLANS: Scope = (id) => sql`plan_id IN (SELECT id FROM plans WHERE student_id = ${id})`;
const OF_STUDENT_GOALS: Scope = (id) => sql`goal_id IN (SELECT id FROM goals WHERE ${OF_STUDENT_PLANS(id)})`;
const OF_STUDENT_SUPPORTS: Scope = (id) => sql`accommodation_id IN (SELECT id FROM accommodations WHERE ${OF_STUDENT_PLANS(id)})`;

/**
 * Every column where a teacher types about the student, and which rows are the student's. JSON
 * columns (objectives, amendment notes) are scrubbed as text: a name inside a JSON string is
 * replaced the same way. A new free-text column about a student belongs in this list.
 */
const FREE_TEXT: readonly { table: string; columns: readonly string[]; scope: Scope }[] = [
  { table: 'goals', columns: ['statement', 'objectives'], scope: OF_STUDENT_PLANS },
  { table: 'accommodations', columns: ['notes'], scope: OF_STUDENT_PLANS },
  { table: 'sessions', columns: ['note'], scope: OF_STUDENT_SUPPORTS },
  { table: 'check_ins', columns: ['whats_working', 'whats_not', 'next_steps'], scope: OF_STUDENT_SUPPORTS },
  { table: 'progress_points', columns: ['note', 'setting'], scope: OF_STUDENT_GOALS },
  { table: 'progress_reports', columns: ['narrative', 'insufficient_reason', 'amendments'], scope: OF_STUDENT_GOALS },
  { table: 'observations', columns: ['note', 'setting'], scope: (id) => sql`student_id = ${id}` },
  { table: 'meeting_proposals', columns: ['text'], scope: (id) => sql`meeting_id IN (SELECT id FROM meetings WHERE student_id = ${id})` },
];

/** Table and column names come from the list above, never from input; the student's id and the texts are bound. */
function scrubFreeText(tx: VaultTx, studentId: string, scrub: (text: string) => string): void {
  for (const { table, columns, scope } of FREE_TEXT) {
    const rows = tx.all<Record<string, unknown>>(
      sql`SELECT rowid AS row_id, ${sql.raw(columns.join(', '))} FROM ${sql.raw(table)} WHERE ${scope(studentId)}`,
    );
    for (const row of rows) {
      const values = columns.map((column) => (typeof row[column] === 'string' ? scrub(row[column] as string) : row[column]));
      if (values.every((value, index) => value === row[columns[index] ?? ''])) continue;
      const set = sql.join(
        columns.map((column, index) => sql`${sql.raw(column)} = ${values[index]}`),
        sql`, `,
      );
      tx.run(sql`UPDATE ${sql.raw(table)} SET ${set} WHERE rowid = ${row.row_id}`);
    }
  }
}

function assertConfirmed(localId: string, confirmLocalId: string): void {
  if (localId !== confirmLocalId.trim()) {
    throw new AppError('invalid_input', 'Type the student number exactly to confirm; nothing was removed.');
  }
}

export function purgeStudent(ctx: ServiceContext, input: { id: string; confirmLocalId: string }): Record<string, never> {
  change(ctx, (tx) => {
    const row = findStudentRow(tx, input.id);
    assertConfirmed(row.localId, input.confirmLocalId);
    expectChanged(tx.delete(students).where(eq(students.id, input.id)).run(), 1, 'purgeStudent');
    return { result: undefined, record: { action: 'student.purged', entity: 'student', entityId: input.id } };
  });
  forgetFreedPages(ctx);
  return {};
}

const DEIDENTIFIED = 'the student';

/** Replaces every whole-word occurrence of these names in free text (the one name rule, services/names/scrub.ts). */
export function scrubNames(text: string, names: readonly string[]): string {
  return makeScrubber({ people: [], words: names, replacement: DEIDENTIFIED })(text);
}

export function deidentifyStudent(ctx: ServiceContext, input: { id: string; confirmLocalId: string }): Student {
  const result = change(ctx, (tx) => {
    const row = findStudentRow(tx, input.id);
    assertConfirmed(row.localId, input.confirmLocalId);
    if (row.status === 'deidentified') throw new AppError('conflict', 'This record is already de-identified.');
    // Names, both full names, last-name parts, the student number and initials: the same rule as a parent report's.
    const scrub = makeScrubber({ people: [row], replacement: DEIDENTIFIED });
    const code = randomBytes(3).toString('hex').toUpperCase();
    const at = ctx.now().toISOString();
    tx.update(students)
      .set({
        localId: `deid-${code}`,
        firstName: 'Student',
        lastName: code,
        preferredName: null,
        dateOfBirth: null,
        status: 'deidentified',
        noLongerNeededAt: null,
        updatedAt: at,
      })
      .where(eq(students.id, input.id))
      .run();
    tx.delete(guardians).where(eq(guardians.studentId, input.id)).run();
    // Who came to the student's meetings names the family as surely as the guardians did; how they relate is kept.
    tx.run(
      sql`UPDATE meeting_attendees SET name = 'Attendee ' || (position + 1) WHERE meeting_id IN (SELECT id FROM meetings WHERE student_id = ${input.id})`,
    );
    scrubFreeText(tx, input.id, scrub);
    return {
      result: toStudent(tx, findStudentRow(tx, input.id)),
      record: { action: 'student.deidentified', entity: 'student', entityId: input.id },
    };
  });
  forgetFreedPages(ctx);
  return result;
}
