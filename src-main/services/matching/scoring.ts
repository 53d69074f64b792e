/**
 * The soft scores. Each part gives a pair 0–100 points; Settings weigh each part 0–10; a pair's
 * score is the sum of weight × points. Integers throughout, so totals compare exactly and the same
 * input always gives the same plan. `balance` belongs to a mentor rather than a pair: each further
 * peer a mentor takes earns less (see balancePoints), which is what spreads peers over mentors.
 */
import type { MatchingWeights } from '../../contract/matching';
import type { PairHistory } from './problem';

/** What the pair parts are computed from; explanations use the same numbers. */
export interface PairSignals {
  sharedInterests: number;
  studentInterests: number;
  /** Mentor's grade minus the student's. */
  gradeGap: number;
  sharedModes: number;
  studentModes: number;
  history: PairHistory | undefined;
}

/** One shared interest is a good start, two make a strong match. Nothing recorded for the student: no points for anyone. */
export function interestsPoints(shared: number, studentCount: number): number {
  return studentCount === 0 ? 0 : Math.min(100, 50 * shared);
}

/** Same grade 100, each grade apart 25 less. */
export function gradePoints(gap: number): number {
  return Math.max(0, 100 - 25 * Math.abs(gap));
}

/** The share of the student's preferred ways of communicating the mentor can use. */
export function communicationPoints(shared: number, studentCount: number): number {
  return studentCount === 0 ? 0 : Math.round((100 * shared) / studentCount);
}

export function continuityPoints(history: PairHistory | undefined): number {
  return history ? 100 : 0;
}

export function rotationPoints(history: PairHistory | undefined): number {
  return history ? 0 : 100;
}

/** Ratings 1–5 mapped to 0–100; a pair without rated check-ins counts as neutral (50), neither helped nor held back. */
export function checkInPoints(history: PairHistory | undefined): number {
  if (!history || history.checkInAverage === null || history.checkIns === 0) return 50;
  return Math.round(((history.checkInAverage - 1) / 4) * 100);
}

/** Points for the peer that takes a mentor from `load` peers to `load + 1`: a free mentor earns 100, a nearly full one little. */
export function balancePoints(load: number, loadCap: number): number {
  return Math.max(0, Math.round((100 * (loadCap - load)) / loadCap));
}

export function pairScore(weights: MatchingWeights, signals: PairSignals): number {
  return (
    weights.interests * interestsPoints(signals.sharedInterests, signals.studentInterests) +
    weights.grade * gradePoints(signals.gradeGap) +
    weights.communication * communicationPoints(signals.sharedModes, signals.studentModes) +
    weights.continuity * continuityPoints(signals.history) +
    weights.rotation * rotationPoints(signals.history) +
    weights.checkIns * checkInPoints(signals.history)
  );
}

/** Interests compare case-insensitively and ignore extra spaces ("Robotics " is "robotics"). */
export function normalizeInterest(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}
