/**
 * IEP meetings: starting one (the meeting, its attendees, and the disclosure to them in one
 * transaction), recording decisions as proposals dated with the meeting, ending it, listing a
 * student's meetings, and applying a proposal after the meeting — the only step that changes the
 * plan. Meeting mode itself (what the session refuses while a meeting is on) is vault-session.ts's.
 */
import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { accommodations, assignments, goals, meetingAttendees, meetingProposals, meetings, staff } from '../../../db/schema';
import { AppError } from '../../contract';
import type { Attendee, Meeting, MeetingDecision, Proposal } from '../../contract/meetings';
import { REPORT_LANGUAGES, reportText } from '../../reports/i18n/index';
import { change, expectChanged, newId, notFound, type ServiceContext, today } from '../context';
import { assertPlanEditable, findPlanRow } from '../plans/plan-records';
import { listPlansForStudent } from '../plans/plans';
import { exportAuditRecord } from '../reports/disclosure';
import { planInForce } from '../reports/gather';
import { getStudent } from '../students/students';
import type { Queryable } from '../vault-db';

type MeetingRow = typeof meetings.$inferSelect;
type ProposalRow = typeof meetingProposals.$inferSelect;

const NEEDS_TEXT: ReadonlySet<MeetingDecision> = new Set(['accommodation_change', 'accommodation_add', 'goal_revise', 'note']);
const ON_ACCOMMODATION: ReadonlySet<MeetingDecision> = new Set(['accommodation_continue', 'accommodation_change', 'accommodation_end']);
const ON_GOAL: ReadonlySet<MeetingDecision> = new Set(['goal_keep', 'goal_revise', 'goal_mastered']);

function toProposal(row: ProposalRow, meetingDate: string, appliedByName: string | null): Proposal {
  return {
    id: row.id,
    meetingId: row.meetingId,
    meetingDate,
    decision: row.decision as MeetingDecision,
    accommodationId: row.accommodationId,
    goalId: row.goalId,
    text: row.text,
    createdAt: row.createdAt,
    appliedAt: row.appliedAt,
    appliedByName,
  };
}

function proposalsOf(db: Queryable, meeting: MeetingRow): Proposal[] {
  return db
    .select({ proposal: meetingProposals, appliedByName: staff.name })
    .from(meetingProposals)
    .leftJoin(staff, eq(staff.id, meetingProposals.appliedBy))
    .where(eq(meetingProposals.meetingId, meeting.id))
    .orderBy(asc(meetingProposals.createdAt), sql`meeting_proposals.rowid`)
    .all()
    .map(({ proposal, appliedByName }) => toProposal(proposal, meeting.meetingDate, appliedByName));
}

function toMeeting(db: Queryable, row: MeetingRow): Meeting {
  const attendees = db
    .select({ name: meetingAttendees.name, relation: meetingAttendees.relation })
    .from(meetingAttendees)
    .where(eq(meetingAttendees.meetingId, row.id))
    .orderBy(asc(meetingAttendees.position))
    .all();
  return {
    id: row.id,
    studentId: row.studentId,
    planId: row.planId,
    meetingDate: row.meetingDate,
    from: row.rangeFrom,
    to: row.rangeTo,
    language: row.language,
    attendees,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    proposals: proposalsOf(db, row),
  };
}

function findMeetingRow(db: Queryable, id: string): MeetingRow {
  const row = db.select().from(meetings).where(eq(meetings.id, id)).get();
  if (!row) throw notFound('meeting');
  return row;
}

export function getMeeting(ctx: ServiceContext, id: string): Meeting {
  return toMeeting(ctx.db, findMeetingRow(ctx.db, id));
}

/** "Marisol Quixote (mother); Avery Quill (case manager)": the disclosure's recipients. */
export function recipients(attendees: readonly Attendee[]): string {
  return attendees.map((attendee) => `${attendee.name} (${attendee.relation})`).join('; ');
}

export interface MeetingStartInput {
  studentId: string;
  from?: string | undefined;
  to?: string | undefined;
  language: string;
  attendees: Attendee[];
}

/**
 * Records the meeting and, in the same transaction, its disclosure to the attendees: the same
 * `report.exported` event a saved parent report makes (the room sees the parent's view), with the
 * meeting as its purpose — so `audit list --disclosures` lists it with the reports.
 */
