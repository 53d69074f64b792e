/**
 * Calendar dates as the contract speaks them (YYYY-MM-DD, no time zone): today on this computer's
 * calendar, date arithmetic for sensible defaults, and a readable form for the screen.
 */
import { useTranslation } from 'react-i18next';

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function fromIso(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** Today on the teacher's own calendar, not UTC's (which is already tomorrow on a late evening in California). */
export function todayIso(now = new Date()): string {
  return toIso(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

export function addDays(iso: string, days: number): string {
  const date = fromIso(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return toIso(date);
}

/** Same day N years later; 29 February becomes 1 March in a year without it. */
export function addYears(iso: string, years: number): string {
  const date = fromIso(iso);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return toIso(date);
}

export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(fromIso(text).getTime()) && toIso(fromIso(text)) === text;
}

/** "Nov 26, 2026" in the UI's language; the date is read as a calendar day, never shifted by time zone. */
export function useDateFormat(): (iso: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  return (iso) => (isIsoDate(iso) ? format.format(fromIso(iso)) : iso);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((fromIso(to).getTime() - fromIso(from).getTime()) / 86_400_000);
}
