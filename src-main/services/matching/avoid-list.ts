/**
 * The avoid list: a mentor and a student who must never be matched (a known conflict), entered by
 * staff with a reason. The reason is private: it is shown on this list only — never in the audit
 * trail, never in a suggestion or its explanations (matching reads the pairs, not the reasons).
 */
import { and, asc, eq } from 'drizzle-orm';
import { matchAvoidPairs, mentors, students } from '../../../db/schema';
import { AppError } from '../../contract';
import type { AvoidPair } from '../../contract/matching';
import { change, expectChanged, newId, notFound, type ServiceContext } from '../context';
import { findMentorRow } from '../mentors/records';
import { displayName } from '../students/students';
import type { Queryable } from '../vault-db';

function selectAvoidPairs(db: Queryable) {
  return db
    .select({
      id: matchAvoidPairs.id,
      mentorId: matchAvoidPairs.mentorId,
      mentor: { firstName: mentors.firstName, preferredName: mentors.preferredName, lastName: mentors.lastName },
      studentId: matchAvoidPairs.studentId,
      student: { firstName: students.firstName, preferredName: students.preferredName, lastName: students.lastName },
      reason: matchAvoidPairs.reason,
      createdAt: matchAvoidPairs.createdAt,
    })
    .from(matchAvoidPairs)
    .innerJoin(mentors, eq(mentors.id, matchAvoidPairs.mentorId))
    .innerJoin(students, eq(students.id, matchAvoidPairs.studentId));
}

function toAvoidPair(row: ReturnType<ReturnType<typeof selectAvoidPairs>['all']>[number]): AvoidPair {
  return {
    id: row.id,
    mentorId: row.mentorId,
    mentorName: displayName(row.mentor),
    studentId: row.studentId,
    studentName: displayName(row.student),
    reason: row.reason,
    createdAt: row.createdAt,
  };
}

export function listAvoidPairs(ctx: ServiceContext): AvoidPair[] {
  return selectAvoidPairs(ctx.db).orderBy(asc(matchAvoidPairs.createdAt), asc(matchAvoidPairs.id)).all().map(toAvoidPair);
}

export function addAvoidPair(ctx: ServiceContext, input: { mentorId: string; studentId: string; reason: string }): AvoidPair {
  return change(ctx, (tx) => {
    findMentorRow(tx, input.mentorId);
    if (!tx.select({ id: students.id }).from(students).where(eq(students.id, input.studentId)).get()) throw notFound('student');
    const pair = and(eq(matchAvoidPairs.mentorId, input.mentorId), eq(matchAvoidPairs.studentId, input.studentId));
    if (tx.select({ id: matchAvoidPairs.id }).from(matchAvoidPairs).where(pair).get()) {
      throw new AppError('conflict', 'This mentor and student are already on the avoid list.');
    }
    const id = newId();
    tx.insert(matchAvoidPairs)
      .values({ id, ...input, createdAt: ctx.now().toISOString() })
      .run();
    const row = selectAvoidPairs(tx).where(eq(matchAvoidPairs.id, id)).get();
    if (!row) throw notFound('avoid-list entry');
    return {
      result: toAvoidPair(row),
      // Ids and field names only: the reason stays on the list.
      record: {
        action: 'matching.avoid_added',
        entity: 'avoid_pair',
        entityId: id,
        fields: ['mentorId', 'studentId', 'reason'],
        detail: { mentorId: input.mentorId, studentId: input.studentId },
      },
    };
  });
}

export function removeAvoidPair(ctx: ServiceContext, input: { id: string }): { id: string } {
  return change(ctx, (tx) => {
    const row = tx.select({ id: matchAvoidPairs.id }).from(matchAvoidPairs).where(eq(matchAvoidPairs.id, input.id)).get();
    if (!row) throw notFound('avoid-list entry');
    expectChanged(tx.delete(matchAvoidPairs).where(eq(matchAvoidPairs.id, input.id)).run(), 1, 'removeAvoidPair');
    return { result: { id: input.id }, record: { action: 'matching.avoid_removed', entity: 'avoid_pair', entityId: input.id } };
  });
}
