/**
 * Fidelity of implementation: sessions and minutes planned (from the accommodation's frequency)
 * against those delivered, over a date range. Pure: plain data in, plain data out.
 *
 * Planned sessions: `sessionsPerWeek` for each Monday–Friday week, prorated by school days when only
 * part of a week falls in the range, in the accommodation's own dates or in the school's calendar (a
 * week entered on its Wednesday counts 3/5 of the week; a week with a two-day holiday counts 3/5; a
 * week of winter break plans nothing). Without a calendar for the school every Monday–Friday counts.
 * Delivered: held sessions and their minutes.
 */
import type { Fidelity, MissReason } from '../../contract';
import { MISS_REASONS } from '../../contract';
import { type SchoolCalendar, schoolDaysBetween } from '../../contract/school-year';
import { mondayOf, overlap, schoolDayOf } from './school-days';

export interface FidelityPlan {
  sessionsPerWeek: number;
  minutesPerSession: number;
  startDate: string;
  endDate: string;
}

export interface FidelitySession {
  date: string;
  status: 'held' | 'missed';
  minutes: number;
  missReason: MissReason | null;
}

export const NO_MISSES: Record<MissReason, number> = { student_absent: 0, mentor_absent: 0, schedule_change: 0, other: 0 };

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}

/** `calendars`: the school's calendars (services/calendar/lookup.ts); [] or null plans every Monday–Friday. */
export function fidelityOf(
  plan: FidelityPlan,
  sessions: readonly FidelitySession[],
  range: { from: string; to: string },
  calendars: readonly SchoolCalendar[] | null = null,
): Fidelity {
  const span = overlap(range, { from: plan.startDate, to: plan.endDate });
  const missesByReason = { ...NO_MISSES };
  const perDay = plan.sessionsPerWeek / 5;
  const weeks = new Map<string, { schoolDays: number; held: number; delivered: number }>();
  for (const day of span ? schoolDaysBetween(calendars, span.from, span.to) : []) {
    const week = weeks.get(mondayOf(day)) ?? { schoolDays: 0, held: 0, delivered: 0 };
    week.schoolDays += 1;
    weeks.set(mondayOf(day), week);
  }
  let held = 0;
  let delivered = 0;
  let missed = 0;
  // Planned sessions follow the span the accommodation was in force; held and missed ones count on
  // any school day of the asked range, so a session is never lost to a boundary day.
  for (const session of sessions) {
    if (session.date < range.from || session.date > range.to || !schoolDayOf(session.date)) continue;
    if (session.status === 'held') {
      held += 1;
      delivered += session.minutes;
      const key = mondayOf(session.date);
      const week = weeks.get(key) ?? { schoolDays: 0, held: 0, delivered: 0 };
      week.held += 1;
      week.delivered += session.minutes;
      weeks.set(key, week);
    } else {
      missed += 1;
      missesByReason[session.missReason ?? 'other'] += 1;
    }
  }
  const schoolDays = [...weeks.values()].reduce((sum, week) => sum + week.schoolDays, 0);
  const planned = schoolDays * perDay;
  const plannedMinutes = Math.round(planned * plan.minutesPerSession);
  return {
    from: span?.from ?? null,
    to: span?.to ?? null,
    plannedSessions: round(planned, 1),
    plannedMinutes,
    heldSessions: held,
    deliveredMinutes: delivered,
    missedSessions: missed,
    sessionsPercent: percentOf(held, planned),
    minutesPercent: percentOf(delivered, planned * plan.minutesPerSession),
    missesByReason,
    weeks: [...weeks.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([weekStart, week]) => ({
        weekStart,
        schoolDays: week.schoolDays,
        plannedSessions: round(week.schoolDays * perDay, 1),
        heldSessions: week.held,
        plannedMinutes: round(week.schoolDays * perDay * plan.minutesPerSession, 1),
        deliveredMinutes: week.delivered,
      })),
  };
}

/** Adds several accommodations' fidelity into one (weeks left out: they differ per accommodation). */
export function totalFidelity(parts: readonly Fidelity[], range: { from: string; to: string }): Fidelity {
  const missesByReason = { ...NO_MISSES };
  let planned = 0;
  let plannedMinutes = 0;
  let held = 0;
  let delivered = 0;
  let missed = 0;
  for (const part of parts) {
    planned += part.plannedSessions;
    plannedMinutes += part.plannedMinutes;
    held += part.heldSessions;
    delivered += part.deliveredMinutes;
    missed += part.missedSessions;
    for (const reason of MISS_REASONS) missesByReason[reason] += part.missesByReason[reason];
  }
  return {
    from: parts.length ? range.from : null,
    to: parts.length ? range.to : null,
    plannedSessions: round(planned, 1),
    plannedMinutes,
    heldSessions: held,
    deliveredMinutes: delivered,
    missedSessions: missed,
    sessionsPercent: percentOf(held, planned),
    minutesPercent: percentOf(delivered, plannedMinutes),
    missesByReason,
    weeks: [],
  };
}
