/**
 * The school week on the teacher's calendar, in ISO dates: sessions are logged Monday to Friday, so a
 * Saturday or Sunday belongs to the week before it and "today" for a session is the Friday before.
 * The services count the same way (services/progress/school-days.ts, session-views.ts).
 */
import { addDays } from '../../components/dates';

function weekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

export function isSchoolDay(iso: string): boolean {
  const day = weekday(iso);
  return day !== 0 && day !== 6;
}

/** The day itself on a school day; on a weekend the Friday before. */
export function latestSchoolDay(iso: string): string {
  let day = iso;
  while (!isSchoolDay(day)) day = addDays(day, -1);
  return day;
}

/** The Monday of the school week `iso` falls in (a weekend belongs to the week before it). */
export function mondayOf(iso: string): string {
  return addDays(iso, -((weekday(iso) + 6) % 7));
}
