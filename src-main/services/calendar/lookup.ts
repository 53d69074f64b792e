/**
 * A school's calendars as the day-counting rules want them (contract/school-year.ts): every school
 * year of that school, oldest first. Fidelity, the burnout flag, aim lines and period inheritance
 * all read through here, so a school without a calendar gets [] and the Mon–Fri fallback.
 */
import { asc, eq } from 'drizzle-orm';
import { schoolCalendars, students } from '../../../db/schema';
import type { SchoolCalendar } from '../../contract/school-year';
import { inIds } from '../id-batches';
import { jsonColumns } from '../json-columns';
import type { Queryable } from '../vault-db';

const columns = jsonColumns.schoolCalendars;

type CalendarRow = typeof schoolCalendars.$inferSelect;

export function calendarFromRow(row: CalendarRow): SchoolCalendar {
  return {
    id: row.id,
    school: row.school,
    year: row.year,
    firstDay: row.firstDay,
    lastDay: row.lastDay,
    breaks: columns.breaks.read(row.breaks),
    reportingPeriods: columns.reportingPeriods.read(row.reportingPeriods),
  };
}

/** All years of that school, oldest first; [] when none. */
export function calendarsForSchool(db: Queryable, school: string): SchoolCalendar[] {
  return db
    .select()
    .from(schoolCalendars)
    .where(eq(schoolCalendars.school, school))
    .orderBy(asc(schoolCalendars.firstDay))
    .all()
    .map(calendarFromRow);
}

/** Every school's calendars, by school: for work over many students (fidelity of a whole caseload). */
export function calendarsBySchool(db: Queryable): Map<string, SchoolCalendar[]> {
  const bySchool = new Map<string, SchoolCalendar[]>();
  for (const row of db.select().from(schoolCalendars).orderBy(asc(schoolCalendars.firstDay)).all()) {
    const list = bySchool.get(row.school) ?? [];
    list.push(calendarFromRow(row));
    bySchool.set(row.school, list);
  }
  return bySchool;
}

/** Each student's school calendars (by student id): a caseload spans schools. */
export function calendarsForStudents(db: Queryable, studentIds: readonly string[]): Map<string, SchoolCalendar[]> {
  const result = new Map<string, SchoolCalendar[]>();
  if (studentIds.length === 0) return result;
  const bySchool = calendarsBySchool(db);
  if (bySchool.size === 0) return result;
  const rows = db
    .select({ id: students.id, school: students.school })
    .from(students)
    .where(inIds(students.id, [...new Set(studentIds)]))
    .all();
  for (const row of rows) result.set(row.id, bySchool.get(row.school) ?? []);
  return result;
}
