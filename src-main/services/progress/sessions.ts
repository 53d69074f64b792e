/**
 * The session log of a peer-support accommodation: held or missed, minutes, mentors, goals
 * addressed, a note, and optionally a progress point per goal addressed, written in the same
 * transaction. Everything a session says is checked against the accommodation, its plan and the
 * mentors' assignments on that day, and refused in one plain-words message listing every problem.
 * A whole week is written at once, all or nothing, with a message that names each bad entry.
 */
import { and, count, desc, eq, gte, inArray, lte, ne } from 'drizzle-orm';
import { assignments, mentors, progressPoints, sessionGoals, sessionMentors, sessions } from '../../../db/schema';
import { AppError, type Day, type PeerRole, type Session, type SessionChanges } from '../../contract';
import { type ChangeRecord, change, expectChanged, newId, type ServiceContext, today } from '../context';
import { jsonColumns } from '../json-columns';
import { ROLE_LABELS } from '../mentors/eligibility';
import { sentFields } from '../mentors/mentors';
import { runningOn } from '../mentors/records';
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
  type PointRow,
  type SessionRow,
  toSession,
} from './records';
import { sessionProblems, valueProblem } from './rules';
import { schoolDayOf } from './school-days';

/** How many bad entries a refusal names before it just counts the rest. */
const MAX_NAMED = 10;

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
  return Math.max(1, jsonColumns.accommodations.slots.read(facts.slots).filter((slot) => slot.day === day).length);
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

/**
 * Every problem with a session for this accommodation, in plain words. `pending` counts the sessions
 * of the same batch already accepted for that accommodation and day (they are not written yet).
 */
function problemsWith(
  db: Queryable,
  facts: AccommodationFacts,
  session: SessionShape,
  day: string,
  { exceptId, pending = 0 }: { exceptId?: string; pending?: number } = {},
): string[] {
  const problems = sessionProblems(session, facts, day);
  for (const name of unassignedMentors(db, facts.id, session.date, session.mentorIds)) {
    problems.push(`${name} is not assigned to this accommodation on that day.`);
  }
  if (session.goalIds.some((goalId) => !facts.serves.has(goalId))) {
    problems.push('A session can only address goals this accommodation serves.');
  }
  if (sessionsOn(db, facts.id, session.date, exceptId) + pending >= sessionsAllowedOn(facts, session.date)) {
    problems.push('This accommodation already has a session logged on that day; edit that one instead.');
  }
  return problems;
}

function refuse(problems: readonly string[]): void {
  if (problems.length > 0) throw new AppError('invalid_input', problems.join(' '));
}

function insertLinks(tx: VaultTx, sessionId: string, mentorIds: readonly string[], goalIds: readonly string[]): void {
  if (mentorIds.length)
    tx.insert(sessionMentors)
      .values(mentorIds.map((mentorId) => ({ sessionId, mentorId })))
      .run();
  if (goalIds.length)
    tx.insert(sessionGoals)
      .values(goalIds.map((goalId) => ({ sessionId, goalId })))
      .run();
}

function replaceLinks(tx: VaultTx, sessionId: string, mentorIds: readonly string[], goalIds: readonly string[]): void {
  tx.delete(sessionMentors).where(eq(sessionMentors.sessionId, sessionId)).run();
  tx.delete(sessionGoals).where(eq(sessionGoals.sessionId, sessionId)).run();
  insertLinks(tx, sessionId, mentorIds, goalIds);
}

type NewSession = InputOf<'sessions.create'>;

/** Every problem with a new session (its fields, its mentors and goals, its progress points), without duplicates. */
function newSessionProblems(db: Queryable, facts: AccommodationFacts, input: NewSession, day: string, pending = 0): string[] {
  const goalIds = unique(input.goalIds);
  const problems = problemsWith(
    db,
    facts,
    {
      date: input.date,
      status: input.status,
      minutes: input.minutes,
      missReason: input.missReason,
      mentorIds: unique(input.mentorIds),
      goalIds,
      progressCount: input.progress.length,
    },
    day,
    { pending },
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
    const problem = valueProblem(goalFacts(db, point.goalId), point.value);
    if (problem) problems.push(problem);
  }
  return [...new Set(problems)];
}

