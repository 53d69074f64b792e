/**
 * The school week for the services, Monday to Friday, on top of the shared calendar
 * (contract/calendar.ts): the answers per date are kept, since fidelity asks the same few weeks for
 * every accommodation of a school. Holidays are not known here.
 */
import type { Day } from '../../contract';
import { dateOfDay, dayNumber, mondayOf as mondayOfDate, schoolDayOf as schoolDayOfDate } from '../../contract/calendar';

/**
 * Answers per date, kept: fidelity asks the same few weeks of dates for every accommodation of a
 * school, and parsing a date each time cost more than the counting. Bounded, so it never grows.
 */
function remembered<T>(compute: (date: string) => T): (date: string) => T {
  const known = new Map<string, T>();
  return (date) => {
    const hit = known.get(date);
    if (hit !== undefined) return hit;
    const value = compute(date);
    if (known.size >= 10_000) known.clear();
    known.set(date, value);
    return value;
  };
}

/** 'mon' … 'fri', or null on a weekend. */
export const schoolDayOf: (date: string) => Day | null = remembered(schoolDayOfDate);

/** The Monday of the week `date` falls in (a Saturday or Sunday belongs to the week before it). */
export const mondayOf: (date: string) => string = remembered(mondayOfDate);

/** Dates by day number, kept like the answers above (the same few weeks are asked again and again). */
const dateOf: (day: number) => string = (() => {
  const known = new Map<number, string>();
  return (day: number) => {
    let date = known.get(day);
    if (date === undefined) {
      date = dateOfDay(day);
      if (known.size >= 10_000) known.clear();
      known.set(day, date);
    }
    return date;
  };
})();

/** Every school day from `from` to `to`, both included; empty when `to` is before `from`. */
export function schoolDaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  // Day 0 (1970-01-01) was a Thursday, so weekday 1–5 is Monday–Friday.
  for (let day = dayNumber(from), last = dayNumber(to); day <= last; day += 1) {
    const weekday = (((day + 4) % 7) + 7) % 7;
    if (weekday >= 1 && weekday <= 5) days.push(dateOf(day));
  }
  return days;
}

/** The overlap of two date ranges, or null when they do not meet. */
export function overlap(a: { from: string; to: string }, b: { from: string; to: string }): { from: string; to: string } | null {
  // ISO dates compare as text; Math.max/min would turn them into NaN.
  const [, from = a.from] = [a.from, b.from].sort();
  const [to = a.to] = [a.to, b.to].sort();
  return from <= to ? { from, to } : null;
}
