/**
 * The matching benchmark case, called by district.bench.ts: a synthetic district-size matching
 * problem (2,000 mentors, 1,500 open seats, 8 periods × 5 days), solved by the optimal solver
 * (services/matching/solve.ts, with its explanations) and by a greedy baseline — each seat in turn
 * takes its best free mentor, which is what a team does by hand — on the same candidate pairs. All
 * mentors and seats are in one school: the densest case (every mentor is a candidate for every seat
 * the rules allow); a district of several schools splits into smaller problems. Synthetic only.
 * The driver calls `runMatchingBench(quick ? QUICK_MATCHING : DISTRICT_MATCHING)`; times are wall
 * milliseconds of one cold run each, like a teacher pressing "Suggest" once.
 */
import { performance } from 'node:perf_hooks';
import { DAYS, type Slot } from '../src-main/contract/common';
import { COMMUNICATION_MODES, type CommunicationMode, DEFAULT_MATCHING_WEIGHTS } from '../src-main/contract/matching';
import { TRAINING_MODULES, type TrainingRecord } from '../src-main/contract/mentors';
import type { PeerRole } from '../src-main/contract/plans';
import { buildCandidateGraph, type CandidateGraph } from '../src-main/services/matching/candidates';
import type { Candidate, MatchingProblem, PairHistory, Seat } from '../src-main/services/matching/problem';
import { balancePoints } from '../src-main/services/matching/scoring';
import { solveMatching } from '../src-main/services/matching/solve';

export interface MatchingBenchOptions {
  mentors: number;
  seats: number;
  periods: number;
  seed: number;
}

export const DISTRICT_MATCHING: MatchingBenchOptions = { mentors: 2_000, seats: 1_500, periods: 8, seed: 7 };
/** `npm run bench -- --quick`. */
export const QUICK_MATCHING: MatchingBenchOptions = { mentors: 60, seats: 45, periods: 8, seed: 7 };

export interface PlanMeasure {
  ms: number;
  totalScore: number;
  seatsFilled: number;
}

export interface MatchingBenchResult {
  optimal: PlanMeasure;
  greedy: PlanMeasure;
  /** Seat × mentor pairs the hard rules allow. */
  candidatePairs: number;
}

/** mulberry32: small, fast, and the same numbers on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const DATE = '2026-10-15';
const SCHOOL = 'Riverside Unified Campus';
const INTERESTS = [
  'robotics',
  'chess',
  'soccer',
  'drawing',
  'music',
  'coding',
  'basketball',
  'reading',
  'theater',
  'animals',
  'cooking',
  'gaming',
  'dance',
  'science',
  'history',
  'photography',
  'swimming',
  'writing',
  'gardening',
  'skateboarding',
  'anime',
  'math puzzles',
  'volunteering',
  'film',
];
/** Roughly how often each role appears among a program's accommodations. */
const ROLES: [PeerRole, number][] = [
  ['peer_tutor', 0.35],
  ['peer_buddy', 0.25],
  ['peer_note_taker', 0.15],
  ['peer_facilitator', 0.1],
  ['circle_of_friends', 0.05],
  ['cooperative_group', 0.05],
  ['leadership_rotation', 0.05],
];
const CLASSES = ['Math', 'English', 'Science', 'History', 'Art', 'Music', 'PE', 'Spanish'];

