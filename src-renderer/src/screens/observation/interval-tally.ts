/**
 * The observer's taps, interval by interval, and what they add up to. An interval nobody tapped is
 * missing (every behaviour null), never "no"; once anything is tapped in an interval, each behaviour
 * not tapped in it counts as "no". The counting is the service's own (contract/observation-summary.ts),
 * so the review shows exactly the values the progress points will get. Pure.
 */
import type { IntervalMark } from '../../../../src-main/contract';
import { type BehaviourCount, countMarks, interacting } from '../../../../src-main/contract/observation-summary';

export const TAPS = ['engaged', 'initiated', 'responded', 'nearAdult'] as const;
export type Tap = (typeof TAPS)[number];

/** null until the first tap of the interval; then whether each behaviour was seen. */
export type IntervalTaps = Readonly<Record<Tap, boolean>> | null;

/** "None of these": the observer looked and saw none of the behaviours. */
export const NONE_SEEN: Readonly<Record<Tap, boolean>> = { engaged: false, initiated: false, responded: false, nearAdult: false };

/** Tapping a behaviour turns it on or off; the first tap of an interval makes the others "no". */
export function toggleTap(taps: IntervalTaps, tap: Tap): IntervalTaps {
  const current = taps ?? NONE_SEEN;
  return { ...current, [tap]: !current[tap] };
}

/** Looked at, and none of the behaviours seen. */
export function isNoneSeen(taps: IntervalTaps): boolean {
  return taps !== null && TAPS.every((tap) => !taps[tap]);
}

export function markOf(taps: IntervalTaps): IntervalMark {
  return taps ?? { engaged: null, initiated: null, responded: null, nearAdult: null };
}

/** The first `count` intervals as the contract records them; an interval never tapped is missing. */
export function marksOf(taps: readonly IntervalTaps[], count: number): IntervalMark[] {
  return Array.from({ length: count }, (_, index) => markOf(taps[index] ?? null));
}

export const TALLIED = ['engaged', 'interacting', 'initiated', 'responded', 'nearAdult'] as const;
export type Tallied = (typeof TALLIED)[number];

export interface Tally extends Record<Tallied, BehaviourCount> {
  total: number;
  /** Intervals with no mark at all. */
  missing: number;
}

function count(marks: readonly IntervalMark[], seen: (mark: IntervalMark) => boolean | null): BehaviourCount {
  return countMarks(marks.map(seen));
}

export function tally(marks: readonly IntervalMark[]): Tally {
  return {
    total: marks.length,
    missing: marks.filter((mark) => TAPS.every((tap) => mark[tap] === null)).length,
    engaged: count(marks, (mark) => mark.engaged),
    interacting: count(marks, interacting),
    initiated: count(marks, (mark) => mark.initiated),
    responded: count(marks, (mark) => mark.responded),
    nearAdult: count(marks, (mark) => mark.nearAdult),
  };
}
