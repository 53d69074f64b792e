/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) — the one copy the services, the demo generator and
 * the renderer share. Whole UTC days, so no time zone ever shifts a date; the day arithmetic is
 * integer-only (Howard Hinnant's days_from_civil), fast enough for the demo's millions of calls.
 * The school week is Monday to Friday; holidays are not known here.
 *
 * It lives in the contract because the renderer may import nothing else from src-main; like the
 * rest of the contract it imports only its own files (and no zod), and needs no DOM or Node types.
 */
import type { Day } from './common';

/** Days since 1970-01-01 (a Thursday). */
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
export function dateOfDay(days: number): string {
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
  return dateOfDay(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The same day `months` later; a day the month lacks runs over (31 January + 1 month is 3 March, or 2 in a leap year). */
export function addMonths(date: string, months: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCMonth(value.getUTCMonth() + months);
  return value.toISOString().slice(0, 10);
}

/** The same day `years` later; 29 February becomes 1 March in a year without it. */
export function addYears(date: string, years: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCFullYear(value.getUTCFullYear() + years);
  return value.toISOString().slice(0, 10);
}

/** A YYYY-MM-DD date that exists (not 2026-02-30). */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && dateOfDay(dayNumber(text)) === text;
}

/** 0 Sunday … 6 Saturday. */
export function weekday(date: string): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

const SCHOOL_DAYS: readonly (Day | null)[] = [null, 'mon', 'tue', 'wed', 'thu', 'fri', null];

/** 'mon' … 'fri', or null on a weekend. */
export function schoolDayOf(date: string): Day | null {
  return SCHOOL_DAYS[weekday(date)] ?? null;
}

export function isSchoolDay(date: string): boolean {
  return schoolDayOf(date) !== null;
}

/** The day itself on a school day; on a weekend the Friday before (sessions are logged Monday to Friday). */
export function latestSchoolDay(date: string): string {
  const day = weekday(date);
  return day === 6 ? addDays(date, -1) : day === 0 ? addDays(date, -2) : date;
}

/** The Monday of the week `date` falls in (a Saturday or Sunday belongs to the week before it). */
export function mondayOf(date: string): string {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** Monday to Friday of the week `date` falls in. */
export function schoolWeek(date: string): string[] {
  const monday = mondayOf(date);
  return [0, 1, 2, 3, 4].map((offset) => addDays(monday, offset));
}