export function startMeeting(ctx: ServiceContext, input: MeetingStartInput): Meeting {
  if (!(REPORT_LANGUAGES as readonly string[]).includes(input.language)) {
    throw new AppError(
      'invalid_input',
      `Meeting mode is not available in that language yet; choose one of: ${REPORT_LANGUAGES.join(', ')}.`,
    );
  }
  const student = getStudent(ctx, input.studentId);
  if (student.status !== 'active') throw new AppError('conflict', 'Meeting mode is for a student whose record is active.');
  const plan = planInForce(listPlansForStudent(ctx, student.id));
  const day = today(ctx);
  const range = { from: input.from ?? plan.startDate, to: input.to ?? day };
  if (range.to < range.from) throw new AppError('invalid_input', 'The date range must end on or after the day it starts.');
  if (range.to > day) throw new AppError('invalid_input', 'The date range cannot end after today.');
  return change(ctx, (tx) => {
    const id = newId();
    tx.insert(meetings)
      .values({
        id,
        studentId: student.id,
        planId: plan.id,
        meetingDate: day,
        rangeFrom: range.from,
        rangeTo: range.to,
        language: input.language,
        startedBySlot: ctx.actor.slotId,
        startedAt: ctx.now().toISOString(),
      })
      .run();
    input.attendees.forEach((attendee, position) => {
      tx.insert(meetingAttendees).values({ meetingId: id, position, name: attendee.name, relation: attendee.relation }).run();
    });
    return {
      result: toMeeting(tx, findMeetingRow(tx, id)),
      record: exportAuditRecord({
        use: 'disclosure',
        report: 'parent_report',
        subject: 'student',
        subjectId: student.id,
        recipient: recipients(input.attendees),
        purpose: reportText('en').t('meeting.purpose', { date: day }),
        ...range,
        preparedOn: day,
        language: input.language,
      }),
    };
  });
}

/** Records one decision of the meeting that is on, as a proposal; the plan is not touched. */
export function recordDecision(
  ctx: ServiceContext,
  meetingId: string,
  input: { decision: MeetingDecision; accommodationId?: string | undefined; goalId?: string | undefined; text?: string | undefined },
): Proposal {
  return change(ctx, (tx) => {
    const meeting = findMeetingRow(tx, meetingId);
    if (meeting.endedAt) throw new AppError('conflict', 'This meeting has ended; its decisions are closed.');
    const text = input.text?.trim() || null;
    if (NEEDS_TEXT.has(input.decision) && !text) throw new AppError('invalid_input', 'Say what the team decided.');
    if (ON_ACCOMMODATION.has(input.decision) !== Boolean(input.accommodationId)) {
      throw new AppError('invalid_input', 'Choose the peer support this decision is about.');
    }
    if (ON_GOAL.has(input.decision) && !input.goalId) throw new AppError('invalid_input', 'Choose the goal this decision is about.');
    if (input.accommodationId) {
      const row = tx
        .select({ planId: accommodations.planId })
        .from(accommodations)
        .where(eq(accommodations.id, input.accommodationId))
        .get();
      if (row?.planId !== meeting.planId) throw new AppError('not_found', 'That peer support is not part of the plan under review.');
    }
    if (input.goalId) {
      const row = tx.select({ planId: goals.planId }).from(goals).where(eq(goals.id, input.goalId)).get();
      if (row?.planId !== meeting.planId) throw new AppError('not_found', 'That goal is not part of the plan under review.');
    }
    const id = newId();
    tx.insert(meetingProposals)
      .values({
        id,
        meetingId,
        decision: input.decision,
        accommodationId: input.accommodationId ?? null,
        goalId: input.goalId ?? null,
        text,
        createdAt: ctx.now().toISOString(),
      })
      .run();
    const row = tx.select().from(meetingProposals).where(eq(meetingProposals.id, id)).get();
    if (!row) throw new Error('recordDecision: the proposal was not written');
    return {
      result: toProposal(row, meeting.meetingDate, null),
      record: {
        action: 'meeting.proposal_recorded',
        entity: 'meeting',
        entityId: meetingId,
        fields: ['decision', ...(text ? ['text'] : [])],
        detail: { decision: input.decision },
      },
    };
  });
}

