/** What happens to a mentor over the year: consent withdrawn, time off, recognition for their service. */
import { and, eq } from 'drizzle-orm';
import { assignments, mentorRecognition, mentors, mentorTimeOff } from '../../../db/schema';
import { AppError } from '../../contract';
import type { Mentor } from '../../contract/mentors';
import { recordAudit } from '../audit';
import { change, expectChanged, newId, type ServiceContext, today } from '../context';
import { findMentorRow, type InputOf, loadMentor, runningOn } from './records';

/** ISO dates compare as text. */
function laterDate(a: string, b: string): string {
  return a > b ? a : b;
}

/**
 * Participation is voluntary: when the mentor or their guardian withdraws consent, every assignment
 * still running ends that day, in the same transaction, each with its own audit event. An assignment
 * that had not started yet ends on its start date (it never ran), so no end precedes its start.
 */
export function withdrawConsent(
  ctx: ServiceContext,
  input: InputOf<'mentors.withdrawConsent'>,
): { mentor: Mentor; endedAssignments: number } {
  return change(ctx, (tx) => {
    const row = findMentorRow(tx, input.id);
    const byMentor = input.who === 'mentor';
    const givenOn = byMentor ? row.consentGivenOn : row.guardianConsentGivenOn;
    const withdrawnOn = byMentor ? row.consentWithdrawnOn : row.guardianConsentWithdrawnOn;
    const whose = byMentor ? 'The mentor’s consent' : 'The guardian’s consent';
    if (withdrawnOn !== null && (givenOn === null || withdrawnOn >= givenOn)) {
      throw new AppError('conflict', `${whose} was already withdrawn on ${withdrawnOn}.`);
    }
    if (givenOn !== null && input.on < givenOn) {
      throw new AppError('invalid_input', `${whose} was given on ${givenOn}; it cannot be withdrawn before that day.`);
    }
    const field = byMentor ? 'consentWithdrawnOn' : 'guardianConsentWithdrawnOn';
    const at = ctx.now();
    expectChanged(
      tx
        .update(mentors)
        .set({ [field]: input.on, updatedAt: at.toISOString() })
        .where(eq(mentors.id, input.id))
        .run(),
      1,
      'withdrawConsent',
    );

    const running = tx
      .select({ id: assignments.id, startDate: assignments.startDate })
      .from(assignments)
      .where(and(eq(assignments.mentorId, input.id), runningOn(input.on)))
      .all();
    for (const assignment of running) {
      const endDate = laterDate(assignment.startDate, input.on);
      expectChanged(
        tx.update(assignments).set({ endDate, endReason: 'consent_withdrawn' }).where(eq(assignments.id, assignment.id)).run(),
        1,
        'withdrawConsent: end assignment',
      );
      recordAudit(
        tx,
        {
          actorSlotId: ctx.actor.slotId,
          signer: ctx.actor.signer,
          action: 'assignment.ended',
          entity: 'assignment',
          entityId: assignment.id,
          fields: ['endDate', 'endReason'],
          detail: { reason: 'consent_withdrawn' },
        },
        at,
      );
    }
    return {
      result: { mentor: loadMentor(tx, input.id, today(ctx)), endedAssignments: running.length },
      record: {
        action: 'mentor.consent_withdrawn',
        entity: 'mentor',
        entityId: input.id,
        fields: [field],
        detail: { who: input.who, endedAssignments: running.length },
      },
    };
  });
}

/** Time off keeps the mentor from new assignments starting inside it (burnout, exams, their own challenges). */
export function addTimeOff(ctx: ServiceContext, input: InputOf<'mentors.addTimeOff'>): Mentor {
  const { startDate, endDate } = input.timeOff;
  if (endDate < startDate) throw new AppError('invalid_input', 'Time off must end on or after the day it starts.');
  return change(ctx, (tx) => {
    findMentorRow(tx, input.id);
    const id = newId();
    tx.insert(mentorTimeOff).values({ id, mentorId: input.id, startDate, endDate }).run();
    tx.update(mentors).set({ updatedAt: ctx.now().toISOString() }).where(eq(mentors.id, input.id)).run();
    return {
      result: loadMentor(tx, input.id, today(ctx)),
      record: {
        action: 'mentor.time_off_added',
        entity: 'mentor',
        entityId: input.id,
        fields: ['timeOff'],
        detail: { timeOffId: id },
      },
    };
  });
}

export function addRecognition(ctx: ServiceContext, input: InputOf<'mentors.addRecognition'>): Mentor {
  const { kind, date, hours, description } = input.recognition;
  if (kind === 'service_hours' && (hours === undefined || hours <= 0)) {
    throw new AppError('invalid_input', 'Enter how many service hours to record.');
  }
  return change(ctx, (tx) => {
    findMentorRow(tx, input.id);
    const id = newId();
    tx.insert(mentorRecognition)
      .values({ id, mentorId: input.id, kind, date, hours: hours ?? null, description })
      .run();
    tx.update(mentors).set({ updatedAt: ctx.now().toISOString() }).where(eq(mentors.id, input.id)).run();
    return {
      result: loadMentor(tx, input.id, today(ctx)),
      record: {
        action: 'mentor.recognition_added',
        entity: 'mentor',
        entityId: input.id,
        fields: ['recognition'],
        detail: { recognitionId: id, kind },
      },
    };
  });
}
