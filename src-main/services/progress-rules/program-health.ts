/**
 * Program health: the problems the seeds warn about, found early. One-sided support (the supported
 * student stays disengaged or does not belong while sessions go on, or never takes an active
 * role), mentor burnout risk, training about to expire, consent missing while still assigned.
 * Pure: facts in, flags out; every flag says what to do about it.
 */
import { dateOfDay, dayNumber } from './days';

export type HealthRule =
  | 'one_sided_low_ratings'
  | 'one_sided_no_initiation'
  | 'burnout_sessions'
  | 'burnout_workload_rising'
  | 'burnout_over_cap'
  | 'burnout_no_break'
  | 'training_expiring'
  | 'consent_missing';

export interface HealthFlag {
  rule: HealthRule;
  /** The record the flag is about, so the screen can link to it. */
  subject: { kind: 'accommodation' | 'mentor'; id: string };
  message: string;
  /** The next step, in one plain sentence. */
  action: string;
}

export interface HealthThresholds {
  /** A rating at or below this (1–5) counts as low. */
  lowRating: number;
  /** Sessions a week above which a mentor is at risk. */
  sessionsPerWeek: number;
  /** Weeks of continuous sessions without time off. */
  weeksWithoutBreak: number;
  expiringWithinDays: number;
}

export const DEFAULT_THRESHOLDS: HealthThresholds = { lowRating: 2, sessionsPerWeek: 8, weeksWithoutBreak: 10, expiringWithinDays: 30 };

export interface CheckInFacts {
  date: string;
  belonging: number | null;
  engagement: number | null;
  mentorWorkload: number | null;
}

export interface PairFacts {
  accommodationId: string;
  checkIns: readonly CheckInFacts[];
  /** Dates of sessions held. */
  heldSessions: readonly string[];
  /** Per observation of the supported student: intervals with a peer interaction they initiated, and intervals observed. */
  observations: readonly { date: string; initiated: number; observed: number }[];
}

const RECENT_CHECK_INS = 4;

/** Low belonging or engagement in at least three of the last four check-ins, while sessions continue. */
export function oneSidedSupportFlags(pair: PairFacts, thresholds: HealthThresholds = DEFAULT_THRESHOLDS): HealthFlag[] {
  const flags: HealthFlag[] = [];
  const subject = { kind: 'accommodation' as const, id: pair.accommodationId };
  const recent = [...pair.checkIns].sort((a, b) => a.date.localeCompare(b.date)).slice(-RECENT_CHECK_INS);
  const low = recent.filter(
    (checkIn) => (checkIn.belonging ?? 5) <= thresholds.lowRating || (checkIn.engagement ?? 5) <= thresholds.lowRating,
  );
  const from = recent[0]?.date;
  const sessionsGoOn = from !== undefined && pair.heldSessions.some((date) => date >= from);
  if (recent.length >= 3 && low.length >= 3 && sessionsGoOn) {
    flags.push({
      rule: 'one_sided_low_ratings',
      subject,
      message: `Belonging or engagement was low in ${low.length} of the last ${recent.length} check-ins while sessions went on.`,
      action: 'Meet with both students: change roles so the supported student leads a task, or try a different pairing.',
    });
  }
  const observed = pair.observations.filter((observation) => observation.observed > 0).slice(-3);
  if (observed.length >= 3 && observed.every((observation) => observation.initiated === 0)) {
    flags.push({
      rule: 'one_sided_no_initiation',
      subject,
      message: 'In the last 3 observations the supported student never started an interaction with a peer.',
      action: 'Coach the mentor to hold back and invite the student to start; give the student a role in the task.',
    });
  }
  return flags;
}

export interface MentorLoadFacts {
  mentorId: string;
  name: string;
  loadCap: number;
  activeAssignments: number;
  /** Dates of sessions the mentor took part in. */
  sessions: readonly string[];
  /** Workload ratings (1–5) from check-ins, any order. */
  workload: readonly { date: string; rating: number }[];
  timeOff: readonly { startDate: string; endDate: string }[];
  training: readonly { module: string; label: string; expiresOn: string | null }[];
  hasCurrentConsent: boolean;
}