export function endMeeting(ctx: ServiceContext, meetingId: string): Meeting {
  return change(ctx, (tx) => {
    const meeting = findMeetingRow(tx, meetingId);
    if (meeting.endedAt)
      return { result: toMeeting(tx, meeting), record: { action: 'meeting.ended_again', entity: 'meeting', entityId: meetingId } };
    expectChanged(tx.update(meetings).set({ endedAt: ctx.now().toISOString() }).where(eq(meetings.id, meetingId)).run(), 1, 'endMeeting');
    return {
      result: toMeeting(tx, findMeetingRow(tx, meetingId)),
      record: { action: 'meeting.ended', entity: 'meeting', entityId: meetingId, fields: ['endedAt'] },
    };
  });
}

export function listMeetings(ctx: ServiceContext, studentId: string): Meeting[] {
  getStudent(ctx, studentId);
  return ctx.db
    .select()
    .from(meetings)
    .where(eq(meetings.studentId, studentId))
    .orderBy(desc(meetings.startedAt))
    .all()
    .map((row) => toMeeting(ctx.db, row));
}

/**
 * Applies one proposal, after its meeting has ended, in one transaction with its audit event.
 * "End" ends the accommodation today and every assignment still running on it; "mastered" is
 * recorded by the applied proposal itself (the goal's record of mastery, with its date and who
 * applied it). The others record that the case manager carried them into the plan.
 */
export function applyProposal(ctx: ServiceContext, proposalId: string): Proposal {
  return change(ctx, (tx) => {
    const row = tx.select().from(meetingProposals).where(eq(meetingProposals.id, proposalId)).get();
    if (!row) throw notFound('proposal');
    const meeting = findMeetingRow(tx, row.meetingId);
    if (!meeting.endedAt) throw new AppError('conflict', 'Decisions are applied after the meeting, once meeting mode is left.');
    if (row.appliedAt) throw new AppError('conflict', 'This decision was already applied.');
    const day = today(ctx);
    let endedAssignments = 0;
    if (row.decision === 'accommodation_end') {
      if (!row.accommodationId) throw new AppError('not_found', 'That peer support no longer exists.');
      const accommodation = tx.select().from(accommodations).where(eq(accommodations.id, row.accommodationId)).get();
      if (!accommodation) throw new AppError('not_found', 'That peer support no longer exists.');
      assertPlanEditable(findPlanRow(tx, accommodation.planId));
      // ISO dates compare as text: the later of today and the day it started.
      const [endDate = day] = [accommodation.startDate, day].sort().slice(-1);
      if (endDate < accommodation.endDate) {
        tx.update(accommodations).set({ endDate, updatedAt: ctx.now().toISOString() }).where(eq(accommodations.id, accommodation.id)).run();
      }
      const running = tx
        .select({ id: assignments.id })
        .from(assignments)
        .where(and(eq(assignments.accommodationId, accommodation.id), isNull(assignments.endDate), lte(assignments.startDate, endDate)))
        .all()
        .map((assignment) => assignment.id);
      if (running.length) {
        endedAssignments = tx
          .update(assignments)
          .set({ endDate, endReason: 'finished' })
          .where(inArray(assignments.id, running))
          .run().changes;
      }
    }
    expectChanged(
      tx
        .update(meetingProposals)
        .set({ appliedAt: ctx.now().toISOString(), appliedBy: ctx.actor.staffId })
        .where(eq(meetingProposals.id, proposalId))
        .run(),
      1,
      'applyProposal',
    );
    const applied = tx
      .select({ proposal: meetingProposals, appliedByName: staff.name })
      .from(meetingProposals)
      .leftJoin(staff, eq(staff.id, meetingProposals.appliedBy))
      .where(eq(meetingProposals.id, proposalId))
      .get();
    if (!applied) throw new Error('applyProposal: the proposal vanished');
    return {
      result: toProposal(applied.proposal, meeting.meetingDate, applied.appliedByName),
      record: {
        action: 'meeting.proposal_applied',
        entity: row.goalId && row.decision.startsWith('goal_') ? 'goal' : row.accommodationId ? 'accommodation' : 'meeting',
        entityId: (row.decision.startsWith('goal_') ? row.goalId : row.accommodationId) ?? row.meetingId,
        fields: ['appliedAt'],
        detail: { decision: row.decision, proposalId, meetingId: row.meetingId, endedAssignments },
      },
    };
  });
}
