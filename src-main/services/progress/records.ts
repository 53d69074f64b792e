/**
 * Rows of sessions, progress points, check-ins and observations, and their converters to the
 * contract's domain types; plus the facts about an accommodation or goal every write checks
 * against. Rows stay inside the progress services.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import {
  accommodationGoals,
  accommodations,
  type checkIns,
  goals,
  type observations,
  plans,
  progressPoints,
  sessionGoals,
  sessionMentors,
  sessions,
} from '../../../db/schema';
import {
  AppError,
  type CheckIn,
  type Measurement,
  MissReason,
  type Observation,
  PeerRole,
  type ProgressPoint,
  ProgressSource,
  type progress as progressChannels,
  type Session,
  SessionStatus,
} from '../../contract';
import { summarise } from '../../contract/observation-summary';
import { notFound } from '../context';
import { groupBy } from '../id-batches';
import { jsonColumns } from '../json-columns';
import type { Queryable } from '../vault-db';

/** The parsed input of one progress channel (what the dispatcher hands the handler). */
export type InputOf<C extends keyof typeof progressChannels> = z.output<(typeof progressChannels)[C]['input']>;

export type SessionRow = typeof sessions.$inferSelect;
export type PointRow = typeof progressPoints.$inferSelect;
export type CheckInRow = typeof checkIns.$inferSelect;
export type ObservationRow = typeof observations.$inferSelect;

const CHUNK = 500;

export function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

// ── Facts the writes check against ───────────────────────────────────────────────────────────

export interface AccommodationFacts {
  id: string;
  planId: string;
  studentId: string;
  planStatus: string;
  plan: { startDate: string; endDate: string };
  accommodation: { startDate: string; endDate: string };
  role: string;
  settingClass: string;
  slots: string;
  sessionsPerWeek: number;
  minutesPerSession: number;
  /** Ids of the goals it serves. */
  serves: Set<string>;
}

export function accommodationFacts(db: Queryable, id: string): AccommodationFacts {
  const row = db
    .select({
      id: accommodations.id,
      planId: accommodations.planId,
      startDate: accommodations.startDate,
      endDate: accommodations.endDate,
      role: accommodations.role,
      settingClass: accommodations.settingClass,
      slots: accommodations.slots,
      sessionsPerWeek: accommodations.sessionsPerWeek,
      minutesPerSession: accommodations.minutesPerSession,
      studentId: plans.studentId,
      planStatus: plans.status,
      planStart: plans.startDate,
      planEnd: plans.endDate,
    })
    .from(accommodations)
    .innerJoin(plans, eq(plans.id, accommodations.planId))
    .where(eq(accommodations.id, id))
    .get();
  if (!row) throw notFound('accommodation');
  const served = db
    .select({ goalId: accommodationGoals.goalId })
    .from(accommodationGoals)
    .where(eq(accommodationGoals.accommodationId, id))
    .all();
  return {
    id: row.id,
    planId: row.planId,
    studentId: row.studentId,
    planStatus: row.planStatus,
    plan: { startDate: row.planStart, endDate: row.planEnd },
    accommodation: { startDate: row.startDate, endDate: row.endDate },
    role: row.role,
    settingClass: row.settingClass,
    slots: row.slots,
    sessionsPerWeek: row.sessionsPerWeek,
    minutesPerSession: row.minutesPerSession,
    serves: new Set(served.map((link) => link.goalId)),
  };
}

/** Sessions and check-ins record support under an agreed plan: the plan must be the active one. */
export function assertLoggable(facts: AccommodationFacts, what: 'Sessions' | 'Check-ins' = 'Sessions'): void {
  if (facts.planStatus === 'draft') {
    throw new AppError('forbidden', `This plan is still a draft; ${what.toLowerCase()} are logged once it is active.`);
  }
  if (facts.planStatus !== 'active') {
    throw new AppError('forbidden', `This plan is ${facts.planStatus} and kept read-only. ${what} belong to the current plan.`);
  }
}

export interface GoalFacts {
  id: string;
  planId: string;
  studentId: string;
  planStatus: string;
  plan: { startDate: string; endDate: string };
  measurement: Measurement;
  scaleMax: number | null;
}

export function goalFacts(db: Queryable, id: string): GoalFacts {
  const row = db
    .select({
      id: goals.id,
      planId: goals.planId,
      measurement: goals.measurement,
      scaleMax: goals.scaleMax,
      studentId: plans.studentId,
      planStatus: plans.status,
      planStart: plans.startDate,
      planEnd: plans.endDate,
    })
    .from(goals)
    .innerJoin(plans, eq(plans.id, goals.planId))
    .where(eq(goals.id, id))
    .get();
  if (!row) throw notFound('goal');
  return {
    id: row.id,
    planId: row.planId,
    studentId: row.studentId,
    planStatus: row.planStatus,
    plan: { startDate: row.planStart, endDate: row.planEnd },
    measurement: row.measurement as GoalFacts['measurement'],
    scaleMax: row.scaleMax,
  };
}

/** Old plan versions are the record of what happened then: their data is kept as it was. */
export function assertGoalWritable(goal: GoalFacts): void {
  if (goal.planStatus === 'superseded' || goal.planStatus === 'ended') {
    throw new AppError('forbidden', `This goal belongs to a plan that is ${goal.planStatus} and kept read-only.`);
  }
}

// ── Converters ───────────────────────────────────────────────────────────────────────────────

