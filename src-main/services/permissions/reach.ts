/**
 * Which students a restricted role (general-education teacher, paraprofessional, counselor) works
 * with, and the student each of their requests is about. A request is resolved to its student(s)
 * from the ids it carries (a student, plan, goal, accommodation, session, point, check-in or
 * observation id); one that reaches outside their students is refused in words that say nothing of
 * the student. A channel a restricted role may use but that is missing from `STUDENT_REACH` is
 * refused too: a new channel is closed to them until someone says here whom it is about.
 */
import { eq } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { accommodations, checkIns, goals, observations, plans, planTeam, progressPoints, sessions, students } from '../../../db/schema';
import {
  type Acting,
  AppError,
  CHANNEL_ACTIONS,
  type Channel,
  NOT_IN_REACH_MESSAGE,
  type ParsedInputOf,
  RESTRICTED_ROLES,
  reachesEveryCheckIn,
  roleWords,
} from '../../contract';
import { inIds } from '../id-batches';
import type { Queryable } from '../vault-db';

/** Every student, or only these ids (a restricted role's plan teams and caseload). */
export type Reach = 'all' | ReadonlySet<string>;

/**
 * A restricted role reaches the students whose plan (any version) lists them on its team or names
 * them case manager, and the students they are case manager of. Supports (accommodations) have no
 * staff column, so being "on a support" is being on its plan's team.
 */
export function reachOf(db: Queryable, who: Acting | null, staffId: string | null): Reach {
  if (who === null || !RESTRICTED_ROLES.has(who)) return 'all';
  if (staffId === null) return new Set();
  const ids = new Set<string>();
  for (const row of db.select({ id: students.id }).from(students).where(eq(students.caseManagerId, staffId)).all()) ids.add(row.id);
  for (const row of db.select({ id: plans.studentId }).from(plans).where(eq(plans.caseManagerId, staffId)).all()) ids.add(row.id);
  const onTeam = db
    .select({ id: plans.studentId })
    .from(planTeam)
    .innerJoin(plans, eq(plans.id, planTeam.planId))
    .where(eq(planTeam.staffId, staffId))
    .all();
  for (const row of onTeam) ids.add(row.id);
  return ids;
}

export function inReach(reach: Reach, studentId: string): boolean {
  return reach === 'all' || reach.has(studentId);
}

// ── From an id to its student ────────────────────────────────────────────────────────────────

/** The `value` column of the rows whose `key` is one of `ids` (one query, any number of ids: `inIds`). */
function lookUp(db: Queryable, table: SQLiteTable, key: SQLiteColumn, value: SQLiteColumn, ids: readonly string[]): string[] {
  if (ids.length === 0) return [];
  return db
    .select({ value })
    .from(table)
    .where(inIds(key, ids))
    .all()
    .map((row) => String(row.value));
}

const studentsOfPlans = (db: Queryable, ids: readonly string[]) => lookUp(db, plans, plans.id, plans.studentId, ids);
const planIdsOfAccommodations = (db: Queryable, ids: readonly string[]) =>
  lookUp(db, accommodations, accommodations.id, accommodations.planId, ids);
const planIdsOfGoals = (db: Queryable, ids: readonly string[]) => lookUp(db, goals, goals.id, goals.planId, ids);

const ofAccommodations = (db: Queryable, ids: readonly string[]) => studentsOfPlans(db, planIdsOfAccommodations(db, ids));
const ofGoals = (db: Queryable, ids: readonly string[]) => studentsOfPlans(db, planIdsOfGoals(db, ids));

function ofSession(db: Queryable, id: string): string[] {
  const row = db.select({ id: sessions.accommodationId }).from(sessions).where(eq(sessions.id, id)).get();
  return row ? ofAccommodations(db, [row.id]) : [];
}

function ofCheckIn(db: Queryable, id: string): string[] {
  const row = db.select({ id: checkIns.accommodationId }).from(checkIns).where(eq(checkIns.id, id)).get();
  return row?.id ? ofAccommodations(db, [row.id]) : [];
}

function ofPoint(db: Queryable, id: string): string[] {
  const row = db.select({ id: progressPoints.goalId }).from(progressPoints).where(eq(progressPoints.id, id)).get();
  return row ? ofGoals(db, [row.id]) : [];
}

function ofObservation(db: Queryable, id: string): string[] {
  const row = db.select({ id: observations.studentId }).from(observations).where(eq(observations.id, id)).get();
  return row ? [row.id] : [];
}

/** The goals a new session names (addressed, or with a point), which must be the same student's. */
function sessionGoals(input: ParsedInputOf<'sessions.create'>): string[] {
  return [...input.goalIds, ...input.progress.map((point) => point.goalId)];
}

