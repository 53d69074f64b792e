/**
 * Program health: the problems the seeds warn about, found early. Service not delivered (a running
 * peer support with no mentor, or with a mentor but no session for a while, and seats left open for
 * matching), one-sided support (the supported student stays disengaged or does not belong while
 * sessions go on, or never takes an active role), mentor burnout risk, training about to expire,
 * consent missing while still assigned, annual reviews or re-evaluations coming due, and reporting
 * periods that ended without a finalized progress report. Pure: facts in, flags out; every flag says what to
 * do about it, and carries the numbers it quotes so a screen can word it in its own language.
 */
import type { HealthFacts, HealthKind, HealthRule } from '../../contract';
import { addDays, dateOfDay, dayNumber } from '../../contract/calendar';

export type { HealthRule };

export interface HealthFlag {
  rule: HealthRule;
  /** The record the flag is about, so the screen can link to it. */
  subject: { kind: 'accommodation' | 'mentor' | 'plan' | 'school'; id: string };
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
  no_mentor: 'service',
  no_sessions: 'service',
  seats_open: 'service',
  period_not_finalized: 'progress_reports',
};

export interface HealthThresholds {
  /** A rating at or below this (1–5) counts as low. */
  lowRating: number;
  /** Sessions a week above which a mentor is at risk. */
  sessionsPerWeek: number;
  /** Weeks of continuous sessions without time off. */
  weeksWithoutBreak: number;
  expiringWithinDays: number;
  /** School days without a held session after which a support with a mentor is flagged (and no longer counts as delivered). */
  schoolDaysWithoutSession: number;
  /** Days after a reporting period ends before its unfinalized progress report becomes urgent. */
  reportGraceDays: number;
}

export const DEFAULT_THRESHOLDS: HealthThresholds = {
  lowRating: 2,
  sessionsPerWeek: 8,
  weeksWithoutBreak: 10,
  expiringWithinDays: 30,
  schoolDaysWithoutSession: 10,
  reportGraceDays: 14,
};

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

/** School days from `from` to `to`, both included (the school's calendar; with none, Monday to Friday). */
export type SchoolDayCount = (from: string, to: string) => number;

/** What the service rules need about one peer support of an active plan that runs today. */
export interface SupportServiceFacts {
  accommodationId: string;
  startDate: string;
  /** Mentors whose assignment runs today. */
  mentorsNow: number;
  /** The start of the earliest assignment running today; null when none runs. */
  mentorSince: string | null;
  /** The day the last assignment of the support (any version) stopped running; null when it never had one. */
  lastMentorEnded: string | null;
  /** The last session held on or before today (any version); null when none. */
  lastHeld: string | null;
}

/**
 * Since when the support has lacked service, and for how many school days up to yesterday (today's
 * session may not be logged yet). Without a mentor: since the last mentor stopped, or the support
 * started. With one: since the last session held (the days after it count), or else since the
 * support and its present mentor were both in place.
 */
export function serviceGap(support: SupportServiceFacts, today: string, schoolDays: SchoolDayCount): { since: string; days: number } {
  const yesterday = addDays(today, -1);
  const count = (from: string) => (from > yesterday ? 0 : schoolDays(from, yesterday));
  if (support.mentorsNow === 0) {
    const since = laterOf(support.startDate, support.lastMentorEnded);
    return { since, days: count(since) };
  }
  if (support.lastHeld !== null) return { since: support.lastHeld, days: count(addDays(support.lastHeld, 1)) };
  const since = laterOf(support.startDate, support.mentorSince);
  return { since, days: count(since) };
}

/** A support counts as delivered when a session was held within the no-session span. */
export function supportDelivered(
  support: SupportServiceFacts,
  today: string,
  schoolDays: SchoolDayCount,
  thresholds: HealthThresholds = DEFAULT_THRESHOLDS,
): boolean {
  return (
    support.lastHeld !== null && serviceGap({ ...support, mentorsNow: 1 }, today, schoolDays).days < thresholds.schoolDaysWithoutSession
  );
}

/**
 * A running support with no mentor now (urgent once it has lasted the no-session span: the plan
 * promises a service nobody gives), or with a mentor but no session held for that many school days.
 */
export function serviceFlags(
  support: SupportServiceFacts,
  today: string,
  schoolDays: SchoolDayCount,
  thresholds: HealthThresholds = DEFAULT_THRESHOLDS,
): HealthFlag[] {
  const subject = { kind: 'accommodation' as const, id: support.accommodationId };
  const gap = serviceGap(support, today, schoolDays);
  const span = thresholds.schoolDaysWithoutSession;
  if (support.mentorsNow === 0) {
    return [
      {
        rule: 'no_mentor',
        subject,
        severity: gap.days >= span ? 'urgent' : 'warning',
        facts: { since: gap.since, schoolDays: gap.days },
        message: `No mentor has been assigned to this peer support since ${gap.since} (${gap.days} school days).`,
        action: 'Assign a trained mentor: open Matching, or pick one on the support.',
      },
    ];
  }
  if (gap.days < span) return [];
  return [
    {
      rule: 'no_sessions',
      subject,
      severity: 'warning',
      facts: { since: gap.since, schoolDays: gap.days, limit: span },
      message:
        support.lastHeld === null
          ? `No session has been held since ${gap.since} (${gap.days} school days), though a mentor is assigned.`
          : `No session has been held in the ${gap.days} school days since the last one, on ${gap.since}.`,
      action: 'Ask the mentor and the teacher what stops the sessions, then log them or change the schedule.',
    },
  ];
}

/** One flag for a school's seats that still need a mentor, counted as Matching counts them. */
export function seatsOpenFlags(school: string, openSeats: number): HealthFlag[] {
  if (openSeats <= 0) return [];
  return [
    {
      rule: 'seats_open',
      subject: { kind: 'school', id: school },
      severity: 'warning',
      facts: { count: openSeats, school },
      message: `${openSeats} ${openSeats === 1 ? 'seat' : 'seats'} of peer support at ${school} still ${openSeats === 1 ? 'needs' : 'need'} a mentor.`,
      action: 'Open Matching to find a mentor for each open seat.',
    },
  ];
}

export interface ReportingPeriodFacts {
  label: string;
  endsOn: string;
  /** Goals of the plan that have this period. */
  goals: number;
  /** Of those, goals whose mark for it is finalized. */
  finalized: number;
}

/** Each reporting period of an active plan that ended before today with a goal's progress report not finalized. */
export function periodFlags(
  planId: string,
  periods: readonly ReportingPeriodFacts[],
  today: string,
  thresholds: HealthThresholds = DEFAULT_THRESHOLDS,
): HealthFlag[] {
  return periods
    .filter((period) => period.endsOn < today && period.finalized < period.goals)
    .map((period) => {
      const days = dayNumber(period.endsOn) - dayNumber(today);
      return {
        rule: 'period_not_finalized' as const,
        subject: { kind: 'plan' as const, id: planId },
        severity: -days > thresholds.reportGraceDays ? ('urgent' as const) : ('warning' as const),
        facts: { period: period.label, date: period.endsOn, days, count: period.goals - period.finalized, of: period.goals },
        message: `${period.label} ended on ${period.endsOn}; the progress report is not finalized (${period.goals - period.finalized} of ${period.goals} goals).`,
        action: `Finalize the progress report for ${period.label} and send it to the parents.`,
      };
    });
}

function laterOf(date: string, other: string | null): string {
  return other !== null && other > date ? other : date;
}
