/**
 * The school calendars: list, save (one per school and year, replaced whole), remove. A calendar is
 * checked here before it is written (contract/school-year.ts `calendarProblems`), each broken rule
 * refused with its own code, so the settings form can say exactly what to fix.
 */
import { and, asc, eq } from 'drizzle-orm';
import { mentors, schoolCalendars, students } from '../../../db/schema';
import { AppError, type CalendarProblem, calendarProblems, type SchoolCalendar, type SchoolCalendarInput } from '../../contract';
import { change, expectChanged, newId, notFound, type ServiceContext } from '../context';
import { jsonColumns } from '../json-columns';
import { calendarFromRow } from './lookup';

const columns = jsonColumns.schoolCalendars;

const PROBLEM_WORDS: Record<CalendarProblem, string> = {
  calendar_year_invalid: 'Write the school year as two years in a row, like 2026-2027.',
  calendar_dates_invalid: 'One of the dates does not exist; check the first and last day, the breaks and the periods.',
  calendar_last_before_first: 'The last day of school must come after the first day.',
  calendar_break_outside_year: 'Every break must start on or before its last day and fall between the first and last day of school.',
  calendar_period_outside_year: 'Every reporting period must start on or before its end and fall between the first and last day of school.',
  calendar_periods_overlap: 'List the reporting periods in order, each starting after the one before ends.',
};

/** Refuses a calendar that breaks a rule, naming the first rule broken. */
export function checkCalendar(calendar: SchoolCalendarInput): void {
  const [problem] = calendarProblems(calendar);
  if (problem) throw new AppError(problem, PROBLEM_WORDS[problem]);
}

export function listCalendars(ctx: ServiceContext): { calendars: SchoolCalendar[]; schools: string[] } {
  const calendars = ctx.db
    .select()
    .from(schoolCalendars)
    .orderBy(asc(schoolCalendars.school), asc(schoolCalendars.firstDay))
    .all()
    .map(calendarFromRow);
  const named = [
    ...ctx.db.selectDistinct({ school: students.school }).from(students).all(),
    ...ctx.db.selectDistinct({ school: mentors.school }).from(mentors).all(),
  ].map((row) => row.school);
  const schools = [...new Set([...named, ...calendars.map((calendar) => calendar.school)])].sort((a, b) => a.localeCompare(b));
  return { calendars, schools };
}

/** Saves the school's calendar for that year, replacing the one it had (its id stays). */
export function saveCalendar(ctx: ServiceContext, input: SchoolCalendarInput): SchoolCalendar {
  checkCalendar(input);
  const at = ctx.now().toISOString();
  const values = {
    firstDay: input.firstDay,
    lastDay: input.lastDay,
    breaks: columns.breaks.write([...input.breaks].sort((a, b) => a.from.localeCompare(b.from))),
    reportingPeriods: columns.reportingPeriods.write(input.reportingPeriods),
    updatedAt: at,
  };
  return change(ctx, (tx) => {
    const existing = tx
      .select({ id: schoolCalendars.id })
      .from(schoolCalendars)
      .where(and(eq(schoolCalendars.school, input.school), eq(schoolCalendars.year, input.year)))
      .get();
    const id = existing?.id ?? newId();
    if (existing) {
      expectChanged(tx.update(schoolCalendars).set(values).where(eq(schoolCalendars.id, id)).run(), 1, 'saveCalendar');
    } else {
      expectChanged(
        tx
          .insert(schoolCalendars)
          .values({ id, school: input.school, year: input.year, createdAt: at, ...values })
          .run(),
        1,
        'saveCalendar',
      );
    }
    const row = tx.select().from(schoolCalendars).where(eq(schoolCalendars.id, id)).get();
    if (!row) throw notFound('school calendar');
    return {
      result: calendarFromRow(row),
      record: {
        action: existing ? 'calendar.updated' : 'calendar.created',
        entity: 'school_calendar',
        entityId: id,
        fields: ['firstDay', 'lastDay', 'breaks', 'reportingPeriods'],
        detail: { breaks: input.breaks.length, periods: input.reportingPeriods.length },
      },
    };
  });
}

export function removeCalendar(ctx: ServiceContext, id: string): { removed: true } {
  return change(ctx, (tx) => {
    const result = tx.delete(schoolCalendars).where(eq(schoolCalendars.id, id)).run();
    if (result.changes === 0) throw notFound('school calendar');
    return { result: { removed: true as const }, record: { action: 'calendar.removed', entity: 'school_calendar', entityId: id } };
  });
}
