/**
 * Fidelity over a date range for one accommodation or every accommodation of a student. The
 * arithmetic is `fidelity.ts` (pure); this gathers the facts. The range stops at today: sessions
 * cannot be logged ahead, so days still to come are not yet "planned but missing".
 *
 * An amendment copies the accommodations of a plan with their dates, so the old version and its
 * copy would both plan the same weeks. Each version therefore counts only while it was in force:
 * a superseded version until the day before it was superseded, its amendment from that day on (the
 * day is the superseded row's last update, which nothing can change after: the row is read-only).
 * An ended plan counts through the day it was ended. Sessions always count on the day they were held.
 */
import { and, asc, eq, gte, inArray, lte, ne } from 'drizzle-orm';
import { accommodations, plans, sessions, students } from '../../../db/schema';
import {
  type AccommodationFidelity,
  AppError,
  type Fidelity,
  MISS_REASONS,
  type MissReason,
  PeerRole,
  type SchoolFidelity,
} from '../../contract';
import { addDays } from '../../contract/calendar';
import type { SchoolCalendar } from '../../contract/school-year';
import { calendarsForStudents } from '../calendar/lookup';
import { notFound, type ServiceContext, today } from '../context';
import { inIds } from '../id-batches';
import type { Queryable } from '../vault-db';
import { type FidelitySession, fidelityOf, totalFidelity } from './fidelity';
import type { InputOf } from './records';

type AccommodationRow = typeof accommodations.$inferSelect;
type PlanRow = typeof plans.$inferSelect;

function isMissReason(value: string): value is MissReason {
  return (MISS_REASONS as readonly string[]).includes(value);
}

function dayOf(instant: string): string {
  return instant.slice(0, 10);
}

/** The dates an accommodation was in force, given its plan's version history. */
export function inForce(accommodation: AccommodationRow, plan: PlanRow, amended: PlanRow | null): { startDate: string; endDate: string } {
  let { startDate, endDate } = accommodation;
  // Superseded on day D: the amendment is in force from D. Ended on day D: the support ran through D.
  const last = plan.status === 'superseded' ? addDays(dayOf(plan.updatedAt), -1) : plan.status === 'ended' ? dayOf(plan.updatedAt) : null;
  if (last !== null && last < endDate) endDate = last;
  if (amended?.status === 'superseded') {
    const first = dayOf(amended.updatedAt);
    if (first > startDate) startDate = first;
  }
  return { startDate, endDate };
}

function checkRange(range: { from: string; to: string }, day: string): { from: string; to: string } {
  if (range.to < range.from) throw new AppError('invalid_input', 'The range must end on or after the day it starts.');
  return { from: range.from, to: range.to < day ? range.to : day };
}

/** The sessions logged in the range for each of the accommodations (any number of them), as fidelity counts them. */
export function fidelitySessionsOf(
  db: Queryable,
  accommodationIds: readonly string[],
  range: { from: string; to: string },
): Map<string, FidelitySession[]> {
  const byAccommodation = new Map<string, FidelitySession[]>();
  if (accommodationIds.length === 0) return byAccommodation;
  const rows = db
    .select({
      accommodationId: sessions.accommodationId,
      date: sessions.date,
      status: sessions.status,
      minutes: sessions.minutes,
      missReason: sessions.missReason,
    })
    .from(sessions)
    .where(and(inIds(sessions.accommodationId, accommodationIds), gte(sessions.date, range.from), lte(sessions.date, range.to)))
    .all();
  for (const row of rows) {
    const list = byAccommodation.get(row.accommodationId) ?? [];
    list.push({
      date: row.date,
      // Plain checks rather than a schema per row: a school's month is thousands of rows.
      status: row.status === 'missed' ? 'missed' : 'held',
      minutes: row.minutes,
      missReason: row.missReason === null ? null : isMissReason(row.missReason) ? row.missReason : 'other',
    });
    byAccommodation.set(row.accommodationId, list);
  }
  return byAccommodation;
}

function amendedPlans(db: Queryable, rows: readonly PlanRow[]): Map<string, PlanRow> {
  const ids = [...new Set(rows.flatMap((plan) => (plan.amendsId ? [plan.amendsId] : [])))];
  if (ids.length === 0) return new Map();
  return new Map(
    db
      .select()
      .from(plans)
      .where(inArray(plans.id, ids))
      .all()
      .map((plan) => [plan.id, plan]),
  );
}

function describe(
  accommodation: AccommodationRow,
  plan: PlanRow,
  amended: PlanRow | null,
  list: readonly FidelitySession[],
  range: { from: string; to: string },
  calendars: readonly SchoolCalendar[],
): AccommodationFidelity {
  const dates = inForce(accommodation, plan, amended);
  return {
    accommodationId: accommodation.id,
    planId: accommodation.planId,
    role: PeerRole.parse(accommodation.role),
    settingClass: accommodation.settingClass,
    sessionsPerWeek: accommodation.sessionsPerWeek,
    minutesPerSession: accommodation.minutesPerSession,
    fidelity: fidelityOf({ ...accommodation, ...dates }, list, range, calendars),
  };
}

