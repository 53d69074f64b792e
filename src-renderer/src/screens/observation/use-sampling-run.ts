/**
 * A running observation as state: the run clock (pauses left out), the taps of every interval, the
 * peer count, and the position on the schedule, re-read four times a second from the browser's
 * timers — the ticking source Playwright's fake clock drives in the e2e test. It calls `onCue` when
 * a new interval opens and `onEnd` once: when the last interval has run, or when the person stops.
 */
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { type IntervalTaps, isNoneSeen, NONE_SEEN, type Tap, toggleTap } from './interval-tally';
import {
  elapsedMs,
  intervalsKept,
  type Position,
  pauseClock,
  positionAt,
  resumeClock,
  type Schedule,
  startClock,
} from './sampling-schedule';

const TICK_MS = 250;
/** The contract's limit for peersCount. */
const MAX_PEERS = 60;

export interface RunResult {
  taps: IntervalTaps[];
  /** How many intervals are kept (fewer than planned when stopped early). */
  kept: number;
  planned: number;
  peers: number;
}

export interface SamplingRun {
  position: Position;
  paused: boolean;
  taps: IntervalTaps[];
  /** The taps of the open interval. */
  current: IntervalTaps;
  peers: number;
  tap: (tap: Tap) => void;
  noneSeen: () => void;
  clear: () => void;
  changePeers: (by: number) => void;
  togglePause: () => void;
  stop: () => void;
}

export function useSamplingRun(schedule: Schedule, onCue: (index: number) => void, onEnd: (result: RunResult) => void): SamplingRun {
  const [clock, setClock] = useState(() => startClock(performance.now()));
  const [now, setNow] = useState(() => performance.now());
  const [taps, setTaps] = useState<IntervalTaps[]>(() => Array.from({ length: schedule.intervals }, () => null));
  const [peers, setPeers] = useState(0);
  const paused = clock.runningSince === null;
  const position = positionAt(schedule, elapsedMs(clock, now));
  const current = taps[position.index] ?? null;

  useEffect(() => {
    if (paused) return;
    const timer = setInterval(() => setNow(performance.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [paused]);

  const ended = useRef(false);
  function end(kept: number) {
    if (ended.current) return;
    ended.current = true;
    onEnd({ taps, kept, planned: schedule.intervals, peers });
  }
  const endWhenOver = useEffectEvent(() => end(schedule.intervals));
  const cue = useEffectEvent((index: number) => onCue(index));
  const lastCue = useRef(-1);
  useEffect(() => {
    if (position.finished) endWhenOver();
    else if (position.index !== lastCue.current) {
      lastCue.current = position.index;
      cue(position.index);
    }
  }, [position.index, position.finished]);

  /** Marks go to the interval open on screen, so what the observer sees is what they change. */
  function update(change: (taps: IntervalTaps) => IntervalTaps) {
    if (position.finished) return;
    const index = position.index;
    setTaps((all) => all.with(index, change(all[index] ?? null)));
  }

  return {
    position,
    paused,
    taps,
    current,
    peers,
    tap: (tap) => update((taps) => toggleTap(taps, tap)),
    noneSeen: () => update((taps) => (isNoneSeen(taps) ? null : NONE_SEEN)),
    clear: () => update(() => null),
    changePeers: (by) => setPeers((count) => Math.min(MAX_PEERS, Math.max(0, count + by))),
    togglePause: () => {
      const at = performance.now();
      setNow(at);
      setClock((clock) => (clock.runningSince === null ? resumeClock(clock, at) : pauseClock(clock, at)));
    },
    stop: () => end(intervalsKept(position.index, current !== null)),
  };
}
