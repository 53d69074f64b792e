/**
 * Records are kept only as long as needed (IDEA 300.624). When they are not, the team either
 * purges the student (every row removed; with secure_delete the freed bytes are zeroed, and the
 * WAL is checkpointed and truncated so no old copy of a page survives) or de-identifies them
 * (aggregate program data kept, identity removed, names scrubbed from free text). Either way the
 * audit trail records that it happened, and nothing of what was removed.
 */
import { randomBytes } from 'node:crypto';
import { eq, type SQL, sql } from 'drizzle-orm';
import { guardians, mentors, staff, students } from '../../../db/schema';
import { AppError, type Student } from '../../contract';
import { change, expectChanged, forgetFreedPages, type ServiceContext } from '../context';
import { makeScrubber, type NamedPerson } from '../names/scrub';
import type { VaultTx } from '../vault-db';
import { findStudentRow, toStudent } from './students';

type Scope = (studentId: string) => SQL;
const OF_STUDENT_PLANS: Scope = (id) => sql`plan_id IN (SELECT id FROM plans WHERE student_id = ${id})`;
const OF_STUDENT_GOALS: Scope = (id) => sql`goal_id IN (SELECT id FROM goals WHERE ${OF_STUDENT_PLANS(id)})`;
const OF_STUDENT_SUPPORTS: Scope = (id) => sql`accommodation_id IN (SELECT id FROM accommodations WHERE ${OF_STUDENT_PLANS(id)})`;
/** Rows that are nobody's own record in particular (a mentor's recognition, an avoid-pair's reason). */
const NONE_OF_THE_STUDENT: Scope = () => sql`0`;

/**
 * Every column where a teacher types free text, and which rows are the student's own. De-identify
 * scrubs the student's own rows; purge removes those and scrubs every other row of every column
 * here, so another student's session note stops naming the purged student. JSON columns are
 * scrubbed string by string (values, never keys). A new free-text column belongs in this list.
 */
const FREE_TEXT: readonly { table: string; columns: readonly string[]; json?: readonly string[]; scope: Scope }[] = [
  {
    table: 'goals',
    columns: ['statement', 'criterion', 'objectives', 'statement_translations'],
    json: ['objectives', 'statement_translations'],
    scope: OF_STUDENT_PLANS,
  },
  { table: 'accommodations', columns: ['notes'], scope: OF_STUDENT_PLANS },
  { table: 'sessions', columns: ['note'], scope: OF_STUDENT_SUPPORTS },
  { table: 'check_ins', columns: ['whats_working', 'whats_not', 'next_steps'], scope: OF_STUDENT_SUPPORTS },
  { table: 'progress_points', columns: ['note', 'setting'], scope: OF_STUDENT_GOALS },
  {
    table: 'progress_reports',
    columns: ['narrative', 'insufficient_reason', 'amendments'],
    json: ['amendments'],
    scope: OF_STUDENT_GOALS,
  },
  { table: 'observations', columns: ['note', 'setting'], scope: (id) => sql`student_id = ${id}` },
  { table: 'meeting_proposals', columns: ['text'], scope: (id) => sql`meeting_id IN (SELECT id FROM meetings WHERE student_id = ${id})` },
  { table: 'mentor_recognition', columns: ['description'], scope: NONE_OF_THE_STUDENT },
  { table: 'match_avoid_pairs', columns: ['reason'], scope: NONE_OF_THE_STUDENT },
];

/** Every string inside a JSON value scrubbed; keys are left alone, so the shape never changes. */
function scrubJson(value: unknown, scrub: (text: string) => string): unknown {
  if (typeof value === 'string') return scrub(value);
  if (Array.isArray(value)) return value.map((item) => scrubJson(item, scrub));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubJson(item, scrub)]));
  }
  return value;
}

function scrubColumn(text: string, isJson: boolean, scrub: (text: string) => string): string {
  if (!isJson) return scrub(text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON after all: still no name may stay in it.
    return scrub(text);
  }
  const scrubbed = JSON.stringify(scrubJson(parsed, scrub));
  return scrubbed === JSON.stringify(parsed) ? text : scrubbed;
}

/**
 * Scrubs the free text of the rows in `scope` (every row when null). Table and column names come
 * from the list above, never from input; the student's id and the texts are bound. Returns how
 * many fields changed.
 */
