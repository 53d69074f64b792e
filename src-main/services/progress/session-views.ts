/**
 * What the session screens read: the defaults a new entry starts with (so a routine entry takes a
 * few keystrokes; on a weekend they start from the Friday before) and a student's week, Monday to
 * Friday, across every accommodation of their active plans, each day with its defaults (so a whole
 * week is entered at once).
 */
import { and, asc, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import { accommodations, assignments, plans, sessions, students } from '../../../db/schema';
import type { SessionDefaults, StudentWeek } from '../../contract';
import { latestSchoolDay, schoolWeek } from '../../contract/calendar';
import { notFound, type ServiceContext, today } from '../context';
import { jsonColumns } from '../json-columns';
import { runningOn } from '../mentors/records';
import { toAccommodation } from '../plans/plan-records';
import type { Queryable } from '../vault-db';
import { type AccommodationFacts, accommodationFacts, type InputOf, loadSessions } from './records';
import { schoolDayOf } from './school-days';

/** How many recent held sessions "the usual minutes" looks at. */
export const RECENT_SESSIONS = 10;

/** The most common value, newest first on a tie; null for an empty list. */
export function usualValue(newestFirst: readonly number[]): number | null {
  let best: number | null = null;
  let bestCount = 0;
  const counts = new Map<number, number>();
  for (const value of newestFirst) counts.set(value, (counts.get(value) ?? 0) + 1);
  for (const value of newestFirst) {
    const n = counts.get(value) ?? 0;
    if (n > bestCount) {
      best = value;
      bestCount = n;
    }
  }
  return best;
}

export function sessionDefaults(ctx: ServiceContext, input: InputOf<'sessions.defaults'>): SessionDefaults {
  return defaultsOn(ctx.db, accommodationFacts(ctx.db, input.accommodationId), input.date ?? latestSchoolDay(today(ctx)));
}

function defaultsOn(db: Queryable, facts: AccommodationFacts, date: string): SessionDefaults {
  const recent = db
    .select({ minutes: sessions.minutes })
    .from(sessions)
    .where(and(eq(sessions.accommodationId, facts.id), eq(sessions.status, 'held'), lte(sessions.date, date)))
    .orderBy(desc(sessions.date), desc(sessions.createdAt))
    .limit(RECENT_SESSIONS)
    .all()
    .map((row) => row.minutes);
  const usual = usualValue(recent);
  const mentorIds = db
    .select({ mentorId: assignments.mentorId })
    .from(assignments)
    .where(and(eq(assignments.accommodationId, facts.id), lte(assignments.startDate, date), runningOn(date)))
    .orderBy(asc(assignments.startDate))
    .all()
    .map((row) => row.mentorId);
  return {
    date,
    minutes: usual ?? facts.minutesPerSession,
    minutesFrom: usual === null ? 'plan' : 'recent_sessions',
    mentorIds: [...new Set(mentorIds)],
    goalIds: [...facts.serves].sort(),
  };
}

export function studentWeek(ctx: ServiceContext, input: InputOf<'sessions.week'>): StudentWeek {
  if (!ctx.db.select({ id: students.id }).from(students).where(eq(students.id, input.studentId)).get()) throw notFound('student');
  const days = schoolWeek(input.weekOf);
  const monday = days[0] ?? input.weekOf;
  const friday = days[days.length - 1] ?? input.weekOf;
  const rows = ctx.db
    .select({ accommodation: accommodations })
    .from(accommodations)
    .innerJoin(plans, eq(plans.id, accommodations.planId))
    .where(
      and(
        eq(plans.studentId, input.studentId),
        eq(plans.status, 'active'),
        lte(accommodations.startDate, friday),
        gte(accommodations.endDate, monday),
      ),
    )
    .orderBy(asc(accommodations.settingClass), asc(accommodations.createdAt), asc(accommodations.id))
    .all()
    .map((row) => row.accommodation);
  const weekSessions = rows.length
    ? loadSessions(
        ctx.db,
        ctx.db
          .select()
          .from(sessions)
          .where(
            and(
              inArray(
                sessions.accommodationId,
                rows.map((row) => row.id),
              ),
              gte(sessions.date, monday),
              lte(sessions.date, friday),
            ),
          )
          .orderBy(asc(sessions.date), asc(sessions.createdAt))
          .all(),
      )
    : [];
  return {
    weekStart: monday,
    days,
    accommodations: rows.map((row) => {
      const slotDays = new Set(jsonColumns.accommodations.slots.read(row.slots).map((slot) => slot.day));
      const facts = accommodationFacts(ctx.db, row.id);
      return {
        accommodation: toAccommodation(ctx.db, row),
        days: days.map((date) => {
          const day = schoolDayOf(date) ?? 'mon';
          return {
            date,
            day,
            scheduled: slotDays.has(day) && date >= row.startDate && date <= row.endDate,
            sessions: weekSessions.filter((session) => session.accommodationId === row.id && session.date === date),
            defaults: defaultsOn(ctx.db, facts, date),
          };
        }),
      };
    }),
  };
}
