/**
 * The session log of a peer-support accommodation: held or missed, minutes, mentors, goals
 * addressed, a note, and optionally a progress point per goal addressed, written in the same
 * transaction. Everything a session says is checked against the accommodation, its plan and the
 * mentors' assignments on that day, and refused in one plain-words message listing every problem.
 */
import { and, count, desc, eq, gte, inArray, lte, ne } from 'drizzle-orm';
import { assignments, mentors, progressPoints, sessionGoals, sessionMentors, sessions } from '../../../db/schema';
import { AppError, type Session, type SessionChanges } from '../../contract';
import { change, expectChanged, newId, type ServiceContext, today } from '../context';
import { sentFields } from '../mentors/mentors';
import { parseSlots, runningOn } from '../mentors/records';
import type { Queryable, VaultTx } from '../vault-db';
import { insertPoints } from './points';
import {
  type AccommodationFacts,
  accommodationFacts,
  assertLoggable,
  findSessionRow,
  goalFacts,
  type InputOf,
  loadSession,
  loadSessions,
} from './records';
import { sessionProblems, valueProblem } from './rules';
import { schoolDayOf } from './school-days';

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** Mentors not assigned to the accommodation on `date`, by the name they go by. */
function unassignedMentors(db: Queryable, accommodationId: string, date: string, mentorIds: readonly string[]): string[] {
  if (mentorIds.length === 0) return [];
  const assigned = new Set(
    db
      .select({ mentorId: assignments.mentorId })
      .from(assignments)
      .where(
        and(
          eq(assignments.accommodationId, accommodationId),
          inArray(assignments.mentorId, [...mentorIds]),
          lte(assignments.startDate, date),
          runningOn(date),
        ),
      )
      .all()
      .map((row) => row.mentorId),
  );
  const missing = mentorIds.filter((id) => !assigned.has(id));
  if (missing.length === 0) return [];
  const names = new Map(
    db
      .select({ id: mentors.id, firstName: mentors.firstName, preferredName: mentors.preferredName })
      .from(mentors)
      .where(inArray(mentors.id, missing))
      .all()
      .map((row) => [row.id, row.preferredName || row.firstName]),
  );
  return missing.map((id) => names.get(id) ?? 'a mentor who is not on the list');
}

/** How many sessions fit on one day: one per slot on that weekday (at least one). */
function sessionsAllowedOn(facts: AccommodationFacts, date: string): number {
  const day = schoolDayOf(date);
  return Math.max(1, parseSlots(facts.slots).filter((slot) => slot.day === day).length);
}

function sessionsOn(db: Queryable, accommodationId: string, date: string, exceptId?: string): number {
  return (
    db
      .select({ n: count() })
      .from(sessions)
      .where(and(eq(sessions.accommodationId, accommodationId), eq(sessions.date, date), exceptId ? ne(sessions.id, exceptId) : undefined))
      .get()?.n ?? 0
  );
}

interface SessionShape {
  date: string;
  status: Session['status'];
  minutes: number | undefined;
  missReason: Session['missReason'] | undefined;
  mentorIds: string[];
  goalIds: string[];
  progressCount: number;
}

/** Every problem with a session for this accommodation, in plain words. */
function problemsWith(db: Queryable, facts: AccommodationFacts, session: SessionShape, day: string, exceptId?: string): string[] {
  const problems = sessionProblems(session, facts, day);
  for (const name of unassignedMentors(db, facts.id, session.date, session.mentorIds)) {
    problems.push(`${name} is not assigned to this accommodation on that day.`);
  }
  if (session.goalIds.some((goalId) => !facts.serves.has(goalId))) {
    problems.push('A session can only address goals this accommodation serves.');
  }
  if (sessionsOn(db, facts.id, session.date, exceptId) >= sessionsAllowedOn(facts, session.date)) {
    problems.push('This accommodation already has a session logged on that day; edit that one instead.');
  }
  return problems;
}

function refuse(problems: readonly string[]): void {
  if (problems.length > 0) throw new AppError('invalid_input', problems.join(' '));
}

function writeLinks(tx: VaultTx, sessionId: string, mentorIds: readonly string[], goalIds: readonly string[]): void {
  tx.delete(sessionMentors).where(eq(sessionMentors.sessionId, sessionId)).run();
  tx.delete(sessionGoals).where(eq(sessionGoals.sessionId, sessionId)).run();
  if (mentorIds.length)
    tx.insert(sessionMentors)
      .values(mentorIds.map((mentorId) => ({ sessionId, mentorId })))
      .run();
  if (goalIds.length)
    tx.insert(sessionGoals)
      .values(goalIds.map((goalId) => ({ sessionId, goalId })))
      .run();
}

