/**
 * Momentary time sampling, summarised: for each behaviour, the percent of intervals where it was
 * seen, out of the intervals that have a mark. A missed tap (null) is missing data — left out of
 * both counts — never a "no". Pure; in the contract so the observer's review on screen counts exactly as the
 * service will.
 */
import type { IntervalMark, ObservedBehaviour } from './progress';

export interface BehaviourCount {
  yes: number;
  recorded: number;
  percent: number | null;
}

/** Interacting with a peer: initiated or responded. Seen if either was; not seen only if both were marked no. */
export function interacting(mark: IntervalMark): boolean | null {
  if (mark.initiated === true || mark.responded === true) return true;
  if (mark.initiated === false && mark.responded === false) return false;
  return null;
}

function markFor(mark: IntervalMark, behaviour: ObservedBehaviour): boolean | null {
  if (behaviour === 'interacting') return interacting(mark);
  return mark[behaviour];
}

/** Seen / marked × 100 to one decimal; missing marks (null) count in neither. */
export function countMarks(seen: readonly (boolean | null)[]): BehaviourCount {
  const recorded = seen.filter((value) => value !== null).length;
  const yes = seen.filter((value) => value === true).length;
  return { yes, recorded, percent: recorded > 0 ? Math.round((yes / recorded) * 1000) / 10 : null };
}

export function countBehaviour(intervals: readonly IntervalMark[], behaviour: ObservedBehaviour): BehaviourCount {
  return countMarks(intervals.map((mark) => markFor(mark, behaviour)));
}

export function summarise(intervals: readonly IntervalMark[]): Record<ObservedBehaviour, BehaviourCount> {
  return {
    engaged: countBehaviour(intervals, 'engaged'),
    interacting: countBehaviour(intervals, 'interacting'),
    nearAdult: countBehaviour(intervals, 'nearAdult'),
  };
}
