/**
 * What the burnout, training and consent rules need about each mentor, for all of them at once:
 * the mentor record with its training, time off and running assignments (mentors/records.ts), the
 * sessions they held on each day of the last twelve weeks, and their last three workload
 * ratings. A mentor's load is counted across the whole program, not only the caseload's students.
 */
import { isNull, sql } from 'drizzle-orm';
import { mentors } from '../../../db/schema';
import { addDays } from '../../contract/calendar';
import { type SchoolCalendar, schoolDaysBetween } from '../../contract/school-year';
import { calendarsBySchool } from '../calendar/lookup';
import { groupBy, idTable, inIds } from '../id-batches';
import { MODULE_LABELS } from '../mentors/eligibility';
import { loadMentors } from '../mentors/records';
import { mondayOf } from '../progress/school-days';
import { consentIsCurrent, DEFAULT_THRESHOLDS, type MentorLoadFacts } from '../progress-rules/program-health';
import { displayName } from '../students/students';
import type { Queryable } from '../vault-db';

/**
 * Enough weeks to tell whether a streak without a break reaches the rule's threshold, and no more:
 * reading a mentor's sessions is the costliest part of the dashboard. A longer streak reads as
 * "at least" this many weeks.
 */
const LOOKBACK_WEEKS = DEFAULT_THRESHOLDS.weeksWithoutBreak + 2;
const RATINGS = 3;

/** Held sessions of the mentors in the lookback, counted per mentor and day by SQLite (a few rows, not one per session). */
function heldSessionsByDay(db: Queryable, ids: readonly string[], day: string) {
  return db.all<{ mentorId: string; date: string; count: number }>(sql`
    SELECT sm.mentor_id AS mentorId, s.date AS date, count(*) AS count
    FROM session_mentors sm
    JOIN sessions s ON s.id = sm.session_id
    WHERE sm.mentor_id IN (SELECT value FROM ${idTable(ids)})
      AND s.status = 'held'
      AND s.date BETWEEN ${addDays(mondayOf(day), -7 * LOOKBACK_WEEKS)} AND ${day}
    GROUP BY sm.mentor_id, s.date`);
}

function lastWorkloadRatings(db: Queryable, ids: readonly string[], day: string) {
  return db.all<{ mentorId: string; date: string; rating: number }>(sql`
    SELECT ids.value AS mentorId, c.date AS date, c.mentor_workload AS rating
    FROM ${idTable(ids)} AS ids
    JOIN check_ins c ON c.rowid IN (
      SELECT rowid FROM check_ins
      WHERE mentor_id = ids.value AND mentor_workload IS NOT NULL AND date <= ${day}
      ORDER BY date DESC LIMIT ${RATINGS}
    )`);
}

/** A one-day holiday is no rest from mentoring; a break of three school days or more is. */
function restingBreaks(calendars: readonly SchoolCalendar[]): { from: string; to: string }[] {
  return calendars.flatMap((calendar) =>
    calendar.breaks.filter((pause) => schoolDaysBetween(null, pause.from, pause.to).length >= 3).map(({ from, to }) => ({ from, to })),
  );
}

/** The given mentors, or with `ids` null every mentor whose record is not archived. */
export function mentorFacts(db: Queryable, ids: readonly string[] | null, day: string): MentorLoadFacts[] {
  if (ids !== null && ids.length === 0) return [];
  const rows = db
    .select()
    .from(mentors)
    .where(ids === null ? isNull(mentors.archivedAt) : inIds(mentors.id, ids))
    .all();
  if (rows.length === 0) return [];
  const mentorIds = rows.map((row) => row.id);
  const daysOf = groupBy(heldSessionsByDay(db, mentorIds, day), (row) => row.mentorId);
  const ratingsOf = groupBy(lastWorkloadRatings(db, mentorIds, day), (row) => row.mentorId);
  const calendarsOf = calendarsBySchool(db);
  const schoolOf = new Map(rows.map((row) => [row.id, row.school]));
  return loadMentors(db, rows, day).map((mentor) => ({
    mentorId: mentor.id,
    name: displayName(mentor),
    loadCap: mentor.loadCap,
    activeAssignments: mentor.activeAssignments,
    sessions: (daysOf.get(mentor.id) ?? []).flatMap((held) => Array<string>(held.count).fill(held.date)),
    workload: ratingsOf.get(mentor.id) ?? [],
    timeOff: mentor.timeOff,
    schoolBreaks: restingBreaks(calendarsOf.get(schoolOf.get(mentor.id) ?? '') ?? []),
    training: mentor.training.map((record) => ({
      module: record.module,
      label: MODULE_LABELS[record.module],
      expiresOn: record.expiresOn ?? null,
    })),
    hasCurrentConsent:
      consentIsCurrent(mentor.consentGivenOn, mentor.consentWithdrawnOn, day) &&
      consentIsCurrent(mentor.guardianConsentGivenOn, mentor.guardianConsentWithdrawnOn, day),
  }));
}