type Resolver<C extends Channel> = (db: Queryable, input: ParsedInputOf<C>) => string[];
/** 'none': the channel is about no student (or, like students.list, filters by reach itself). */
type StudentReach = { [C in Channel]?: Resolver<C> | 'none' };

/**
 * Every channel a restricted role may use, and the students a request on it is about. The ids a
 * request names must all exist and all be in reach (an unknown id is refused alike, so a refusal
 * tells nothing of what exists).
 */
export const STUDENT_REACH: StudentReach = {
  'vault.changePassphrase': 'none',
  'vault.members': 'none',
  'staff.list': 'none',
  'progressCodes.get': 'none',
  'calendar.list': 'none',
  'files.chooseSavePath': 'none',
  'files.chooseFolder': 'none',
  // Filters its rows by the context's reach (services/students/students.ts).
  'students.list': 'none',
  'students.get': (_db, input) => [input.id],
  'plans.listForStudent': (_db, input) => [input.studentId],
  'plans.get': (db, input) => studentsOfPlans(db, [input.id]),
  'assignments.listForAccommodation': (db, input) => ofAccommodations(db, [input.accommodationId]),
  'sessions.listForAccommodation': (db, input) => ofAccommodations(db, [input.accommodationId]),
  'sessions.week': (_db, input) => [input.studentId],
  'sessions.defaults': (db, input) => ofAccommodations(db, [input.accommodationId]),
  'sessions.create': (db, input) => [...ofAccommodations(db, [input.accommodationId]), ...ofGoals(db, sessionGoals(input))],
  'sessions.createMany': (db, input) =>
    input.sessions.flatMap((session) => [...ofAccommodations(db, [session.accommodationId]), ...ofGoals(db, sessionGoals(session))]),
  'sessions.update': (db, input) => [...ofSession(db, input.id), ...ofGoals(db, input.changes.goalIds ?? [])],
  'sessions.delete': (db, input) => ofSession(db, input.id),
  'checkIns.create': (db, input) => ofAccommodations(db, [input.accommodationId]),
  'checkIns.update': (db, input) => ofCheckIn(db, input.id),
  'checkIns.delete': (db, input) => ofCheckIn(db, input.id),
  'checkIns.listForStudent': (_db, input) => [input.studentId],
  'progressPoints.create': (db, input) => ofGoals(db, [input.goalId]),
  'progressPoints.createMany': (db, input) =>
    ofGoals(
      db,
      input.points.map((point) => point.goalId),
    ),
  'progressPoints.update': (db, input) => ofPoint(db, input.id),
  'progressPoints.delete': (db, input) => ofPoint(db, input.id),
  'progressPoints.listForGoal': (db, input) => ofGoals(db, [input.goalId]),
  'observations.record': (_db, input) => [input.studentId],
  'observations.listForStudent': (_db, input) => [input.studentId],
  'observations.delete': (db, input) => ofObservation(db, input.id),
  'fidelity.forAccommodation': (db, input) => ofAccommodations(db, [input.accommodationId]),
  'fidelity.forStudent': (_db, input) => [input.studentId],
  'progressMarks.listForPlan': (db, input) => studentsOfPlans(db, [input.planId]),
  'progressMarks.get': (db, input) => ofGoals(db, [input.goalId]),
  'goals.progress': (db, input) => ofGoals(db, [input.goalId]),
};

/** A counselor's check-ins reach every student (reachesEveryCheckIn). */
const CHECK_IN_CHANNELS: ReadonlySet<Channel> = new Set([
  'checkIns.create',
  'checkIns.update',
  'checkIns.delete',
  'checkIns.listForStudent',
]);

/**
 * Refuses a restricted role's request that is about a student out of their reach, or on a channel
 * no one has said the reach of. Other roles (and the recovery key, which the table keeps from
 * student records) pass.
 */
export function requireInReach(db: Queryable, reach: Reach, who: Acting, channel: Channel, input: unknown): void {
  // The locked vault's own channels (unlock, lock, status …) are about no student, and open to anyone.
  if (!RESTRICTED_ROLES.has(who) || CHANNEL_ACTIONS[channel] === 'anyone') return;
  const resolve = STUDENT_REACH[channel] as Resolver<Channel> | 'none' | undefined;
  if (resolve === undefined) {
    throw new AppError('not_permitted', `Your role (${roleWords(who)}) can't use this yet — ask a case manager.`);
  }
  if (resolve === 'none') return;
  if (reachesEveryCheckIn(who) && CHECK_IN_CHANNELS.has(channel)) return;
  const reached = resolve(db, input as ParsedInputOf<Channel>);
  if (reached.length === 0 || !reached.every((studentId) => inReach(reach, studentId))) {
    throw new AppError('student_not_in_reach', NOT_IN_REACH_MESSAGE);
  }
}
