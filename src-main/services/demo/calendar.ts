/**
 * The demo generator's own calendar helpers (school years, quarters, instants), on top of the shared
 * arithmetic in contract/calendar.ts. No clock: every date is derived from inputs.
 */
import { addDays, addYears, weekday } from '../../contract/calendar';
import type { SchoolCalendar } from '../../contract/school-year';

/** The plan year's last day: one year after the start, less a day. */
export function oneYearLess1Day(start: string): string {
  return addDays(addYears(start, 1), -1);
}

/** The date itself on a school day, else the Monday after. */
export function schoolDayOnOrAfter(date: string): string {
  const day = weekday(date);
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}

/** The earliest of ISO dates (they compare as strings). */
export function minDate(first: string, ...rest: string[]): string {
  let earliest = first;
  for (const date of rest) if (date < earliest) earliest = date;
  return earliest;
}

export function maxDate(first: string, ...rest: string[]): string {
  let latest = first;
  for (const date of rest) if (date > latest) latest = date;
  return latest;
}

/** An ISO instant on `date` at `minutes` after midnight UTC. */
export function instant(date: string, minutes: number): string {
  const hh = String(Math.floor(minutes / 60) % 24).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${date}T${hh}:${mm}:00.000Z`;
}

/** "2026–27" for a school year that starts on `start`. */
export function schoolYearLabel(start: string): string {
  const year = Number(start.slice(0, 4));
  return `${year}–${String((year + 1) % 100).padStart(2, '0')}`;
}

/** Quarter ends, in days after the first day of school (early November, late January, early April, mid June for a 1 September start). */
const QUARTER_END_OFFSETS = [65, 149, 219, 287];

export interface ReportingPeriod {
  label: string;
  endsOn: string;
}

/**
 * Report-card quarters of the school years around `yearStart` (the one before, that one, the one
 * after): IEP progress marks go home with report cards (34 CFR 300.320(a)(3)).
 */
export function quartersAround(yearStart: string): ReportingPeriod[] {
  const quarters: ReportingPeriod[] = [];
  for (const shift of [-364, 0, 364]) {
    const start = addDays(yearStart, shift);
    const label = schoolYearLabel(start);
    QUARTER_END_OFFSETS.forEach((offset, index) => {
      quarters.push({ label: `Q${index + 1} ${label}`, endsOn: addDays(start, offset) });
    });
  }
  return quarters;
}

/** The Monday of the week `date` falls in. */
function mondayOn(date: string): string {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** Thanksgiving (US): the fourth Thursday of November of `year`. */
function thanksgiving(year: number): string {
  const first = `${year}-11-01`;
  return addDays(first, ((4 - weekday(first) + 7) % 7) + 21);
}

/**
 * The demo school's calendar for the school year that starts on `yearStart` (and the years either
 * side, as `quartersAround`): Thanksgiving (Wednesday to Friday), two weeks of winter break, a week
 * of spring break, and the four report-card quarters, the last ending on the last day of school.
 */
export function demoCalendarsAround(yearStart: string): Omit<SchoolCalendar, 'id' | 'school'>[] {
  return [-364, 0, 364].map((shift) => {
    const firstDay = schoolDayOnOrAfter(addDays(yearStart, shift));
    const startYear = Number(firstDay.slice(0, 4)) - (Number(firstDay.slice(5, 7)) < 7 ? 1 : 0);
    const ends = QUARTER_END_OFFSETS.map((offset) => addDays(firstDay, offset));
    const lastDay = ends.at(-1) ?? firstDay;
    const turkey = thanksgiving(startYear);
    const winter = mondayOn(`${startYear}-12-22`);
    const spring = mondayOn(addDays(firstDay, 203));
    const breaks = [
      { name: 'Thanksgiving break', from: addDays(turkey, -1), to: addDays(turkey, 1) },
      { name: 'Winter break', from: winter, to: addDays(winter, 11) },
      { name: 'Spring break', from: spring, to: addDays(spring, 4) },
    ].filter((pause) => pause.from > firstDay && pause.to < lastDay);
    const label = schoolYearLabel(firstDay);
    return {
      year: `${startYear}-${startYear + 1}`,
      firstDay,
      lastDay,
      breaks,
      reportingPeriods: ends.map((endsOn, index) => ({
        label: `Q${index + 1} ${label}`,
        startsOn: index === 0 ? firstDay : addDays(ends[index - 1] ?? firstDay, 1),
        endsOn,
      })),
    };
  });
}
