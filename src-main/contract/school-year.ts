/**
 * The school calendar: which days are school days for one school, year by year. Pure functions over
 * plain data, shared by the services (fidelity, burnout, aim lines) and the renderer (session defaults).
 *
 * A date belongs to the calendar whose school year holds it: from 1 July of the year's first half
 * to 30 June of its second (stretched to the calendar's first/last day when those fall outside). In
 * such a year, a school day is a Monday–Friday inside [firstDay, lastDay] and in no break; so the
 * summer around a known year is not school. A date in no known year falls back to Monday–Friday, as
 * does everything when there is no calendar at all (null or []): a school that has not entered its
 * calendar keeps the behaviour it had before calendars existed.
 */
import { dateOfDay, dayNumber, isIsoDate } from './calendar';

/** A break or a one-day holiday; ISO dates, both inclusive. */
export interface SchoolBreak {
  name: string;
  from: string;
  to: string;
}

/** A reporting period (report card quarter, trimester…); ISO dates, both inclusive. */
export interface CalendarPeriod {
  label: string;
  startsOn: string;
  endsOn: string;
}

export interface SchoolCalendar {
  id: string;
  school: string;
  /** "2026-2027" */
  year: string;
  /** First and last day of instruction. */
  firstDay: string;
  lastDay: string;
  breaks: SchoolBreak[];
  reportingPeriods: CalendarPeriod[];
}

/** One calendar reduced to day numbers, for counting many days quickly. */
interface CompiledYear {
  /** The school year's whole span (July to June, stretched to first/last day). */
  spanFrom: number;
  spanTo: number;
  firstDay: number;
  lastDay: number;
  /** Day numbers inside a break. */
  off: Set<number>;
}

/** The first calendar year of a "2026-2027" label, or null when the label is not one. */
export function schoolYearStart(year: string): number | null {
  const match = /^(\d{4})-(\d{4})$/.exec(year);
  if (!match) return null;
  const first = Number(match[1]);
  return Number(match[2]) === first + 1 ? first : null;
}

function compileYear(calendar: SchoolCalendar): CompiledYear {
  const firstDay = dayNumber(calendar.firstDay);
  const lastDay = dayNumber(calendar.lastDay);
  const start = schoolYearStart(calendar.year);
  const julyFirst = start === null ? firstDay : dayNumber(`${start}-07-01`);
  const juneLast = start === null ? lastDay : dayNumber(`${start + 1}-06-30`);
  const off = new Set<number>();
  for (const pause of calendar.breaks) {
    for (let day = dayNumber(pause.from), to = dayNumber(pause.to); day <= to; day += 1) off.add(day);
  }
  return {
    spanFrom: Math.min(julyFirst, firstDay),
    spanTo: Math.max(juneLast, lastDay),
    firstDay,
    lastDay,
    off,
  };
}

/** Compiled once per calendars array: fidelity asks the same school's calendars for every support. */
const compiled = new WeakMap<readonly SchoolCalendar[], CompiledYear[]>();

function compile(calendars: readonly SchoolCalendar[]): CompiledYear[] {
  let years = compiled.get(calendars);
  if (!years) {
    years = calendars.map(compileYear);
    compiled.set(calendars, years);
  }
  return years;
}

function isWeekday(day: number): boolean {
  // Day 0 (1970-01-01) was a Thursday, so weekday 1–5 is Monday–Friday.
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday >= 1 && weekday <= 5;
}

function isSchoolDayNumber(years: readonly CompiledYear[], day: number): boolean {
  if (!isWeekday(day)) return false;
  for (const year of years) {
    if (day < year.spanFrom || day > year.spanTo) continue;
    return day >= year.firstDay && day <= year.lastDay && !year.off.has(day);
  }
  return true;
}

/** Mon–Fri inside [firstDay,lastDay] and not in a break. With no calendar (null): Mon–Fri. */
export function isSchoolDay(calendars: readonly SchoolCalendar[] | null, date: string): boolean {
  return isSchoolDayNumber(calendars ? compile(calendars) : [], dayNumber(date));
}

/** School days from..to inclusive (calendars may span several school years of one school). */
export function schoolDaysBetween(calendars: readonly SchoolCalendar[] | null, from: string, to: string): string[] {
  const years = calendars ? compile(calendars) : [];
  const days: string[] = [];
  for (let day = dayNumber(from), last = dayNumber(to); day <= last; day += 1) {
    if (isSchoolDayNumber(years, day)) days.push(dateOfDay(day));
  }
  return days;
}

/** The first school day on or after `date` (with no calendar: the next Mon–Fri). */
export function firstSchoolDayOnOrAfter(calendars: readonly SchoolCalendar[] | null, date: string): string {
  const years = calendars ? compile(calendars) : [];
  // Ends: past the last known year every weekday is a school day.
  let day = dayNumber(date);
  while (!isSchoolDayNumber(years, day)) day += 1;
  return dateOfDay(day);
}

/** The last school day on or before `date` (with no calendar: the Friday before a weekend). */
export function lastSchoolDayOnOrBefore(calendars: readonly SchoolCalendar[] | null, date: string): string {
  const years = calendars ? compile(calendars) : [];
  // Ends: before the first known year every weekday is a school day.
  let day = dayNumber(date);
  while (!isSchoolDayNumber(years, day)) day -= 1;
  return dateOfDay(day);
}

/** What is wrong with a calendar, as refusal codes; [] when it is sound. */
export type CalendarProblem =
  | 'calendar_year_invalid'
  | 'calendar_dates_invalid'
  | 'calendar_last_before_first'
  | 'calendar_break_outside_year'
  | 'calendar_period_outside_year'
  | 'calendar_periods_overlap';

/**
 * The checks the boundary applies before a calendar is saved: the last day after the first, every
 * break and period inside the year, periods in order and not overlapping.
 */
export function calendarProblems(calendar: Omit<SchoolCalendar, 'id'>): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const start = schoolYearStart(calendar.year);
  if (start === null) problems.push('calendar_year_invalid');
  const dates = [
    calendar.firstDay,
    calendar.lastDay,
    ...calendar.breaks.flatMap((pause) => [pause.from, pause.to]),
    ...calendar.reportingPeriods.flatMap((period) => [period.startsOn, period.endsOn]),
  ];
  if (!dates.every(isIsoDate)) return [...problems, 'calendar_dates_invalid'];
  if (calendar.lastDay <= calendar.firstDay) problems.push('calendar_last_before_first');
  const inside = (from: string, to: string) => from <= to && from >= calendar.firstDay && to <= calendar.lastDay;
  if (calendar.breaks.some((pause) => !inside(pause.from, pause.to))) problems.push('calendar_break_outside_year');
  if (calendar.reportingPeriods.some((period) => !inside(period.startsOn, period.endsOn))) {
    problems.push('calendar_period_outside_year');
  }
  const periods = calendar.reportingPeriods;
  if (periods.some((period, index) => index > 0 && period.startsOn <= (periods[index - 1]?.endsOn ?? ''))) {
    problems.push('calendar_periods_overlap');
  }
  return problems;
}
