/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) for the school week, Monday to Friday. Pure, in UTC
 * so a date never shifts with the machine's time zone. Holidays are not known here.
 */
import type { Day } from '../../contract';

const DAY_MS = 86_400_000;
const WEEKDAYS: readonly (Day | null)[] = [null, 'mon', 'tue', 'wed', 'thu', 'fri', null];

function toTime(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  return new Date(toTime(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 'mon' … 'fri', or null on a weekend. */
export function schoolDayOf(date: string): Day | null {
  return WEEKDAYS[new Date(toTime(date)).getUTCDay()] ?? null;
}

/** The Monday of the week `date` falls in (a Saturday or Sunday belongs to the week before it). */
export function mondayOf(date: string): string {
  const weekday = new Date(toTime(date)).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** Monday to Friday of the week `date` falls in. */
export function schoolWeek(date: string): string[] {
  const monday = mondayOf(date);
  return [0, 1, 2, 3, 4].map((offset) => addDays(monday, offset));
}

/** Every school day from `from` to `to`, both included; empty when `to` is before `from`. */
export function schoolDaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) if (schoolDayOf(date)) days.push(date);
  return days;
}

/** The overlap of two date ranges, or null when they do not meet. */
export function overlap(a: { from: string; to: string }, b: { from: string; to: string }): { from: string; to: string } | null {
  // ISO dates compare as text; Math.max/min would turn them into NaN.
  const [, from = a.from] = [a.from, b.from].sort();
  const [to = a.to] = [a.to, b.to].sort();
  return from <= to ? { from, to } : null;
}
