/**
 * Program health: the problems the seeds warn about, found early. One-sided support (the supported
 * student stays disengaged or does not belong while sessions go on, or never takes an active
 * role), mentor burnout risk, training about to expire, consent missing while still assigned, and
 * annual reviews or re-evaluations coming due. Pure: facts in, flags out; every flag says what to
 * do about it, and carries the numbers it quotes so a screen can word it in its own language.
 */
import type { HealthFacts, HealthKind, HealthRule } from '../../contract';
import { dateOfDay, dayNumber } from '../../contract/calendar';

export type { HealthRule };

export interface HealthFlag {
  rule: HealthRule;
  /** The record the flag is about, so the screen can link to it. */
  subject: { kind: 'accommodation' | 'mentor' | 'plan'; id: string };
  severity: 'urgent' | 'warning';
  /** The numbers and dates `message` quotes (a training module by its id, as the mentor record has it). */
  facts: Omit<HealthFacts, 'module'> & { module?: string };
  message: string;
  /** The next step, in one plain sentence. */
  action: string;
}

/** Which group of the program-health list each rule belongs to. */
export const HEALTH_KIND_OF: Readonly<Record<HealthRule, HealthKind>> = {
  one_sided_low_ratings: 'one_sided',
  one_sided_no_initiation: 'one_sided',
  burnout_sessions: 'burnout',
  burnout_workload_rising: 'burnout',
  burnout_over_cap: 'burnout',
  burnout_no_break: 'burnout',
  training_expiring: 'training',
  consent_missing: 'consent',
  annual_review_due: 'reviews',
  reevaluation_due: 'reviews',
};

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
  /**
   * Per observation of the supported student: intervals where they started an interaction with a
   * peer, and intervals with a mark for it (a missed cue is not observed). Any order.
   */
  observations: readonly { date: string; initiated: number; observed: number }[];
}

const RECENT_CHECK_INS = 4;
const RECENT_OBSERVATIONS = 3;

