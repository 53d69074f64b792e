/** Calendar arithmetic on ISO dates (YYYY-MM-DD, UTC) for the demo generator. No clock: every date is derived from inputs. */

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil): integer arithmetic, no Date objects, fast enough for millions of calls. */
export function dayNumber(date: string): number {
  let year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (month <= 2) year -= 1;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The inverse of `dayNumber` (civil_from_days). */
export function fromDayNumber(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

export function daysFrom(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The same day `years` later (29 February becomes 1 March). */
export function addYears(date: string, years: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCFullYear(value.getUTCFullYear() + years);
  return value.toISOString().slice(0, 10);
}

/** The plan year's last day: one year after the start, less a day. */
export function oneYearLess1Day(start: string): string {
  return addDays(addYears(start, 1), -1);
}

/** 0 Sunday … 6 Saturday. */
export function weekday(date: string): number {
  return (dayNumber(date) + 4) % 7;
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
 * after): IEP progress reports go home with report cards (34 CFR 300.320(a)(3)).
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