export function toPoint(row: PointRow): ProgressPoint {
  return {
    id: row.id,
    goalId: row.goalId,
    date: row.date,
    value: row.value,
    setting: row.setting,
    collectedBy: row.collectedBy,
    source: ProgressSource.catch('manual').parse(row.source),
    sessionId: row.sessionId,
    observationId: row.observationId,
    note: row.note,
  };
}

export function findPointRow(db: Queryable, id: string): PointRow {
  const row = db.select().from(progressPoints).where(eq(progressPoints.id, id)).get();
  if (!row) throw notFound('progress point');
  return row;
}

/** The progress points recorded with the given sessions or observations, goal by goal. */
function pointsLinkedTo(
  db: Queryable,
  column: typeof progressPoints.sessionId | typeof progressPoints.observationId,
  ids: string[],
): PointRow[] {
  return db.select().from(progressPoints).where(inArray(column, ids)).orderBy(asc(progressPoints.goalId), asc(progressPoints.id)).all();
}

/** What links to one session: its mentors, its goals and its points (goal by goal, as read). */
export interface SessionLinks {
  mentorIds: readonly string[];
  goalIds: readonly string[];
  points: readonly PointRow[];
}

export function toSession(row: SessionRow, links: SessionLinks): Session {
  return {
    id: row.id,
    accommodationId: row.accommodationId,
    date: row.date,
    status: SessionStatus.catch('held').parse(row.status),
    missReason: row.missReason === null ? null : MissReason.catch('other').parse(row.missReason),
    minutes: row.minutes,
    note: row.note,
    mentorIds: [...links.mentorIds].sort(),
    goalIds: [...links.goalIds].sort(),
    progressPoints: links.points.map(toPoint),
  };
}

/** Converts many session rows with three queries per 500 sessions, not three per session. */
export function loadSessions(db: Queryable, rows: readonly SessionRow[]): Session[] {
  const mentorLinks: { sessionId: string; mentorId: string }[] = [];
  const goalLinks: { sessionId: string; goalId: string }[] = [];
  const points: PointRow[] = [];
  for (const ids of chunks(rows.map((row) => row.id))) {
    mentorLinks.push(...db.select().from(sessionMentors).where(inArray(sessionMentors.sessionId, ids)).all());
    goalLinks.push(...db.select().from(sessionGoals).where(inArray(sessionGoals.sessionId, ids)).all());
    points.push(...pointsLinkedTo(db, progressPoints.sessionId, ids));
  }
  const mentorsOf = groupBy(mentorLinks, (link) => link.sessionId);
  const goalsOf = groupBy(goalLinks, (link) => link.sessionId);
  const pointsOf = groupBy(points, (point) => point.sessionId);
  return rows.map((row) =>
    toSession(row, {
      mentorIds: (mentorsOf.get(row.id) ?? []).map((link) => link.mentorId),
      goalIds: (goalsOf.get(row.id) ?? []).map((link) => link.goalId),
      points: pointsOf.get(row.id) ?? [],
    }),
  );
}

export function findSessionRow(db: Queryable, id: string): SessionRow {
  const row = db.select().from(sessions).where(eq(sessions.id, id)).get();
  if (!row) throw notFound('session');
  return row;
}

export function loadSession(db: Queryable, id: string): Session {
  const [session] = loadSessions(db, [findSessionRow(db, id)]);
  if (!session) throw notFound('session');
  return session;
}

type CheckInWithSetting = CheckInRow & { role: string; settingClass: string; studentId: string };

export function toCheckIn(row: CheckInWithSetting): CheckIn {
  return {
    id: row.id,
    accommodationId: row.accommodationId,
    role: PeerRole.parse(row.role),
    settingClass: row.settingClass,
    studentId: row.studentId,
    date: row.date,
    whatsWorking: row.whatsWorking,
    whatsNot: row.whatsNot,
    belonging: row.belonging,
    engagement: row.engagement,
    mentorWorkload: row.mentorWorkload,
    mentorConfidence: row.mentorConfidence,
    nextSteps: row.nextSteps,
    mentorId: row.mentorId,
    conductedBy: row.conductedBy,
  };
}

export function loadObservations(db: Queryable, rows: readonly ObservationRow[]): Observation[] {
  const points: PointRow[] = [];
  for (const ids of chunks(rows.map((row) => row.id))) {
    points.push(...pointsLinkedTo(db, progressPoints.observationId, ids));
  }
  const pointsOf = groupBy(points, (point) => point.observationId);
  return rows.map((row) => {
    const intervals = jsonColumns.observations.intervals.read(row.intervals);
    return {
      id: row.id,
      studentId: row.studentId,
      date: row.date,
      intervalSeconds: row.intervalSeconds,
      totalIntervals: row.totalIntervals,
      intervals,
      peersCount: row.peersCount,
      setting: row.setting,
      observedBy: row.observedBy,
      note: row.note,
      summary: summarise(intervals),
      progressPoints: (pointsOf.get(row.id) ?? []).map(toPoint),
    };
  });
}

/** Which of `goalIds` are goals of the student's plans. */
export function goalIdsOfStudent(db: Queryable, studentId: string, goalIds: readonly string[]): Set<string> {
  if (goalIds.length === 0) return new Set();
  const found = db
    .select({ id: goals.id })
    .from(goals)
    .innerJoin(plans, eq(plans.id, goals.planId))
    .where(and(eq(plans.studentId, studentId), inArray(goals.id, [...goalIds])))
    .all();
  return new Set(found.map((goal) => goal.id));
}
