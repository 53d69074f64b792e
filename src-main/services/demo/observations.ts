/**
 * Momentary-time-sampling observations for the demo: 40 cues, 15 seconds apart (10 minutes), with a
 * missed tap or two recorded as missing. When an observation measures a goal, the cues are dealt so
 * the behaviour's percent of intervals is the probe's value; a student in a one-sided pair never
 * starts an interaction with a peer, whatever else the cues show.
 */

import { countBehaviour } from '../../contract/observation-summary';
import type { IntervalMark, ObservedBehaviour } from '../../contract/progress';
import type { DemoActivity, DemoWorld } from './model';
import type { Rng } from './prng';

const CUES = 40;
const CUE_SECONDS = 15;

export interface ObservationSpec {
  studentId: string;
  date: string;
  setting: string;
  observedBy: string;
  createdAt: string;
  /** The behaviour whose percent is set, and that percent; null for an observation that measures no goal. */
  measure: { behaviour: Exclude<ObservedBehaviour, 'nearAdult'>; percent: number } | null;
  neverInitiates: boolean;
}

/** `count` cues of `total` marked true, at random places. */
function dealt(rng: Rng, total: number, count: number): boolean[] {
  return rng.shuffle(Array.from({ length: total }, (_, index) => index < count));
}

function marks(rng: Rng, spec: ObservationSpec): IntervalMark[] {
  const missed = new Set(rng.sample([...Array(CUES).keys()], rng.int(0, 2)));
  const recorded = CUES - missed.size;
  const { measure, neverInitiates } = spec;
  // Rounded up so a probe at the target reads at the target.
  const hits = measure ? Math.min(recorded, Math.ceil((measure.percent * recorded) / 100 - 1e-9)) : 0;
  const engaged =
    measure?.behaviour === 'engaged' ? dealt(rng, recorded, hits) : dealt(rng, recorded, Math.round(recorded * (0.4 + rng.next() * 0.4)));
  const interacting =
    measure?.behaviour === 'interacting'
      ? dealt(rng, recorded, hits)
      : dealt(rng, recorded, Math.round(recorded * (0.1 + rng.next() * 0.3)));
  const result: IntervalMark[] = [];
  let next = 0;
  for (let cue = 0; cue < CUES; cue++) {
    if (missed.has(cue)) {
      result.push({ engaged: null, initiated: null, responded: null, nearAdult: null });
      continue;
    }
    const interaction = interacting[next] === true;
    const initiated = interaction && !neverInitiates && rng.chance(0.5);
    result.push({ engaged: engaged[next] === true, initiated, responded: interaction && !initiated, nearAdult: rng.chance(0.25) });
    next++;
  }
  return result;
}

/** Adds one observation to `out`; returns its id and, when it measures a goal, the percent it gives. */
export function addObservation(
  world: DemoWorld,
  rng: Rng,
  spec: ObservationSpec,
  out: DemoActivity,
): { id: string; percent: number | null } {
  const intervals = marks(rng, spec);
  const id = world.streams.id('observation');
  out.observations.push({
    id,
    studentId: spec.studentId,
    date: spec.date,
    intervalSeconds: CUE_SECONDS,
    totalIntervals: CUES,
    intervals: JSON.stringify(intervals),
    peersCount: spec.neverInitiates ? 1 : rng.int(1, 4),
    setting: spec.setting,
    observedBy: spec.observedBy,
    note: spec.neverInitiates && rng.chance(0.5) ? 'The mentor started every exchange; the student answered when asked.' : null,
    createdAt: spec.createdAt,
  });
  return { id, percent: spec.measure ? countBehaviour(intervals, spec.measure.behaviour).percent : null };
}