export function districtMatchingProblem(options: MatchingBenchOptions): MatchingProblem {
  const next = random(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const some = <T>(list: readonly T[], n: number): T[] => [...new Set(Array.from({ length: n }, () => pick(list)))];
  const id = (prefix: string, n: number) => `${prefix}-${String(n).padStart(6, '0')}`;
  const allSlots: Slot[] = DAYS.flatMap((day) => Array.from({ length: options.periods }, (_, p) => ({ day, period: p + 1 })));

  const candidates: Candidate[] = Array.from({ length: options.mentors }, (_, n) => {
    const withdrawn = next() < 0.04;
    const training: TrainingRecord[] = TRAINING_MODULES.filter(() => next() < 0.85).map((module) =>
      next() < 0.05 ? { module, completedOn: '2025-09-01', expiresOn: '2026-09-01' } : { module, completedOn: '2026-09-05' },
    );
    const capRoll = next();
    return {
      mentorId: id('mentor', n),
      mentorName: `Mentor ${n}`,
      facts: {
        firstName: `Mentor${n}`,
        preferredName: null,
        studentId: null,
        archived: false,
        consentGivenOn: next() < 0.96 ? '2026-09-01' : null,
        consentWithdrawnOn: withdrawn ? '2026-10-01' : null,
        guardianConsentGivenOn: '2026-09-02',
        guardianConsentWithdrawnOn: null,
        training,
        availability: some(allSlots, 10),
        loadCap: capRoll < 0.5 ? 1 : capRoll < 0.85 ? 2 : 3,
        timeOff: next() < 0.03 ? [{ startDate: '2026-10-10', endDate: '2026-10-30' }] : [],
      },
      grade: 6 + Math.floor(next() * 7),
      school: SCHOOL,
      interests: some(INTERESTS, 1 + Math.floor(next() * 4)),
      communication: some(COMMUNICATION_MODES, 1 + Math.floor(next() * 3)) as CommunicationMode[],
      activeAssignments: 0,
      assignedTo: [],
    };
  });

  const seats: Seat[] = [];
  for (let filled = 0, n = 0; filled < options.seats; n += 1) {
    const roll = next();
    let role: PeerRole = 'peer_tutor';
    for (let acc = 0, i = 0; i < ROLES.length; i += 1) {
      acc += (ROLES[i] as [PeerRole, number])[1];
      if (roll < acc) {
        role = (ROLES[i] as [PeerRole, number])[0];
        break;
      }
    }
    const period = 1 + Math.floor(next() * options.periods);
    const days = some(DAYS, 2 + Math.floor(next() * 4));
    const openSeats = Math.min(next() < 0.15 ? 2 : 1, options.seats - filled);
    const grade = 6 + Math.floor(next() * 7);
    filled += openSeats;
    seats.push({
      accommodationId: id('accommodation', n),
      openSeats,
      accommodation: {
        role,
        settingClass: `${pick(CLASSES)} ${grade}`,
        slots: days.map((day) => ({ day, period })),
        startDate: '2026-09-01',
        endDate: '2027-06-15',
        studentId: id('student', n),
        planStatus: 'active',
      },
      studentName: `Student ${n}`,
      studentCallName: `Student${n}`,
      grade,
      school: SCHOOL,
      interests: some(INTERESTS, Math.floor(next() * 4)),
      communication: some(COMMUNICATION_MODES, Math.floor(next() * 3)) as CommunicationMode[],
      replaces: [],
    });
  }

  const history: PairHistory[] = Array.from({ length: Math.floor(options.seats / 3) }, () => {
    const checkIns = Math.floor(next() * 6);
    return {
      mentorId: pick(candidates).mentorId,
      studentId: pick(seats).accommodation.studentId,
      since: '2025-10-01',
      checkIns,
      checkInAverage: checkIns === 0 ? null : 1 + Math.round(next() * 40) / 10,
    };
  });
  const uniqueHistory = [...new Map(history.map((entry) => [`${entry.mentorId}\n${entry.studentId}`, entry])).values()];
  return {
    date: DATE,
    weights: DEFAULT_MATCHING_WEIGHTS,
    seats,
    candidates,
    avoid: Array.from({ length: Math.floor(options.seats / 15) }, () => ({
      mentorId: pick(candidates).mentorId,
      studentId: pick(seats).accommodation.studentId,
    })),
    rejected: Array.from({ length: Math.floor(options.seats / 15) }, () => ({
      mentorId: pick(candidates).mentorId,
      accommodationId: pick(seats).accommodationId,
      rejectedOn: '2026-10-01',
    })),
    history: uniqueHistory,
  };
}

/** The baseline: seats in id order, each unit taking the free mentor with the best score for it right now. */
export function greedyPlan(graph: CandidateGraph, balanceWeight: number): { totalScore: number; seatsFilled: number } {
  const load = Int32Array.from(graph.candidates, (candidate) => candidate.activeAssignments);
  let totalScore = 0;
  let seatsFilled = 0;
  graph.seats.forEach((seat, s) => {
    const taken = new Set<number>();
    for (let unit = 0; unit < seat.openSeats; unit += 1) {
      let best = -1;
      let bestScore = Number.NEGATIVE_INFINITY;
      for (let edge = graph.edgeStart[s] as number; edge < (graph.edgeStart[s + 1] as number); edge += 1) {
        const c = graph.edgeMentor[edge] as number;
        const candidate = graph.candidates[c] as Candidate;
        if (taken.has(c) || (load[c] as number) >= candidate.facts.loadCap) continue;
        const score = (graph.edgeScore[edge] as number) + balanceWeight * balancePoints(load[c] as number, candidate.facts.loadCap);
        if (score > bestScore) {
          best = c;
          bestScore = score;
        }
      }
      if (best < 0) break;
      taken.add(best);
      load[best] = (load[best] as number) + 1;
      totalScore += bestScore;
      seatsFilled += 1;
    }
  });
  return { totalScore, seatsFilled };
}

export function runMatchingBench(options: MatchingBenchOptions = DISTRICT_MATCHING): MatchingBenchResult {
  const problem = districtMatchingProblem(options);

  let start = performance.now();
  const optimal = solveMatching(problem);
  const optimalMs = performance.now() - start;

  start = performance.now();
  const graph = buildCandidateGraph(problem);
  const greedy = greedyPlan(graph, problem.weights.balance);
  const greedyMs = performance.now() - start;

  return {
    optimal: { ms: optimalMs, totalScore: optimal.totals.totalScore, seatsFilled: optimal.totals.seatsFilled },
    greedy: { ms: greedyMs, ...greedy },
    candidatePairs: graph.edgeMentor.length,
  };
}