function weekOf(date: string): number {
  // Weeks start on Monday: day 0 of the epoch was a Thursday.
  return Math.floor((dayNumber(date) + 3) / 7);
}

/** Monday and Sunday of a week number from weekOf. */
function weekSpan(week: number): { monday: string; sunday: string } {
  return { monday: dateOfDay(week * 7 - 3), sunday: dateOfDay(week * 7 + 3) };
}

export function mentorHealthFlags(mentor: MentorLoadFacts, today: string, thresholds: HealthThresholds = DEFAULT_THRESHOLDS): HealthFlag[] {
  const flags: HealthFlag[] = [];
  const subject = { kind: 'mentor' as const, id: mentor.mentorId };
  const lastWeek = weekOf(today) - 1;
  const perWeek = new Map<number, number>();
  for (const date of mentor.sessions) perWeek.set(weekOf(date), (perWeek.get(weekOf(date)) ?? 0) + 1);
  const recentLoad = perWeek.get(lastWeek) ?? 0;
  if (recentLoad > thresholds.sessionsPerWeek) {
    flags.push({
      rule: 'burnout_sessions',
      subject,
      message: `${mentor.name} had ${recentLoad} sessions last week (more than ${thresholds.sessionsPerWeek}).`,
      action: 'Share the load: move one accommodation to another mentor or rotate roles.',
    });
  }
  const ratings = [...mentor.workload].sort((a, b) => a.date.localeCompare(b.date)).slice(-3);
  if (
    ratings.length === 3 &&
    ratings[0] &&
    ratings[1] &&
    ratings[2] &&
    ratings[0].rating < ratings[1].rating &&
    ratings[1].rating < ratings[2].rating &&
    ratings[2].rating >= 4
  ) {
    flags.push({
      rule: 'burnout_workload_rising',
      subject,
      message: `${mentor.name}'s workload ratings rose in the last three check-ins (now ${ratings[2].rating} of 5).`,
      action: 'Check in with the mentor alone; offer a week off or fewer sessions.',
    });
  }
  if (mentor.activeAssignments > mentor.loadCap) {
    flags.push({
      rule: 'burnout_over_cap',
      subject,
      message: `${mentor.name} supports ${mentor.activeAssignments} peers, more than their limit of ${mentor.loadCap}.`,
      action: 'End or move an assignment, or raise the limit if the mentor agrees.',
    });
  }
  let streak = 0;
  for (let week = lastWeek; (perWeek.get(week) ?? 0) > 0; week -= 1) {
    const { monday, sunday } = weekSpan(week);
    const rested = mentor.timeOff.some((off) => off.startDate <= sunday && off.endDate >= monday);
    if (rested) break;
    streak += 1;
  }
  if (streak >= thresholds.weeksWithoutBreak) {
    flags.push({
      rule: 'burnout_no_break',
      subject,
      message: `${mentor.name} has had sessions every week for ${streak} weeks without time off.`,
      action: 'Plan a week off for the mentor and cover their sessions.',
    });
  }
  for (const record of mentor.training) {
    if (!record.expiresOn) continue;
    const days = dayNumber(record.expiresOn) - dayNumber(today);
    if (days >= 0 && days <= thresholds.expiringWithinDays) {
      flags.push({
        rule: 'training_expiring',
        subject,
        message: `${mentor.name}'s training "${record.label}" expires on ${record.expiresOn}.`,
        action: 'Schedule a refresher before it expires, or the mentor cannot take new assignments.',
      });
    }
  }
  if (!mentor.hasCurrentConsent && mentor.activeAssignments > 0) {
    flags.push({
      rule: 'consent_missing',
      subject,
      message: `${mentor.name} has no current consent but is still assigned.`,
      action: 'Get consent renewed, or end the assignments today.',
    });
  }
  return flags;
}
