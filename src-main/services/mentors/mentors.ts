/** Peer mentor records: find, create, edit, archive. A mentor's record is as private as any student's. */
import { and, asc, count, eq, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { assignments, mentors, mentorTraining, students } from '../../../db/schema';
import { AppError } from '../../contract';
import type { Slot } from '../../contract/common';
import type { Mentor, MentorChanges, TrainingRecord } from '../../contract/mentors';
import { change, expectChanged, newId, notFound, type ServiceContext, today } from '../context';
import { jsonColumns } from '../json-columns';
import type { Queryable, VaultTx } from '../vault-db';
import { MODULE_LABELS } from './eligibility';
import { findMentorRow, type InputOf, loadMentor, loadMentors, type MentorRow, runningOn } from './records';

type MentorRowChanges = Partial<Omit<typeof mentors.$inferInsert, 'id' | 'createdAt'>>;

/** Names of the fields a caller actually sent (for the audit trail: names only, never values). */
export function sentFields(input: object): string[] {
  return Object.entries(input)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** Every word must match the start of a name part or the student number, in any order ("rivera sam"). */
function searchCondition(query: string): SQL | undefined {
  const words = query.split(/\s+/).filter(Boolean).slice(0, 6);
  if (words.length === 0) return undefined;
  return and(
    ...words.map((word) => {
      const prefix = `${escapeLike(word)}%`;
      return or(
        sql`${mentors.firstName} LIKE ${prefix} ESCAPE '\\'`,
        sql`${mentors.lastName} LIKE ${prefix} ESCAPE '\\'`,
        sql`${mentors.preferredName} LIKE ${prefix} ESCAPE '\\'`,
        sql`${mentors.localId} LIKE ${prefix} ESCAPE '\\'`,
      );
    }),
  );
}

function uniqueSlots(slots: readonly Slot[]): Slot[] {
  const seen = new Set<string>();
  return slots.filter((slot) => {
    const key = `${slot.day}:${slot.period}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function checkTraining(training: readonly TrainingRecord[]): void {
  const seen = new Set<string>();
  for (const record of training) {
    const label = MODULE_LABELS[record.module];
    if (seen.has(record.module)) throw new AppError('invalid_input', `The training '${label}' is listed twice; keep one entry.`);
    seen.add(record.module);
    if (record.expiresOn !== undefined && record.expiresOn <= record.completedOn) {
      throw new AppError('invalid_input', `The training '${label}' must expire after the day it was completed.`);
    }
  }
}

function checkLocalIdFree(db: Queryable, localId: string, exceptId?: string): void {
  const taken = db
    .select({ id: mentors.id })
    .from(mentors)
    .where(exceptId ? and(eq(mentors.localId, localId), ne(mentors.id, exceptId)) : eq(mentors.localId, localId))
    .get();
  if (taken) throw new AppError('conflict', 'Another mentor already has that student number. Check the number, or find that mentor.');
}

function checkStudentExists(db: Queryable, studentId: string): void {
  if (!db.select({ id: students.id }).from(students).where(eq(students.id, studentId)).get()) throw notFound('student record');
}

function writeTraining(db: VaultTx, mentorId: string, training: readonly TrainingRecord[]): void {
  db.delete(mentorTraining).where(eq(mentorTraining.mentorId, mentorId)).run();
  if (training.length === 0) return;
  const rows = training.map((record) => ({
    mentorId,
    module: record.module,
    completedOn: record.completedOn,
    expiresOn: record.expiresOn ?? null,
  }));
  expectChanged(db.insert(mentorTraining).values(rows).run(), rows.length, 'writeTraining');
}

export function listMentors(ctx: ServiceContext, input: InputOf<'mentors.list'>): Mentor[] {
  const conditions = [
    input.includeArchived ? undefined : isNull(mentors.archivedAt),
    input.query ? searchCondition(input.query) : undefined,
  ];
  const rows = ctx.db
    .select()
    .from(mentors)
    .where(and(...conditions))
    .orderBy(asc(mentors.lastName), asc(mentors.firstName), asc(mentors.id))
    .all();
  return loadMentors(ctx.db, rows, today(ctx));
}

export function getMentor(ctx: ServiceContext, input: InputOf<'mentors.get'>): Mentor {
  return loadMentor(ctx.db, input.id, today(ctx));
}

export function createMentor(ctx: ServiceContext, input: InputOf<'mentors.create'>): Mentor {
  return change(ctx, (tx) => {
    checkLocalIdFree(tx, input.localId);
    if (input.studentId) checkStudentExists(tx, input.studentId);
    checkTraining(input.training);
    const id = newId();
    const at = ctx.now().toISOString();
    tx.insert(mentors)
      .values({
        id,
        localId: input.localId,
        firstName: input.firstName,
        lastName: input.lastName,
        preferredName: input.preferredName || null,
        grade: input.grade,
        school: input.school,
        consentGivenOn: input.consentGivenOn ?? null,
        guardianConsentGivenOn: input.guardianConsentGivenOn ?? null,
        loadCap: input.loadCap,
        interests: jsonColumns.mentors.interests.write([...new Set(input.interests)]),
        availability: jsonColumns.mentors.availability.write(uniqueSlots(input.availability)),
        studentId: input.studentId ?? null,
        createdAt: at,
        updatedAt: at,
      })
      .run();
    writeTraining(tx, id, input.training);
    return {
      result: loadMentor(tx, id, today(ctx)),
      record: { action: 'mentor.created', entity: 'mentor', entityId: id, fields: sentFields(input) },
    };
  });
}

/** Consent given again after a withdrawal replaces it; an earlier date only corrects the record. */
function consentChanges(row: MentorRow, changes: MentorChanges): MentorRowChanges {
  const set: MentorRowChanges = {};
  if (changes.consentGivenOn !== undefined) {
    set.consentGivenOn = changes.consentGivenOn;
    if (row.consentWithdrawnOn !== null && row.consentWithdrawnOn < changes.consentGivenOn) set.consentWithdrawnOn = null;
  }
  if (changes.guardianConsentGivenOn !== undefined) {
    set.guardianConsentGivenOn = changes.guardianConsentGivenOn;
    if (row.guardianConsentWithdrawnOn !== null && row.guardianConsentWithdrawnOn < changes.guardianConsentGivenOn) {
      set.guardianConsentWithdrawnOn = null;
    }
  }
  return set;
}

export function updateMentor(ctx: ServiceContext, input: InputOf<'mentors.update'>): Mentor {
  const { changes } = input;
  const fields = sentFields(changes);
  if (fields.length === 0) return getMentor(ctx, { id: input.id });
  return change(ctx, (tx) => {
    const row = findMentorRow(tx, input.id);
    if (changes.localId !== undefined) checkLocalIdFree(tx, changes.localId, input.id);
    if (changes.studentId) checkStudentExists(tx, changes.studentId);
    if (changes.training !== undefined) checkTraining(changes.training);
    const set: MentorRowChanges = {
      localId: changes.localId,
      firstName: changes.firstName,
      lastName: changes.lastName,
      preferredName: changes.preferredName === undefined ? undefined : changes.preferredName || null,
      grade: changes.grade,
      school: changes.school,
      loadCap: changes.loadCap,
      interests: changes.interests === undefined ? undefined : jsonColumns.mentors.interests.write([...new Set(changes.interests)]),
      availability:
        changes.availability === undefined ? undefined : jsonColumns.mentors.availability.write(uniqueSlots(changes.availability)),
      studentId: changes.studentId,
      ...consentChanges(row, changes),
      updatedAt: ctx.now().toISOString(),
    };
    expectChanged(tx.update(mentors).set(set).where(eq(mentors.id, input.id)).run(), 1, 'updateMentor');
    if (changes.training !== undefined) writeTraining(tx, input.id, changes.training);
    const written = [...new Set([...fields, ...sentFields(consentChanges(row, changes))])];
    return {
      result: loadMentor(tx, input.id, today(ctx)),
      record: { action: 'mentor.updated', entity: 'mentor', entityId: input.id, fields: written },
    };
  });
}

export function archiveMentor(ctx: ServiceContext, input: InputOf<'mentors.archive'>): Mentor {
  const day = today(ctx);
  const row = findMentorRow(ctx.db, input.id);
  if (row.archivedAt !== null) return loadMentor(ctx.db, input.id, day);
  return change(ctx, (tx) => {
    const running =
      tx
        .select({ n: count() })
        .from(assignments)
        .where(and(eq(assignments.mentorId, input.id), runningOn(day)))
        .get()?.n ?? 0;
    if (running > 0) {
      const what = running === 1 ? 'their current assignment' : `their ${running} current assignments`;
      throw new AppError('conflict', `End ${what} before archiving this mentor, so no student loses support unnoticed.`);
    }
    const at = ctx.now().toISOString();
    expectChanged(tx.update(mentors).set({ archivedAt: at, updatedAt: at }).where(eq(mentors.id, input.id)).run(), 1, 'archiveMentor');
    return {
      result: loadMentor(tx, input.id, day),
      record: { action: 'mentor.archived', entity: 'mentor', entityId: input.id, fields: ['archivedAt'] },
    };
  });
}

export function restoreMentor(ctx: ServiceContext, input: InputOf<'mentors.restore'>): Mentor {
  const day = today(ctx);
  if (findMentorRow(ctx.db, input.id).archivedAt === null) return loadMentor(ctx.db, input.id, day);
  return change(ctx, (tx) => {
    expectChanged(
      tx.update(mentors).set({ archivedAt: null, updatedAt: ctx.now().toISOString() }).where(eq(mentors.id, input.id)).run(),
      1,
      'restoreMentor',
    );
    return {
      result: loadMentor(tx, input.id, day),
      record: { action: 'mentor.restored', entity: 'mentor', entityId: input.id, fields: ['archivedAt'] },
    };
  });
}
