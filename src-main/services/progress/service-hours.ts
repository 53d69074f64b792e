/**
 * Mentors' service hours: the minutes of the sessions they were at and that were held (a missed
 * session gave no service), counted in full for every mentor who was there, by role, in a date
 * range. The mentor page shows them; recognition letters quote them (hours, roles, first and last
 * day). One query per 500 mentors, so a batch of letters costs no more than one.
 */
import { and, count, eq, gte, inArray, lte, max, min, sum } from 'drizzle-orm';
import { accommodations, sessionMentors, sessions } from '../../../db/schema';
import { PeerRole, type ServiceHours } from '../../contract';
import type { Queryable } from '../vault-db';
import { chunks } from './records';

/** The school year a date falls in: 1 July to 30 June. */
export function schoolYearOf(date: string): { from: string; to: string } {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= '07-01' ? year : year - 1;
  return { from: `${start}-07-01`, to: `${start + 1}-06-30` };
}

/** Hours to one decimal, as a letter or a service-credit form writes them. */
export function minutesToHours(minutes: number): number {
  return Math.round(minutes / 6) / 10;
}

/** Inclusive ISO dates; leave both out for all time. */
export interface HoursRange {
  from?: string;
  to?: string;
}

interface HoursRow {
  mentorId: string;
  role: string;
  heldSessions: number;
  minutes: number;
  firstDate: string | null;
  lastDate: string | null;
}

/** Held sessions' minutes by mentor and role, in the range. */
function hoursRows(db: Queryable, mentorIds: readonly string[], range: HoursRange): HoursRow[] {
  const rows: HoursRow[] = [];
  for (const ids of chunks([...new Set(mentorIds)])) {
    rows.push(
      ...db
        .select({
          mentorId: sessionMentors.mentorId,
          role: accommodations.role,
          heldSessions: count(),
          minutes: sum(sessions.minutes).mapWith(Number),
          firstDate: min(sessions.date),
          lastDate: max(sessions.date),
        })
        .from(sessionMentors)
        .innerJoin(sessions, eq(sessions.id, sessionMentors.sessionId))
        .innerJoin(accommodations, eq(accommodations.id, sessions.accommodationId))
        .where(
          and(
            inArray(sessionMentors.mentorId, ids),
            eq(sessions.status, 'held'),
            range.from ? gte(sessions.date, range.from) : undefined,
            range.to ? lte(sessions.date, range.to) : undefined,
          ),
        )
        .groupBy(sessionMentors.mentorId, accommodations.role)
        .all(),
    );
  }
  return rows;
}

/** One mentor's rows (every role) as their total. */
function total(rows: readonly HoursRow[], range: HoursRange): ServiceHours {
  const byMinutes = [...rows].sort((a, b) => b.minutes - a.minutes || a.role.localeCompare(b.role));
  const minutes = rows.reduce((all, row) => all + row.minutes, 0);
  const dates = rows
    .flatMap((row) => [row.firstDate, row.lastDate])
    .filter((date): date is string => date !== null)
    .sort();
  return {
    from: range.from ?? null,
    to: range.to ?? null,
    heldSessions: rows.reduce((all, row) => all + row.heldSessions, 0),
    minutes,
    hours: minutesToHours(minutes),
    roles: byMinutes.map((row) => ({ role: PeerRole.parse(row.role), heldSessions: row.heldSessions, minutes: row.minutes })),
    firstDate: dates[0] ?? null,
    lastDate: dates.at(-1) ?? null,
  };
}

/** Many mentors' hours in one query (a batch of letters); every mentor asked gets an entry, zero when they served none. */
export function serviceHours(db: Queryable, mentorIds: readonly string[], range: HoursRange = {}): Map<string, ServiceHours> {
  const rows = hoursRows(db, mentorIds, range);
  return new Map(
    mentorIds.map((mentorId) => [
      mentorId,
      total(
        rows.filter((row) => row.mentorId === mentorId),
        range,
      ),
    ]),
  );
}

export function serviceHoursOf(db: Queryable, mentorId: string, range: HoursRange = {}): ServiceHours {
  return total(hoursRows(db, [mentorId], range), range);
}