/** Low belonging or engagement in at least three of the last four check-ins, while sessions continue. */
export function oneSidedSupportFlags(pair: PairFacts, thresholds: HealthThresholds = DEFAULT_THRESHOLDS): HealthFlag[] {
  const flags: HealthFlag[] = [];
  const subject = { kind: 'accommodation' as const, id: pair.accommodationId };
  // A check-in held only with the mentor says nothing about the supported student.
  const recent = pair.checkIns
    .filter((checkIn) => checkIn.belonging !== null || checkIn.engagement !== null)
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(-RECENT_CHECK_INS);
  const low = recent.filter(
    (checkIn) => (checkIn.belonging ?? 5) <= thresholds.lowRating || (checkIn.engagement ?? 5) <= thresholds.lowRating,
  );
  const from = recent[0]?.date;
  const sessionsGoOn = from !== undefined && pair.heldSessions.some((date) => date >= from);
  if (recent.length >= 3 && low.length >= 3 && sessionsGoOn) {
    flags.push({
      rule: 'one_sided_low_ratings',
      subject,
      severity: 'warning',
      facts: { count: low.length, of: recent.length },
      message: `Belonging or engagement was low in ${low.length} of the last ${recent.length} check-ins while sessions went on.`,
      action: 'Meet with both students: change roles so the supported student leads a task, or try a different pairing.',
    });
  }
  const observed = [...pair.observations]
    .filter((observation) => observation.observed > 0)
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(-RECENT_OBSERVATIONS);
  if (observed.length >= RECENT_OBSERVATIONS && observed.every((observation) => observation.initiated === 0)) {
    flags.push({
      rule: 'one_sided_no_initiation',
      subject,
      severity: 'warning',
      facts: { count: observed.length },
      message: `In the last ${observed.length} observations the supported student never started an interaction with a peer.`,
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
  /** The school's breaks of three school days or more (Thanksgiving, winter, spring): a rest like time off. */
  schoolBreaks?: readonly { from: string; to: string }[];
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
  // Counted per date first: a mentor's sessions share few dates, and turning a date into a week is the costly part.
  const perDate = new Map<string, number>();
  for (const date of mentor.sessions) perDate.set(date, (perDate.get(date) ?? 0) + 1);
  for (const [date, count] of perDate) perWeek.set(weekOf(date), (perWeek.get(weekOf(date)) ?? 0) + count);
  const recentLoad = perWeek.get(lastWeek) ?? 0;
  if (recentLoad > thresholds.sessionsPerWeek) {
    flags.push({
      rule: 'burnout_sessions',
      subject,
      severity: 'warning',
      facts: { count: recentLoad, limit: thresholds.sessionsPerWeek },
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
      severity: 'warning',
      facts: { rating: ratings[2].rating },
      message: `${mentor.name}'s workload ratings rose in the last three check-ins (now ${ratings[2].rating} of 5).`,
      action: 'Check in with the mentor alone; offer a week off or fewer sessions.',
    });
  }
  if (mentor.activeAssignments > mentor.loadCap) {
    flags.push({
      rule: 'burnout_over_cap',
      subject,
      severity: 'warning',
      facts: { count: mentor.activeAssignments, limit: mentor.loadCap },
      message: `${mentor.name} supports ${mentor.activeAssignments} peers, more than their limit of ${mentor.loadCap}.`,
      action: 'End or move an assignment, or raise the limit if the mentor agrees.',
    });
  }
  let streak = 0;
  for (let week = lastWeek; (perWeek.get(week) ?? 0) > 0; week -= 1) {
    const { monday, sunday } = weekSpan(week);
    const rested =
      mentor.timeOff.some((off) => off.startDate <= sunday && off.endDate >= monday) ||
      (mentor.schoolBreaks ?? []).some((pause) => pause.from <= sunday && pause.to >= monday);
    if (rested) break;
    streak += 1;
  }
  if (streak >= thresholds.weeksWithoutBreak) {
    flags.push({
      rule: 'burnout_no_break',
      subject,
      severity: 'warning',
      facts: { weeks: streak },
      message: `${mentor.name} has had sessions every week for at least ${streak} weeks without time off or a school break.`,
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
        severity: 'warning',
        facts: { module: record.module, date: record.expiresOn, days },
        message: `${mentor.name}'s training "${record.label}" expires on ${record.expiresOn}.`,
        action: 'Schedule a refresher before it expires, or the mentor cannot take new assignments.',
      });
    }
  }
  if (!mentor.hasCurrentConsent && mentor.activeAssignments > 0) {
    flags.push({
      rule: 'consent_missing',
      subject,
      severity: 'urgent',
      facts: {},
      message: `${mentor.name} has no current consent but is still assigned.`,
      action: 'Get consent renewed, or end the assignments today.',
    });
  }
  return flags;
}

/**
 * Consent is current on `today` when it was given by then and not withdrawn since it was given (a
 * withdrawal dated before consent was given again does not count). The same reading as the
 * assignment rules, so a flag and a refusal never disagree.
 */
export function consentIsCurrent(givenOn: string | null, withdrawnOn: string | null, today: string): boolean {
  if (givenOn === null || givenOn > today) return false;
  return withdrawnOn === null || withdrawnOn < givenOn;
}

export interface ReviewDue {
  kind: 'annual_review' | 'reevaluation';
  due: string;
  severity: 'due_soon' | 'overdue';
}

/** A plan's review warnings (plan-rules' dueWarnings) as health flags: an overdue review is urgent. */
export function reviewFlags(planId: string, warnings: readonly ReviewDue[], today: string): HealthFlag[] {
  return warnings.map((warning) => {
    const days = dayNumber(warning.due) - dayNumber(today);
    const label = warning.kind === 'annual_review' ? 'annual review' : 're-evaluation';
    return {
      rule: warning.kind === 'annual_review' ? 'annual_review_due' : 'reevaluation_due',
      subject: { kind: 'plan', id: planId },
      severity: warning.severity === 'overdue' ? 'urgent' : 'warning',
      facts: { date: warning.due, days },
      message:
        warning.severity === 'overdue'
          ? `The ${label} was due on ${warning.due} (${-days} days ago).`
          : `The ${label} is due on ${warning.due} (in ${days} days).`,
      action:
        warning.kind === 'annual_review'
          ? 'Schedule the team meeting and send the parents written notice of it.'
          : 'Ask the parents for consent to re-evaluate and plan the assessments.',
    };
  });
}
