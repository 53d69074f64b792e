/**
 * What makes a session, a progress point or a check-in make sense, in plain words. Pure: the
 * services gather the facts (the accommodation, its plan, the goal, today) and refuse what these
 * functions find. Messages name the rule and the allowed values, never the value that was typed.
 */
import type { Measurement, MissReason, SessionStatus } from '../../contract';
import { valueRange } from '../plans/plan-rules';
import { schoolDayOf } from './school-days';

export interface DatedRange {
  startDate: string;
  endDate: string;
}

const MEASURED_AS: Record<Measurement, string> = {
  percent: 'a percent',
  intervals: 'a percent of intervals',
  rubric: 'a rubric level',
  trials: 'a number of correct trials',
  frequency: 'a count',
  duration: 'a duration in minutes',
};

/** Is `value` a measurement this goal can have? */
export function valueProblem(goal: { measurement: Measurement; scaleMax: number | null }, value: number): string | null {
  const range = valueRange(goal.measurement, goal.scaleMax) ?? { min: 0, max: Number.POSITIVE_INFINITY };
  const upper = Number.isFinite(range.max) ? ` to ${range.max}` : ' or more';
  if (value < range.min || value > range.max) {
    return `This goal is measured as ${MEASURED_AS[goal.measurement]}: use ${range.min}${upper}.`;
  }
  if (goal.measurement === 'trials' && !Number.isInteger(value)) return 'Correct trials are a whole number.';
  return null;
}

/** A measurement is dated inside its goal's plan and never after today. */
export function pointDateProblem(date: string, plan: DatedRange, today: string): string | null {
  if (date > today) return `A progress point cannot be dated after today (${today}).`;
  if (date < plan.startDate || date > plan.endDate) {
    return `A progress point must be dated inside the plan (${plan.startDate} to ${plan.endDate}).`;
  }
  return null;
}

export interface SessionFacts {
  date: string;
  status: SessionStatus;
  minutes: number | undefined;
  missReason: MissReason | null | undefined;
  /** Progress points sent with (or already recorded with) the session. */
  progressCount: number;
}

export interface AccommodationDates {
  accommodation: DatedRange;
  plan: DatedRange;
}

/** Problems with a session's date, status, minutes and miss reason, each in plain words. */
export function sessionProblems(session: SessionFacts, dates: AccommodationDates, today: string): string[] {
  const problems: string[] = [];
  const { accommodation, plan } = dates;
  if (session.date > today) problems.push(`A session cannot be logged for a day after today (${today}).`);
  if (!schoolDayOf(session.date)) problems.push('Sessions are logged on school days, Monday to Friday.');
  if (session.date < accommodation.startDate || session.date > accommodation.endDate) {
    problems.push(`The date must fall inside the accommodation's dates (${accommodation.startDate} to ${accommodation.endDate}).`);
  }
  if (session.date < plan.startDate || session.date > plan.endDate) {
    problems.push(`The date must fall inside the plan (${plan.startDate} to ${plan.endDate}).`);
  }
  if (session.status === 'held') {
    if (session.minutes === undefined || session.minutes < 1 || session.minutes > 240) {
      problems.push('A held session lasts 1 to 240 minutes.');
    }
    if (session.missReason) problems.push('A held session has no reason for missing it.');
  } else {
    if (session.minutes !== undefined && session.minutes !== 0) problems.push('A missed session has no minutes: leave them at 0.');
    if (!session.missReason) problems.push('Say why the session was missed.');
    if (session.progressCount > 0) problems.push('A missed session has no progress to record.');
  }
  return problems;
}

/** Mentor ratings say how the mentor is doing, so they need to say which mentor. */
export function checkInProblems(
  checkIn: { date: string; mentorId: string | null; mentorWorkload: number | null; mentorConfidence: number | null },
  plan: DatedRange,
  today: string,
): string[] {
  const problems: string[] = [];
  if (checkIn.date > today) problems.push(`A check-in cannot be dated after today (${today}).`);
  if (checkIn.date < plan.startDate || checkIn.date > plan.endDate) {
    problems.push(`A check-in must be dated inside the plan (${plan.startDate} to ${plan.endDate}).`);
  }
  if (!checkIn.mentorId && (checkIn.mentorWorkload !== null || checkIn.mentorConfidence !== null)) {
    problems.push('Choose which mentor the workload and confidence ratings are about.');
  }
  return problems;
}
