import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beginAttempt, delayAfter, NO_FAILURES, recordFailure, retryAfterMs, settleAttempt } from '../../src-main/services/unlock-throttle';

describe('unlock throttle', () => {
  it('lets the first mistake through, then doubles the wait up to a minute', () => {
    expect([0, 1, 2, 3, 4, 5, 8, 20].map(delayAfter)).toEqual([0, 0, 1000, 2000, 4000, 8000, 60000, 60000]);
  });

  it('never asks to wait longer than the delay, and the wait runs down with the clock', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 120_000 }),
        (failures, at, later) => {
          let state = NO_FAILURES;
          for (let i = 0; i < failures; i += 1) state = recordFailure(state, at);
          const wait = retryAfterMs(state, at + later);
          expect(wait).toBe(Math.max(0, delayAfter(failures) - later));
          expect(wait).toBeLessThanOrEqual(60_000);
        },
      ),
    );
  });

  it('never asks for more than the delay when the clock was set back', () => {
    const state = recordFailure(recordFailure(recordFailure(NO_FAILURES, 10_000_000), 10_000_000), 10_000_000);
    expect(retryAfterMs(state, 0)).toBe(2000);
  });

  it('counts an attempt from its start; a right secret clears, a wrong one keeps, an undecided one is taken back', () => {
    const begun = beginAttempt(recordFailure(NO_FAILURES, 100), 200);
    expect(begun).toEqual({ failures: 2, lastFailureAt: 200 });
    expect(settleAttempt(begun, 'right', 900)).toEqual(NO_FAILURES);
    expect(settleAttempt(begun, 'wrong', 900)).toEqual({ failures: 2, lastFailureAt: 900 });
    expect(settleAttempt(begun, 'undecided', 900)).toEqual({ failures: 1, lastFailureAt: 200 });
  });
});