export function createSession(ctx: ServiceContext, input: InputOf<'sessions.create'>): Session {
  return change(ctx, (tx) => {
    const facts = accommodationFacts(tx, input.accommodationId);
    assertLoggable(facts);
    const day = today(ctx);
    const mentorIds = unique(input.mentorIds);
    const goalIds = unique(input.goalIds);
    const problems = problemsWith(
      tx,
      facts,
      {
        date: input.date,
        status: input.status,
        minutes: input.minutes,
        missReason: input.missReason,
        mentorIds,
        goalIds,
        progressCount: input.progress.length,
      },
      day,
    );
    const measured = new Set<string>();
    for (const point of input.progress) {
      if (!goalIds.includes(point.goalId)) {
        problems.push('A progress point can only be recorded for a goal the session addressed.');
        continue;
      }
      if (measured.has(point.goalId)) problems.push('Record one progress point per goal addressed.');
      measured.add(point.goalId);
      // The point's date is the session's, already held to the accommodation, its plan and today.
      const problem = valueProblem(goalFacts(tx, point.goalId), point.value);
      if (problem) problems.push(problem);
    }
    refuse([...new Set(problems)]);

    const id = newId();
    const at = ctx.now().toISOString();
    tx.insert(sessions)
      .values({
        id,
        accommodationId: input.accommodationId,
        date: input.date,
        status: input.status,
        missReason: input.status === 'missed' ? (input.missReason ?? null) : null,
        minutes: input.status === 'held' ? (input.minutes ?? 0) : 0,
        note: input.note || null,
        createdAt: at,
        updatedAt: at,
      })
      .run();
    writeLinks(tx, id, mentorIds, goalIds);
    insertPoints(
      tx,
      input.progress.map((point) => ({
        ...point,
        date: input.date,
        collectedBy: ctx.actor.staffId,
        source: 'session' as const,
        sessionId: id,
      })),
      at,
    );
    return {
      result: loadSession(tx, id),
      record: {
        action: 'session.created',
        entity: 'session',
        entityId: id,
        fields: sentFields(input),
        detail: {
          accommodationId: input.accommodationId,
          mentors: mentorIds.length,
          goals: goalIds.length,
          progressPoints: input.progress.length,
        },
      },
    };
  });
}

export function updateSession(ctx: ServiceContext, input: { id: string; changes: SessionChanges }): Session {
  return change(ctx, (tx) => {
    const row = findSessionRow(tx, input.id);
    const facts = accommodationFacts(tx, row.accommodationId);
    assertLoggable(facts);
    const [current] = loadSessions(tx, [row]);
    if (!current) throw new Error('updateSession: session vanished');
    const { changes } = input;
    const status = changes.status ?? current.status;
    const missReason = changes.missReason !== undefined ? changes.missReason : status === 'held' ? null : current.missReason;
    // Switching to missed zeroes the minutes; switching to held asks for them.
    const minutes = changes.minutes ?? (status === 'missed' ? 0 : current.status === 'missed' ? undefined : current.minutes);
    const shape: SessionShape = {
      date: changes.date ?? current.date,
      status,
      minutes,
      missReason,
      mentorIds: unique(changes.mentorIds ?? current.mentorIds),
      goalIds: unique(changes.goalIds ?? current.goalIds),
      progressCount: current.progressPoints.length,
    };
    const problems = problemsWith(tx, facts, shape, today(ctx), input.id);
    if (current.progressPoints.some((point) => !shape.goalIds.includes(point.goalId))) {
      problems.push('A goal with a progress point from this session stays addressed; delete the point first.');
    }
    refuse([...new Set(problems)]);

    const at = ctx.now().toISOString();
    expectChanged(
      tx
        .update(sessions)
        .set({
          date: shape.date,
          status: shape.status,
          missReason: shape.status === 'missed' ? (shape.missReason ?? null) : null,
          minutes: shape.status === 'held' ? (shape.minutes ?? 0) : 0,
          ...(changes.note !== undefined ? { note: changes.note || null } : {}),
          updatedAt: at,
        })
        .where(eq(sessions.id, input.id))
        .run(),
      1,
      'updateSession',
    );
    if (changes.mentorIds || changes.goalIds) writeLinks(tx, input.id, shape.mentorIds, shape.goalIds);
    // The session's points were measured that day: they move with it (the new date passed the same rules).
    if (shape.date !== current.date) {
      tx.update(progressPoints).set({ date: shape.date, updatedAt: at }).where(eq(progressPoints.sessionId, input.id)).run();
    }
    return {
      result: loadSession(tx, input.id),
      record: {
        action: 'session.updated',
        entity: 'session',
        entityId: input.id,
        fields: sentFields(changes),
        detail: { accommodationId: row.accommodationId, movedPoints: shape.date !== current.date ? current.progressPoints.length : 0 },
      },
    };
  });
}

export function deleteSession(ctx: ServiceContext, input: { id: string }): Record<string, never> {
  return change(ctx, (tx) => {
    const row = findSessionRow(tx, input.id);
    assertLoggable(accommodationFacts(tx, row.accommodationId));
    expectChanged(tx.delete(sessions).where(eq(sessions.id, input.id)).run(), 1, 'deleteSession');
    return {
      result: {},
      record: { action: 'session.deleted', entity: 'session', entityId: input.id, detail: { accommodationId: row.accommodationId } },
    };
  });
}

export function listSessionsForAccommodation(ctx: ServiceContext, input: InputOf<'sessions.listForAccommodation'>): Session[] {
  accommodationFacts(ctx.db, input.accommodationId);
  const rows = ctx.db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.accommodationId, input.accommodationId),
        input.from ? gte(sessions.date, input.from) : undefined,
        input.to ? lte(sessions.date, input.to) : undefined,
      ),
    )
    .orderBy(desc(sessions.date), desc(sessions.createdAt), desc(sessions.id))
    .all();
  return loadSessions(ctx.db, rows);
}
