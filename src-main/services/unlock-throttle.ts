/**
 * Slows repeated wrong secrets: after the second failure in a row each attempt must wait
 * 1 s, 2 s, 4 s … up to a minute. Pure: state in, state out, the clock passed in.
 */
export interface ThrottleState {
  failures: number;
  lastFailureAt: number;
}

export const NO_FAILURES: ThrottleState = { failures: 0, lastFailureAt: 0 };
const MAX_DELAY_MS = 60_000;

export function delayAfter(failures: number): number {
  if (failures < 2) return 0;
  return Math.min(1000 * 2 ** (failures - 2), MAX_DELAY_MS);
}

export function retryAfterMs(state: ThrottleState, now: number): number {
  return Math.max(0, state.lastFailureAt + delayAfter(state.failures) - now);
}

export function recordFailure(state: ThrottleState, now: number): ThrottleState {
  return { failures: state.failures + 1, lastFailureAt: now };
}
