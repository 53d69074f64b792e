/** The sampling schedule: the open interval from run time, pauses left out, and what stopping early keeps. */
import { describe, expect, it } from 'vitest';
import {
  elapsedMs,
  intervalsKept,
  pauseClock,
  positionAt,
  resumeClock,
  scheduleFor,
  startClock,
} from '../../src-renderer/src/screens/observation/sampling-schedule';

const FIFTEEN_SECONDS_FOR_TEN_MINUTES = scheduleFor(15, 10);

describe('the schedule', () => {
  it('divides the duration into intervals of the chosen length', () => {
    expect(FIFTEEN_SECONDS_FOR_TEN_MINUTES).toEqual({ intervalMs: 15_000, intervals: 40 });
    expect(scheduleFor(5, 1).intervals).toBe(12);
    // A duration that does not divide evenly keeps whole intervals only; never fewer than one.
    expect(scheduleFor(20, 1.5).intervals).toBe(4);
    expect(scheduleFor(600, 1).intervals).toBe(1);
  });

  it('opens interval k at the k-th cue and counts down to the next one', () => {
    expect(positionAt(FIFTEEN_SECONDS_FOR_TEN_MINUTES, 0)).toEqual({ index: 0, msToNextCue: 15_000, msLeft: 600_000, finished: false });
    expect(positionAt(FIFTEEN_SECONDS_FOR_TEN_MINUTES, 14_999).index).toBe(0);
    expect(positionAt(FIFTEEN_SECONDS_FOR_TEN_MINUTES, 15_000)).toEqual({
      index: 1,
      msToNextCue: 15_000,
      msLeft: 585_000,
      finished: false,
    });
    expect(positionAt(FIFTEEN_SECONDS_FOR_TEN_MINUTES, 599_999).index).toBe(39);
  });

  it('is over once every interval has run', () => {
    expect(positionAt(FIFTEEN_SECONDS_FOR_TEN_MINUTES, 600_000)).toEqual({ index: 40, msToNextCue: 0, msLeft: 0, finished: true });
    expect(positionAt(FIFTEEN_SECONDS_FOR_TEN_MINUTES, 10_000_000).finished).toBe(true);
  });
});

describe('the run clock', () => {
  it('counts time since the start', () => {
    expect(elapsedMs(startClock(1_000), 8_500)).toBe(7_500);
  });

  it('leaves paused time out, across several pauses', () => {
    let clock = startClock(0);
    clock = pauseClock(clock, 10_000);
    expect(elapsedMs(clock, 50_000)).toBe(10_000);
    clock = resumeClock(clock, 60_000);
    expect(elapsedMs(clock, 62_000)).toBe(12_000);
    clock = pauseClock(clock, 65_000);
    clock = resumeClock(clock, 100_000);
    expect(elapsedMs(clock, 103_000)).toBe(18_000);
    // Interval 1 (the second) is still open: pauses do not move the cues.
    expect(positionAt(FIFTEEN_SECONDS_FOR_TEN_MINUTES, elapsedMs(clock, 103_000)).index).toBe(1);
  });

  it('ignores a second pause or resume', () => {
    const paused = pauseClock(startClock(0), 4_000);
    expect(pauseClock(paused, 9_000)).toEqual(paused);
    const running = resumeClock(paused, 10_000);
    expect(resumeClock(running, 12_000)).toEqual(running);
    expect(elapsedMs(running, 12_000)).toBe(6_000);
  });
});

describe('stopping early', () => {
  it('keeps every interval whose cue sounded, with the open one when it has a mark', () => {
    expect(intervalsKept(3, true)).toBe(4);
  });

  it('drops an open interval that nobody tapped yet', () => {
    expect(intervalsKept(3, false)).toBe(3);
    expect(intervalsKept(0, false)).toBe(0);
  });
});
