/**
 * The demo generator's own calendar helpers (school years, quarters, instants), on top of the shared
 * arithmetic in contract/calendar.ts. No clock: every date is derived from inputs.
 */
import { addDays, addYears, weekday } from '../../contract/calendar';

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
