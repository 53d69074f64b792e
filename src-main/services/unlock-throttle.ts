/**
 * Slows repeated wrong secrets: after the second failure in a row each attempt must wait
 * 1 s, 2 s, 4 s … up to a minute. Pure: state in, state out, the clock passed in. The state is
 * shared by every process through a file beside the vault (vault/unlock-attempts.ts): an attempt
 * counts as a failure from its start (`beginAttempt`), so attempts made at once in many processes
 * meet the delay too, and one that did not prove the secret wrong is taken back (`settleAttempt`).
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
  // Never more than the delay itself, even if the clock was set back after the last failure.
  const delay = delayAfter(state.failures);
  return Math.min(delay, Math.max(0, state.lastFailureAt + delay - now));
}

/** An attempt starting: counted as wrong until it proves otherwise. */
export function beginAttempt(state: ThrottleState, now: number): ThrottleState {
  return recordFailure(state, now);
}

/**
 * An attempt ended, against the state as it is now (other processes may have counted theirs):
 * a right secret clears the count; a wrong one keeps its count, timed from now; anything else (no
 * vault, damage) takes the attempt back.
 */
export function settleAttempt(state: ThrottleState, outcome: 'right' | 'wrong' | 'undecided', now: number): ThrottleState {
  if (outcome === 'right') return NO_FAILURES;
  if (outcome === 'wrong') return { failures: Math.max(1, state.failures), lastFailureAt: Math.max(state.lastFailureAt, now) };
  return { failures: Math.max(0, state.failures - 1), lastFailureAt: state.lastFailureAt };
}

export function recordFailure(state: ThrottleState, now: number): ThrottleState {
  return { failures: state.failures + 1, lastFailureAt: now };
}
