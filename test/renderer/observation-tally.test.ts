/**
 * The observer's taps and their tally: no tap is missing, never "no"; the first tap of an interval
 * makes the rest "no"; the percents are the ones the service will save.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IntervalMark } from '../../src-main/contract';
import { summarise } from '../../src-main/contract/observation-summary';
import {
  type IntervalTaps,
  isNoneSeen,
  marksOf,
  NONE_SEEN,
  tally,
  toggleTap,
} from '../../src-renderer/src/screens/observation/interval-tally';

const MISSING: IntervalMark = { engaged: null, initiated: null, responded: null, nearAdult: null };

describe('taps in one interval', () => {
  it('an interval nobody tapped is missing, not "no"', () => {
    expect(marksOf([null], 1)).toEqual([MISSING]);
    // Intervals never reached by the taps array are missing too.
    expect(marksOf([], 2)).toEqual([MISSING, MISSING]);
  });

  it('the first tap makes every behaviour not tapped a "no"', () => {
    expect(toggleTap(null, 'engaged')).toEqual({ engaged: true, initiated: false, responded: false, nearAdult: false });
  });

  it('a second tap on the same behaviour takes it back, and the interval stays looked at ("none of these")', () => {
    const twice = toggleTap(toggleTap(null, 'responded'), 'responded');
    expect(twice).toEqual(NONE_SEEN);
    expect(isNoneSeen(twice)).toBe(true);
    expect(isNoneSeen(null)).toBe(false);
    expect(marksOf([twice], 1)).toEqual([{ engaged: false, initiated: false, responded: false, nearAdult: false }]);
  });

  it('taps add up within the interval', () => {
    const taps = toggleTap(toggleTap(null, 'initiated'), 'nearAdult');
    expect(taps).toEqual({ engaged: false, initiated: true, responded: false, nearAdult: true });
  });
});

describe('the tally', () => {
  const taps: IntervalTaps[] = [
    toggleTap(toggleTap(null, 'engaged'), 'initiated'),
    null,
    NONE_SEEN,
    toggleTap(toggleTap(toggleTap(null, 'engaged'), 'responded'), 'nearAdult'),
  ];
  const result = tally(marksOf(taps, 4));

  it('leaves missing intervals out of every percent', () => {
    expect(result.total).toBe(4);
    expect(result.missing).toBe(1);
    expect(result.engaged).toEqual({ yes: 2, recorded: 3, percent: 66.7 });
    expect(result.nearAdult).toEqual({ yes: 1, recorded: 3, percent: 33.3 });
  });

  it('counts interacting when the student initiated or responded', () => {
    expect(result.interacting).toEqual({ yes: 2, recorded: 3, percent: 66.7 });
    expect(result.initiated).toEqual({ yes: 1, recorded: 3, percent: 33.3 });
    expect(result.responded).toEqual({ yes: 1, recorded: 3, percent: 33.3 });
  });

  it('has no percent when nothing was marked', () => {
    const empty = tally(marksOf([null, null], 2));
    expect(empty.missing).toBe(2);
    expect(empty.engaged).toEqual({ yes: 0, recorded: 0, percent: null });
  });

  it('gives the same percents as the service that saves the progress points', () => {
    const mark = fc.constantFrom<boolean | null>(true, false, null);
    const marks = fc.array(fc.record({ engaged: mark, initiated: mark, responded: mark, nearAdult: mark }), { maxLength: 60 });
    fc.assert(
      fc.property(marks, (intervals) => {
        const ours = tally(intervals);
        const saved = summarise(intervals);
        expect({ engaged: ours.engaged, interacting: ours.interacting, nearAdult: ours.nearAdult }).toEqual(saved);
      }),
    );
  });
});
