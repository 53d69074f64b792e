/**
 * Assigning peer mentors to peer-support accommodations. The rules live in `eligibility.ts`; this
 * file gathers the facts they need from the vault and refuses, in plain words, what they forbid.
 */
import { and, count, eq, type SQL } from 'drizzle-orm';
import { accommodations, assignments, mentorTimeOff, mentorTraining, plans } from '../../../db/schema';
import { AppError } from '../../contract';
import type { Assignment, Refusal } from '../../contract/mentors';
import { PeerRole, PlanStatus } from '../../contract/plans';
import { change, expectChanged, newId, notFound, type ServiceContext, today } from '../context';
import { jsonColumns } from '../json-columns';
import type { Queryable } from '../vault-db';
import { checkEligibility, type EligibilityInput } from './eligibility';
import { findMentorRow, type InputOf, loadAssignment, runningOn, selectAssignments, toTrainingRecords } from './records';

interface Proposal {
  mentorId: string;
  accommodationId: string;
  startDate: string;
}

function requireAccommodation(db: Queryable, id: string) {
  const row = db
    .select({
      role: accommodations.role,
      settingClass: accommodations.settingClass,
      slots: accommodations.slots,
      startDate: accommodations.startDate,
      endDate: accommodations.endDate,
      studentId: plans.studentId,
      planStatus: plans.status,
    })
    .from(accommodations)
    .innerJoin(plans, eq(plans.id, accommodations.planId))
    .where(eq(accommodations.id, id))
    .get();
  if (!row) throw notFound('accommodation');
  return row;
}

/** Everything the rules look at, read in the caller's transaction so a check and its insert see the same vault. */
function gatherFacts(db: Queryable, proposal: Proposal): EligibilityInput {
  const mentor = findMentorRow(db, proposal.mentorId);
  const accommodation = requireAccommodation(db, proposal.accommodationId);
  const date = proposal.startDate;
  const running = (extra?: SQL) =>
    db
      .select({ n: count() })
      .from(assignments)
      .where(and(eq(assignments.mentorId, mentor.id), runningOn(date), extra))
      .get()?.n ?? 0;
  return {
    mentor: {
      firstName: mentor.firstName,
      preferredName: mentor.preferredName,
      studentId: mentor.studentId,
      archived: mentor.archivedAt !== null,
      consentGivenOn: mentor.consentGivenOn,
      consentWithdrawnOn: mentor.consentWithdrawnOn,
      guardianConsentGivenOn: mentor.guardianConsentGivenOn,
      guardianConsentWithdrawnOn: mentor.guardianConsentWithdrawnOn,
      training: toTrainingRecords(db.select().from(mentorTraining).where(eq(mentorTraining.mentorId, mentor.id)).all()),
      availability: jsonColumns.mentors.availability.read(mentor.availability),
      loadCap: mentor.loadCap,
      timeOff: db
        .select({ startDate: mentorTimeOff.startDate, endDate: mentorTimeOff.endDate })
        .from(mentorTimeOff)
        .where(eq(mentorTimeOff.mentorId, mentor.id))
        .all(),
    },
    accommodation: {
      role: PeerRole.parse(accommodation.role),
      settingClass: accommodation.settingClass,
      slots: jsonColumns.accommodations.slots.read(accommodation.slots),
      startDate: accommodation.startDate,
      endDate: accommodation.endDate,
      studentId: accommodation.studentId,
      planStatus: PlanStatus.parse(accommodation.planStatus),
    },
    activeAssignments: running(),
    alreadyAssigned: running(eq(assignments.accommodationId, proposal.accommodationId)) > 0,
    date,
  };
}

export function listAssignmentsForAccommodation(ctx: ServiceContext, input: InputOf<'assignments.listForAccommodation'>): Assignment[] {
  requireAccommodation(ctx.db, input.accommodationId);
  return selectAssignments(ctx.db, eq(assignments.accommodationId, input.accommodationId), today(ctx));
}

export function listAssignmentsForMentor(ctx: ServiceContext, input: InputOf<'assignments.listForMentor'>): Assignment[] {
  findMentorRow(ctx.db, input.mentorId);
  return selectAssignments(ctx.db, eq(assignments.mentorId, input.mentorId), today(ctx));
}

export function checkAssignment(ctx: ServiceContext, input: InputOf<'assignments.check'>): { allowed: boolean; refusals: Refusal[] } {
  const refusals = checkEligibility(gatherFacts(ctx.db, input));
  return { allowed: refusals.length === 0, refusals };
}

/** Refused with every broken rule in one message, so the teacher fixes them all at once. */
export function createAssignment(ctx: ServiceContext, input: InputOf<'assignments.create'>): Assignment {
  return change(ctx, (tx) => {
    const refusals = checkEligibility(gatherFacts(tx, input));
    if (refusals.length > 0) throw new AppError('conflict', refusals.map((refusal) => refusal.message).join(' '));
    const id = newId();
    tx.insert(assignments)
      .values({
        id,
        mentorId: input.mentorId,
        accommodationId: input.accommodationId,
        startDate: input.startDate,
        createdAt: ctx.now().toISOString(),
      })
      .run();
    return {
      result: loadAssignment(tx, id, today(ctx)),
      record: {
        action: 'assignment.created',
        entity: 'assignment',
        entityId: id,
        fields: ['mentorId', 'accommodationId', 'startDate'],
        detail: { mentorId: input.mentorId, accommodationId: input.accommodationId },
      },
    };
  });
}

export function endAssignment(ctx: ServiceContext, input: InputOf<'assignments.end'>): Assignment {
  return change(ctx, (tx) => {
    const row = tx.select().from(assignments).where(eq(assignments.id, input.id)).get();
    if (!row) throw notFound('assignment');
    if (row.endDate !== null) throw new AppError('conflict', `This assignment already ended on ${row.endDate}.`);
    if (input.endDate < row.startDate) {
      throw new AppError('invalid_input', `This assignment started on ${row.startDate}; it cannot end before that day.`);
    }
    expectChanged(
      tx.update(assignments).set({ endDate: input.endDate, endReason: input.reason }).where(eq(assignments.id, input.id)).run(),
      1,
      'endAssignment',
    );
    return {
      result: loadAssignment(tx, input.id, today(ctx)),
      record: {
        action: 'assignment.ended',
        entity: 'assignment',
        entityId: input.id,
        fields: ['endDate', 'endReason'],
        detail: { reason: input.reason },
      },
    };
  });
}
