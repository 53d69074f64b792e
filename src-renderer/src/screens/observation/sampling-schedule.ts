/**
 * The momentary-time-sampling schedule: where an observation stands, computed from how long it has
 * run with its pauses left out. Cue k (0-based) opens interval k at k × the interval length; the
 * observer marks what is happening at that instant and may change it until the next cue. Pure: the
 * caller brings the time, so tests (and Playwright's fake clock) decide what "now" is.
 */

export interface Schedule {
  intervalMs: number;
  intervals: number;
}

/** 10 minutes at 15 s is 40 intervals; a duration shorter than one interval still gives one. */
export function scheduleFor(intervalSeconds: number, durationMinutes: number): Schedule {
  return { intervalMs: intervalSeconds * 1000, intervals: Math.max(1, Math.floor((durationMinutes * 60) / intervalSeconds)) };
}

/** Time run so far: what earlier runs banked, plus the current run while not paused. */
export interface RunClock {
  readonly bankedMs: number;
  /** When the current run started; null while paused. */
  readonly runningSince: number | null;
}

export function startClock(now: number): RunClock {
  return { bankedMs: 0, runningSince: now };
}

export function pauseClock(clock: RunClock, now: number): RunClock {
  return clock.runningSince === null ? clock : { bankedMs: elapsedMs(clock, now), runningSince: null };
}

export function resumeClock(clock: RunClock, now: number): RunClock {
  return clock.runningSince === null ? { bankedMs: clock.bankedMs, runningSince: now } : clock;
}

export function elapsedMs(clock: RunClock, now: number): number {
  return clock.bankedMs + (clock.runningSince === null ? 0 : Math.max(0, now - clock.runningSince));
}

export interface Position {
  /** The interval open for marking, 0-based; equal to the number of intervals once the observation is over. */
  index: number;
  /** Until the next cue (0 once over). */
  msToNextCue: number;
  /** Until the end of the whole observation. */
  msLeft: number;
  finished: boolean;
}

export function positionAt(schedule: Schedule, elapsed: number): Position {
  const total = schedule.intervalMs * schedule.intervals;
  if (elapsed >= total) return { index: schedule.intervals, msToNextCue: 0, msLeft: 0, finished: true };
  const index = Math.floor(Math.max(0, elapsed) / schedule.intervalMs);
  return { index, msToNextCue: (index + 1) * schedule.intervalMs - elapsed, msLeft: total - elapsed, finished: false };
}

/**
 * How many intervals stopping early keeps: every interval whose cue has sounded, except an open one
 * with no mark yet — it was cut short before anyone looked, so it would only add a missing interval.
 */
export function intervalsKept(openIndex: number, openIntervalMarked: boolean): number {
  return openIntervalMarked ? openIndex + 1 : openIndex;
}
