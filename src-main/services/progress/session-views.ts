/**
 * What the session screens read: the defaults a new entry starts with (so a routine entry takes a
 * few keystrokes; on a weekend or a school break they start from the last school day before) and a student's week, Monday to
 * Friday, across every accommodation of their active plans, each day with its defaults (so a whole
 * week is entered at once).
 */
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { accommodations, assignments, plans, sessions, students } from '../../../db/schema';
import type { SessionDefaults, StudentWeek } from '../../contract';
import { schoolWeek } from '../../contract/calendar';
import { lastSchoolDayOnOrBefore } from '../../contract/school-year';
import { calendarsForStudents } from '../calendar/lookup';
import { notFound, type ServiceContext, today } from '../context';
import { jsonColumns } from '../json-columns';
import { runningOn } from '../mentors/records';
import { toAccommodation } from '../plans/plan-records';
import type { Queryable } from '../vault-db';
import { type AccommodationFacts, accommodationFacts, type InputOf, loadSessions } from './records';
import { schoolDayOf } from './school-days';

export function sessionDefaults(ctx: ServiceContext, input: InputOf<'sessions.defaults'>): SessionDefaults {
  const facts = accommodationFacts(ctx.db, input.accommodationId);
  const calendars = calendarsForStudents(ctx.db, [facts.studentId]).get(facts.studentId) ?? [];
  return defaultsOn(ctx.db, facts, input.date ?? lastSchoolDayOnOrBefore(calendars, today(ctx)));
}

/**
 * The length is the support's planned minutes, not the last sessions' usual: a default copied from
 * recent entries would carry a short session forward and make fidelity read as delivered.
 */
function defaultsOn(db: Queryable, facts: AccommodationFacts, date: string): SessionDefaults {
  const mentorIds = db
    .select({ mentorId: assignments.mentorId })
    .from(assignments)
    .where(and(eq(assignments.accommodationId, facts.id), lte(assignments.startDate, date), runningOn(date)))
    .orderBy(asc(assignments.startDate))
    .all()
    .map((row) => row.mentorId);
  return {
    date,
    minutes: facts.minutesPerSession,
    minutesFrom: 'plan',
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