export function fidelityForAccommodation(ctx: ServiceContext, input: InputOf<'fidelity.forAccommodation'>): AccommodationFidelity {
  const range = checkRange(input, today(ctx));
  const row = ctx.db
    .select({ accommodation: accommodations, plan: plans })
    .from(accommodations)
    .innerJoin(plans, eq(plans.id, accommodations.planId))
    .where(eq(accommodations.id, input.accommodationId))
    .get();
  if (!row) throw notFound('accommodation');
  const amended = amendedPlans(ctx.db, [row.plan]).get(row.plan.amendsId ?? '') ?? null;
  const list = fidelitySessionsOf(ctx.db, [row.accommodation.id], range).get(row.accommodation.id) ?? [];
  const calendars = calendarsForStudents(ctx.db, [row.plan.studentId]).get(row.plan.studentId) ?? [];
  return describe(row.accommodation, row.plan, amended, list, range, calendars);
}

/** The accommodations of `rows` that ran in the range or have sessions in it, each with its fidelity, and their total. */
function fidelityOfRows(
  db: Queryable,
  rows: readonly { accommodation: AccommodationRow; plan: PlanRow }[],
  range: { from: string; to: string },
): { accommodations: AccommodationFidelity[]; total: Fidelity } {
  const amended = amendedPlans(
    db,
    rows.map((row) => row.plan),
  );
  const byAccommodation = fidelitySessionsOf(
    db,
    rows.map((row) => row.accommodation.id),
    range,
  );
  const calendarsOf = calendarsForStudents(
    db,
    rows.map((row) => row.plan.studentId),
  );
  const list = rows
    .map((row) =>
      describe(
        row.accommodation,
        row.plan,
        amended.get(row.plan.amendsId ?? '') ?? null,
        byAccommodation.get(row.accommodation.id) ?? [],
        range,
        calendarsOf.get(row.plan.studentId) ?? [],
      ),
    )
    // A version not in force during the range, with no session in it, has nothing to say about it.
    .filter((item) => item.fidelity.from !== null || item.fidelity.heldSessions + item.fidelity.missedSessions > 0);
  return {
    accommodations: list,
    total: totalFidelity(
      list.map((item) => item.fidelity),
      range,
    ),
  };
}

function inRange(range: { from: string; to: string }) {
  return and(ne(plans.status, 'draft'), lte(accommodations.startDate, range.to), gte(accommodations.endDate, range.from));
}

export function fidelityForStudent(
  ctx: ServiceContext,
  input: InputOf<'fidelity.forStudent'>,
): { accommodations: AccommodationFidelity[]; total: Fidelity } {
  const range = checkRange(input, today(ctx));
  if (!ctx.db.select({ id: students.id }).from(students).where(eq(students.id, input.studentId)).get()) throw notFound('student');
  const rows = ctx.db
    .select({ accommodation: accommodations, plan: plans })
    .from(accommodations)
    .innerJoin(plans, eq(plans.id, accommodations.planId))
    .where(and(eq(plans.studentId, input.studentId), inRange(range)))
    .orderBy(asc(plans.type), asc(plans.version), asc(accommodations.settingClass), asc(accommodations.id))
    .all();
  return fidelityOfRows(ctx.db, rows, range);
}

/** A school's program at once: the total and one line per peer-support role, for a district office's overview. */
export function fidelityForSchool(ctx: ServiceContext, input: InputOf<'fidelity.forSchool'>): SchoolFidelity {
  const range = checkRange(input, today(ctx));
  const rows = ctx.db
    .select({ accommodation: accommodations, plan: plans })
    .from(accommodations)
    .innerJoin(plans, eq(plans.id, accommodations.planId))
    .innerJoin(students, eq(students.id, plans.studentId))
    .where(and(eq(students.school, input.school), eq(students.status, 'active'), inRange(range)))
    .orderBy(asc(accommodations.id))
    .all();
  const { accommodations: list, total } = fidelityOfRows(ctx.db, rows, range);
  const studentOf = new Map(rows.map((row) => [row.accommodation.id, row.plan.studentId]));
  const roles = [...new Set(list.map((item) => item.role))].sort();
  return {
    school: input.school,
    students: new Set(list.map((item) => studentOf.get(item.accommodationId))).size,
    accommodations: list.length,
    total,
    byRole: roles.map((role) => ({
      role,
      fidelity: totalFidelity(
        list.filter((item) => item.role === role).map((item) => item.fidelity),
        range,
      ),
    })),
  };
}
