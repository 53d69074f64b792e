/**
 * Teachers' structured check-ins with a pair or group: what's working, what's not, the supported
 * student's belonging and engagement, the mentor's workload and confidence (1–5), next steps.
 * Read as a timeline, newest first, on the student and on the mentor.
 */
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { accommodations, assignments, checkIns, plans } from '../../../db/schema';
import { AppError, type CheckIn, type CheckInChanges } from '../../contract';
import { change, expectChanged, newId, notFound, type ServiceContext, today } from '../context';
import { sentFields } from '../mentors/mentors';
import { findMentorRow } from '../mentors/records';
import type { Queryable } from '../vault-db';
import { assertStaffMember } from './points';
import { type AccommodationFacts, accommodationFacts, assertLoggable, type InputOf, toCheckIn } from './records';
import { checkInProblems } from './rules';

function selectCheckIns(db: Queryable, where: SQL | undefined): CheckIn[] {
  return db
    .select({ checkIn: checkIns, role: accommodations.role, settingClass: accommodations.settingClass, studentId: plans.studentId })
    .from(checkIns)
    .innerJoin(accommodations, eq(accommodations.id, checkIns.accommodationId))
    .innerJoin(plans, eq(plans.id, accommodations.planId))
    .where(where)
    .orderBy(desc(checkIns.date), desc(checkIns.createdAt), desc(checkIns.id))
    .all()
    .map((row) => toCheckIn({ ...row.checkIn, role: row.role, settingClass: row.settingClass, studentId: row.studentId }));
}

function loadCheckIn(db: Queryable, id: string): CheckIn {
  const [found] = selectCheckIns(db, eq(checkIns.id, id));
  if (!found) throw notFound('check-in');
  return found;
}

interface CheckInShape {
  date: string;
  mentorId: string | null;
  mentorWorkload: number | null;
  mentorConfidence: number | null;
  conductedBy: string | null;
}

function check(db: Queryable, facts: AccommodationFacts, checkIn: CheckInShape, day: string): void {
  const problems = checkInProblems(checkIn, facts.plan, day);
  if (checkIn.mentorId) {
    findMentorRow(db, checkIn.mentorId);
    const ever = db
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.accommodationId, facts.id), eq(assignments.mentorId, checkIn.mentorId)))
      .get();
    if (!ever) problems.push('That mentor has never been assigned to this accommodation.');
  }
  if (problems.length > 0) throw new AppError('invalid_input', problems.join(' '));
  assertStaffMember(db, checkIn.conductedBy, 'The person who held the check-in');
}

export function createCheckIn(ctx: ServiceContext, input: InputOf<'checkIns.create'>): CheckIn {
  return change(ctx, (tx) => {
    const facts = accommodationFacts(tx, input.accommodationId);
    assertLoggable(facts, 'Check-ins');
    const values = {
      accommodationId: input.accommodationId,
      date: input.date,
      whatsWorking: input.whatsWorking || null,
      whatsNot: input.whatsNot || null,
      belonging: input.belonging ?? null,
      engagement: input.engagement ?? null,
      mentorWorkload: input.mentorWorkload ?? null,
      mentorConfidence: input.mentorConfidence ?? null,
      nextSteps: input.nextSteps || null,
      mentorId: input.mentorId ?? null,
      conductedBy: input.conductedBy ?? ctx.actor.staffId,
    };
    check(tx, facts, values, today(ctx));
    const id = newId();
    const at = ctx.now().toISOString();
    tx.insert(checkIns)
      .values({ ...values, id, createdAt: at, updatedAt: at })
      .run();
    return {
      result: loadCheckIn(tx, id),
      record: {
        action: 'check_in.created',
        entity: 'check_in',
        entityId: id,
        fields: sentFields(input),
        detail: { accommodationId: input.accommodationId, mentorId: values.mentorId },
      },
    };
  });
}

export function updateCheckIn(ctx: ServiceContext, input: { id: string; changes: CheckInChanges }): CheckIn {
  return change(ctx, (tx) => {
    const row = tx.select().from(checkIns).where(eq(checkIns.id, input.id)).get();
    if (!row) throw notFound('check-in');
    const facts = accommodationFacts(tx, row.accommodationId);
    assertLoggable(facts, 'Check-ins');
    // Blank text clears a field, like null; fields not sent stay as they were.
    const set = Object.fromEntries(
      Object.entries(input.changes)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => [key, value === '' ? null : value]),
    ) as Partial<typeof row>;
    check(tx, facts, { ...row, ...set }, today(ctx));
    expectChanged(
      tx
        .update(checkIns)
        .set({ ...set, updatedAt: ctx.now().toISOString() })
        .where(eq(checkIns.id, input.id))
        .run(),
      1,
      'updateCheckIn',
    );
    return {
      result: loadCheckIn(tx, input.id),
      record: { action: 'check_in.updated', entity: 'check_in', entityId: input.id, fields: sentFields(input.changes) },
    };
  });
}

export function deleteCheckIn(ctx: ServiceContext, input: { id: string }): Record<string, never> {
  return change(ctx, (tx) => {
    const row = tx.select().from(checkIns).where(eq(checkIns.id, input.id)).get();
    if (!row) throw notFound('check-in');
    assertLoggable(accommodationFacts(tx, row.accommodationId), 'Check-ins');
    expectChanged(tx.delete(checkIns).where(eq(checkIns.id, input.id)).run(), 1, 'deleteCheckIn');
    return {
      result: {},
      record: { action: 'check_in.deleted', entity: 'check_in', entityId: input.id, detail: { accommodationId: row.accommodationId } },
    };
  });
}

export function listCheckInsForStudent(ctx: ServiceContext, input: InputOf<'checkIns.listForStudent'>): CheckIn[] {
  return selectCheckIns(ctx.db, eq(plans.studentId, input.studentId));
}

export function listCheckInsForMentor(ctx: ServiceContext, input: InputOf<'checkIns.listForMentor'>): CheckIn[] {
  findMentorRow(ctx.db, input.mentorId);
  return selectCheckIns(ctx.db, eq(checkIns.mentorId, input.mentorId));
}
