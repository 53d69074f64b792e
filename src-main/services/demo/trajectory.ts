/**
 * How a student's measurements move over the demo, by profile: on track along the aim line, slow,
 * flat, behind then responding to a change, ahead (meeting the target early), or on track until the
 * data stops. Pure: a goal's course, a day and one noise draw in; a value its measurement allows out.
 * Profiles are chosen so that every decision rule and every suggested progress level shows up.
 */
import type { Measurement } from '../../contract/plans';
import { valueRange } from '../plans/plan-rules';
import type { Rng } from './prng';

export const PROFILES = ['on_track', 'slow', 'flat', 'responding', 'ahead', 'stopped'] as const;
export type Profile = (typeof PROFILES)[number];

/** One round of the profile deck: on track is the most common story, every other one is in each round. */
export const PROFILE_ROUND: readonly Profile[] = [
  'on_track',
  'on_track',
  'on_track',
  'on_track',
  'slow',
  'slow',
  'flat',
  'flat',
  'responding',
  'ahead',
  'ahead',
  'stopped',
];

export interface GoalCourse {
  measurement: Measurement;
  baseline: number;
  target: number;
  scaleMax: number | null;
  /** Day numbers: the aim line runs from the baseline on `aimStart` (the plan's start) to the target on `aimEnd` (the goal's end). */
  aimStart: number;
  aimEnd: number;
  /** Day numbers: the demo measures from `from` to `to`. */
  from: number;
  to: number;
}

/** Noise as a share of the distance from baseline to target: probes vary that much from week to week. */
const NOISE = 0.08;
/** Where "ahead" students meet the target, as a share of the demo's weeks. */
const AHEAD_REACHES = 0.7;
/** Where "responding" students turn, after a change of support. */
const RESPONDING_TURNS = 0.45;

function aimAt(course: GoalCourse, day: number): number {
  const span = course.aimEnd - course.aimStart;
  const share = span > 0 ? (day - course.aimStart) / span : 1;
  return course.baseline + (course.target - course.baseline) * share;
}

/** Roughly normal, mean 0 and standard deviation 1 (a sum of three uniforms, rescaled). */
export function noiseDraw(rng: Rng): number {
  return (rng.next() + rng.next() + rng.next() - 1.5) * 2;
}

/** The value a student of `profile` would show on `day`, before noise. */
function expectedValue(profile: Profile, course: GoalCourse, day: number): number {
  const need = course.target - course.baseline;
  const length = course.to - course.from;
  const share = length > 0 ? Math.min(1, Math.max(0, (day - course.from) / length)) : 1;
  const start = aimAt(course, course.from);
  switch (profile) {
    case 'on_track':
    case 'stopped':
      // Along the aim line, a shade steeper: on track to meet the goal, not to beat it.
      return aimAt(course, day) + 0.1 * (aimAt(course, day) - start);
    case 'slow':
      return start - 0.05 * need + 0.35 * (aimAt(course, day) - start);
    case 'flat':
      // No gain since the plan began, drifting a little the wrong way.
      return course.baseline - 0.04 * need * share;
    case 'responding': {
      const before = course.baseline + 0.02 * need;
      if (share <= RESPONDING_TURNS) return before;
      const end = aimAt(course, course.to) + 0.15 * need;
      return before + ((end - before) * (share - RESPONDING_TURNS)) / (1 - RESPONDING_TURNS);
    }
    case 'ahead': {
      const early = start + 0.1 * need;
      return share >= AHEAD_REACHES ? course.target : early + ((course.target - early) * share) / AHEAD_REACHES;
    }
  }
}

/** Has an "ahead" student met the target by `day`? Their probes then stay at or beyond it. */
function holdsTarget(profile: Profile, course: GoalCourse, day: number): boolean {
  const length = course.to - course.from;
  return profile === 'ahead' && (length <= 0 || (day - course.from) / length >= AHEAD_REACHES);
}

/** A value as a teacher records it: whole numbers, inside what the measurement allows (rubric levels from 1). */
function recorded(course: Pick<GoalCourse, 'measurement' | 'scaleMax'>, value: number): number {
  const range = valueRange(course.measurement, course.scaleMax) ?? { min: 0, max: Number.POSITIVE_INFINITY };
  const min = course.measurement === 'rubric' ? Math.max(1, range.min) : range.min;
  return Math.min(range.max, Math.max(min, Math.round(value)));
}

/** One probe on `day`: the profile's value plus noise `draw` (from `noiseDraw`), as recorded. */
export function probe(profile: Profile, course: GoalCourse, day: number, draw: number): number {
  const need = course.target - course.baseline;
  const spread = NOISE * Math.abs(need) * draw;
  // Once met, the target is kept: the noise only ever goes beyond it.
  const noise = holdsTarget(profile, course, day) ? Math.sign(need) * Math.abs(spread) : spread;
  return recorded(course, expectedValue(profile, course, day) + noise);
}