/** Points in the order a read returns them: goal by goal, then by id. */
function byGoalThenId(a: PointRow, b: PointRow): number {
  if (a.goalId !== b.goalId) return a.goalId < b.goalId ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Writes a checked session, its links and its progress points; returns the session as written
 * (what reading it back would give, without the four reads) and what to audit.
 */
function insertSession(tx: VaultTx, ctx: ServiceContext, input: NewSession, at: string): { session: Session; record: ChangeRecord } {
  const mentorIds = unique(input.mentorIds);
  const goalIds = unique(input.goalIds);
  const row: SessionRow = {
    id: newId(),
    accommodationId: input.accommodationId,
    date: input.date,
    status: input.status,
    missReason: input.status === 'missed' ? (input.missReason ?? null) : null,
    // `||`, not `??`: SQLite stores -0 as 0, and the answer must match the row.
    minutes: input.status === 'held' ? input.minutes || 0 : 0,
    note: input.note || null,
    createdAt: at,
    updatedAt: at,
  };
  tx.insert(sessions).values(row).run();
  // A new session has no links yet: nothing to replace.
  insertLinks(tx, row.id, mentorIds, goalIds);
  const points = insertPoints(
    tx,
    input.progress.map((point) => ({
      ...point,
      date: input.date,
      collectedBy: ctx.actor.staffId,
      source: 'session' as const,
      sessionId: row.id,
    })),
    at,
  );
  return {
    session: toSession(row, { mentorIds, goalIds, points: points.sort(byGoalThenId) }),
    record: {
      action: 'session.created',
      entity: 'session',
      entityId: row.id,
      fields: sentFields(input),
      detail: {
        accommodationId: input.accommodationId,
        mentors: mentorIds.length,
        goals: goalIds.length,
        progressPoints: input.progress.length,
      },
    },
  };
}

export function createSession(ctx: ServiceContext, input: NewSession): Session {
  return change(ctx, (tx) => {
    const facts = accommodationFacts(tx, input.accommodationId);
    assertLoggable(facts);
    refuse(newSessionProblems(tx, facts, input, today(ctx)));
    const { session, record } = insertSession(tx, ctx, input, ctx.now().toISOString());
    return { result: session, record };
  });
}

const WEEKDAY_NAMES: Readonly<Record<Day, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
};

/** "Math 7 (peer tutor), Monday 2026-11-23": which entry of a week a refusal is about. */
function entryName(facts: AccommodationFacts, date: string): string {
  const day = schoolDayOf(date);
  const role = ROLE_LABELS[facts.role as PeerRole] ?? facts.role;
  return `${facts.settingClass} (${role}), ${day ? `${WEEKDAY_NAMES[day]} ` : ''}${date}`;
}

/** The plan must be the active one; as a problem of one entry, so a batch names it with the others. */
function notLoggable(facts: AccommodationFacts): string[] {
  try {
    assertLoggable(facts);
    return [];
  } catch (error) {
    if (error instanceof AppError) return [error.message];
    throw error;
  }
}

/**
 * A week of sessions in one transaction. Every session is checked first (against the database and
 * the sessions before it in the batch); any refusal names each bad entry and writes nothing. Each
 * session gets the same audit event `sessions.create` writes, inside the same transaction.
 */
export function createSessions(ctx: ServiceContext, input: InputOf<'sessions.createMany'>): Session[] {
  return change(ctx, (tx) => {
    const day = today(ctx);
    const taken = new Map<string, number>();
    const problems: string[] = [];
    for (const session of input.sessions) {
      const facts = accommodationFacts(tx, session.accommodationId);
      const key = `${facts.id}|${session.date}`;
      const found = [...notLoggable(facts), ...newSessionProblems(tx, facts, session, day, taken.get(key) ?? 0)];
      taken.set(key, (taken.get(key) ?? 0) + 1);
      if (found.length > 0) problems.push(`${entryName(facts, session.date)}: ${found.join(' ')}`);
    }
    if (problems.length > 0) {
      const more = problems.length > MAX_NAMED ? ` … and ${problems.length - MAX_NAMED} more.` : '';
      throw new AppError('invalid_input', `${problems.slice(0, MAX_NAMED).join(' ')}${more} Nothing was saved.`);
    }
    const at = ctx.now().toISOString();
    const created = input.sessions.map((entry) => insertSession(tx, ctx, entry, at));
    return { result: created.map(({ session }) => session), record: created.map(({ record }) => record) };
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
    const problems = problemsWith(tx, facts, shape, today(ctx), { exceptId: input.id });
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
    if (changes.mentorIds || changes.goalIds) replaceLinks(tx, input.id, shape.mentorIds, shape.goalIds);
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
