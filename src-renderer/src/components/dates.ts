/**
 * Calendar dates as the contract speaks them (YYYY-MM-DD, no time zone): today on this computer's
 * calendar and a readable form for the screen. Date arithmetic is in src-main/contract/calendar.ts,
 * one copy for the services and the renderer.
 */
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../src-main/contract/calendar';

/** Today on the teacher's own calendar, not UTC's (which is already tomorrow on a late evening in California). */
export function todayIso(now = new Date()): string {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())).toISOString().slice(0, 10);
}

/** "Nov 26, 2026" in the UI's language; the date is read as a calendar day, never shifted by time zone. */
export function useDateFormat(): (iso: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  return (iso) => (isIsoDate(iso) ? format.format(new Date(`${iso}T00:00:00Z`)) : iso);
}