function scrubFreeText(tx: VaultTx, scope: { studentId: string } | null, scrub: (text: string) => string): number {
  let changed = 0;
  for (const { table, columns, json = [], scope: ofStudent } of FREE_TEXT) {
    const where = scope ? ofStudent(scope.studentId) : sql.raw(columns.map((column) => `${column} IS NOT NULL`).join(' OR '));
    const rows = tx.all<Record<string, unknown>>(
      sql`SELECT rowid AS row_id, ${sql.raw(columns.join(', '))} FROM ${sql.raw(table)} WHERE ${where}`,
    );
    for (const row of rows) {
      const values = columns.map((column) => {
        const value = row[column];
        return typeof value === 'string' ? scrubColumn(value, json.includes(column), scrub) : value;
      });
      const differs = columns.filter((column, index) => values[index] !== row[column]);
      if (differs.length === 0) continue;
      changed += differs.length;
      const set = sql.join(
        columns.map((column, index) => sql`${sql.raw(column)} = ${values[index]}`),
        sql`, `,
      );
      expectChanged(tx.run(sql`UPDATE ${sql.raw(table)} SET ${set} WHERE rowid = ${row.row_id}`), 1, 'scrubFreeText');
    }
  }
  return changed;
}

function assertConfirmed(localId: string, confirmLocalId: string): void {
  if (localId !== confirmLocalId.trim()) {
    throw new AppError('invalid_input', 'Type the student number exactly to confirm; nothing was removed.');
  }
}

/** What a mention of a purged student becomes in another record's text. */
export const PURGED_MENTION = 'a former student';

/**
 * The scrubber for a purged student's mentions in everyone else's records: their identities (full
 * names, number, initials, distinctive surname …) and their guardians' full names. What someone
 * still in the vault shares — a single name, a pair of initials, "first + initial" (another
 * student, a mentor, a staff member) — is left alone: it may well be about them, and changing their
 * records would be silently wrong. A full identity of the purged student goes even so.
 */
function purgeScrubber(tx: VaultTx, row: NamedPerson, guardianNames: readonly string[]): (text: string) => string {
  const others: NamedPerson[] = [
    ...tx
      .select({
        localId: students.localId,
        firstName: students.firstName,
        lastName: students.lastName,
        preferredName: students.preferredName,
      })
      .from(students)
      .all(),
    ...tx
      .select({ localId: mentors.localId, firstName: mentors.firstName, lastName: mentors.lastName, preferredName: mentors.preferredName })
      .from(mentors)
      .all(),
  ];
  const staffNames = tx
    .select({ name: staff.name })
    .from(staff)
    .all()
    .map(({ name }) => name);
  return makeScrubber({ people: [row], words: guardianNames, named: [...others, ...staffNames], replacement: PURGED_MENTION }).scrub;
}

/**
 * Removes the student for good and, in the same transaction, their mentions in every other
 * record's free text; says how many fields it changed (the audit event keeps only that count).
 */
export function purgeStudent(ctx: ServiceContext, input: { id: string; confirmLocalId: string }): { mentionsScrubbed: number } {
  const result = change(ctx, (tx) => {
    const row = findStudentRow(tx, input.id);
    assertConfirmed(row.localId, input.confirmLocalId);
    const guardianNames = tx
      .select({ name: guardians.name })
      .from(guardians)
      .where(eq(guardians.studentId, input.id))
      .all()
      .map(({ name }) => name);
    expectChanged(tx.delete(students).where(eq(students.id, input.id)).run(), 1, 'purgeStudent');
    // The student's own rows went with them (cascade); what is left is everyone else's.
    const mentionsScrubbed = scrubFreeText(tx, null, purgeScrubber(tx, row, guardianNames));
    return {
      result: { mentionsScrubbed },
      record: { action: 'student.purged', entity: 'student', entityId: input.id, detail: { mentionsScrubbed } },
    };
  });
  forgetFreedPages(ctx);
  return result;
}

const DEIDENTIFIED = 'the student';

/** Replaces every whole occurrence of these names in free text (the one name rule, services/names/scrub.ts). */
export function scrubNames(text: string, names: readonly string[]): string {
  return makeScrubber({ people: [], words: names, replacement: DEIDENTIFIED }).scrub(text);
}

export function deidentifyStudent(ctx: ServiceContext, input: { id: string; confirmLocalId: string }): Student {
  const result = change(ctx, (tx) => {
    const row = findStudentRow(tx, input.id);
    assertConfirmed(row.localId, input.confirmLocalId);
    if (row.status === 'deidentified') throw new AppError('conflict', 'This record is already de-identified.');
    // The student's identities (names, number, initials …) in their own records: the same rule as a parent report's.
    const { scrub } = makeScrubber({ people: [row], replacement: DEIDENTIFIED });
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
    scrubFreeText(tx, { studentId: input.id }, scrub);
    return {
      result: toStudent(tx, findStudentRow(tx, input.id)),
      record: { action: 'student.deidentified', entity: 'student', entityId: input.id },
    };
  });
  forgetFreedPages(ctx);
  return result;
}
