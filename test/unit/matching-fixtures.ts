/**
 * Synthetic matching problems for the pure tests: readable builders for one seat and one mentor
 * ("Sam" for "Jordan" in Math 7), and a fast-check arbitrary for small random programs whose
 * optimum a brute-force search can still find. Synthetic data only.
 */
import fc from 'fast-check';
import type { Day, Slot } from '../../src-main/contract/common';
import { COMMUNICATION_MODES, DEFAULT_MATCHING_WEIGHTS, type MatchingWeights } from '../../src-main/contract/matching';
import { TRAINING_MODULES, type TrainingRecord } from '../../src-main/contract/mentors';
import { PEER_ROLES } from '../../src-main/contract/plans';
import type { Candidate, MatchingProblem, PairHistory, Seat } from '../../src-main/services/matching/problem';

export const DATE = '2026-10-15';
export const SCHOOL = 'Lakeside Middle School';
export const ALL_TRAINING: TrainingRecord[] = TRAINING_MODULES.map((module) => ({ module, completedOn: '2026-09-06' }));

export function seat(overrides: Omit<Partial<Seat>, 'accommodation'> & { accommodation?: Partial<Seat['accommodation']> } = {}): Seat {
  const { accommodation, ...rest } = overrides;
  return {
    accommodationId: 'accommodation-math7',
    openSeats: 1,
    studentName: 'Jordan Example',
    studentCallName: 'Jordan',
    grade: 7,
    school: SCHOOL,
    interests: ['robotics', 'drawing'],
    communication: ['written'],
    replaces: [],
    ...rest,
    accommodation: {
      role: 'peer_tutor',
      settingClass: 'Math 7',
      slots: [
        { day: 'mon', period: 3 },
        { day: 'wed', period: 3 },
      ],
      startDate: '2026-09-01',
      endDate: '2027-06-15',
      studentId: 'student-jordan',
      planStatus: 'active',
      ...accommodation,
    },
  };
}

export function mentor(overrides: Omit<Partial<Candidate>, 'facts'> & { facts?: Partial<Candidate['facts']> } = {}): Candidate {
  const { facts, ...rest } = overrides;
  return {
    mentorId: 'mentor-sam',
    mentorName: 'Sam Rivera',
    grade: 8,
    school: SCHOOL,
    interests: ['Robotics', 'chess'],
    communication: ['written', 'spoken'],
    activeAssignments: 0,
    assignedTo: [],
    ...rest,
    facts: {
      firstName: 'Samuel',
      preferredName: 'Sam',
      studentId: null,
      archived: false,
      consentGivenOn: '2026-09-01',
      consentWithdrawnOn: null,
      guardianConsentGivenOn: '2026-09-02',
      guardianConsentWithdrawnOn: null,
      training: ALL_TRAINING,
      availability: [
        { day: 'mon', period: 3 },
        { day: 'tue', period: 5 },
      ],
      loadCap: 2,
      timeOff: [],
      ...facts,
    },
  };
}

export function problem(overrides: Partial<MatchingProblem> = {}): MatchingProblem {
  return {
    date: DATE,
    weights: DEFAULT_MATCHING_WEIGHTS,
    seats: [seat()],
    candidates: [mentor()],
    avoid: [],
    rejected: [],
    history: [],
    ...overrides,
  };
}

// ── Random small programs ──────────────────────────────────────────────────────────────────────

const SLOTS: Slot[] = (['mon', 'tue'] as Day[]).flatMap((day) => [1, 2].map((period) => ({ day, period })));
const INTERESTS = ['robotics', 'chess', 'drawing', 'soccer'];
const STUDENTS = ['student-000001', 'student-000002', 'student-000003'];

const someOf = <T>(list: readonly T[]) => fc.subarray([...list]);
const date = fc.constantFrom('2026-10-15', '2026-11-30');

const arbitraryTraining = fc.array(
  fc.record({
    module: fc.constantFrom(...TRAINING_MODULES),
    completedOn: fc.constantFrom('2026-09-06', '2026-10-20'),
    expiresOn: fc.option(fc.constantFrom('2026-10-01', '2027-09-01'), { nil: undefined }),
  }),
  { maxLength: 6 },
);

export const arbitraryWeights: fc.Arbitrary<MatchingWeights> = fc.record({
  interests: fc.integer({ min: 0, max: 10 }),
  grade: fc.integer({ min: 0, max: 10 }),
  communication: fc.integer({ min: 0, max: 10 }),
  continuity: fc.integer({ min: 0, max: 10 }),
  rotation: fc.integer({ min: 0, max: 10 }),
  checkIns: fc.integer({ min: 0, max: 10 }),
  balance: fc.integer({ min: 0, max: 10 }),
});

/** A flaw or none: most people meet every rule (so plans have choices), and every rule is sometimes broken. */
const flaw = <T extends string>(...flaws: T[]) =>
  fc.oneof({ arbitrary: fc.constant('none' as const), weight: 3 }, fc.constantFrom(...flaws));

const arbitrarySeat = (n: number) =>
  fc
    .record({
      flaw: flaw('closed', 'ended_before', 'other_school'),
      role: fc.constantFrom(...PEER_ROLES),
      slots: fc.subarray(SLOTS, { minLength: 1 }),
      openSeats: fc.integer({ min: 1, max: 2 }),
      studentId: fc.constantFrom(...STUDENTS),
      grade: fc.integer({ min: 6, max: 8 }),
      interests: someOf(INTERESTS),
      communication: someOf(COMMUNICATION_MODES),
    })
    .map(
      (drawn): Seat =>
        seat({
          accommodationId: `accommodation-${n}`,
          openSeats: drawn.openSeats,
          studentName: `Student ${drawn.studentId}`,
          studentCallName: drawn.studentId,
          grade: drawn.grade,
          school: drawn.flaw === 'other_school' ? 'Hillcrest School' : SCHOOL,
          interests: drawn.interests,
          communication: drawn.communication,
          accommodation: {
            role: drawn.role,
            slots: drawn.slots,
            studentId: drawn.studentId,
            planStatus: drawn.flaw === 'closed' ? 'ended' : 'active',
            endDate: drawn.flaw === 'ended_before' ? '2026-10-01' : '2027-06-15',
            settingClass: `Class ${n}`,
          },
        }),
    );

const arbitraryCandidate = (n: number, accommodationIds: string[]) =>
  fc
    .record({
      flaw: flaw('consent', 'withdrawn', 'guardian', 'training', 'time_off', 'archived', 'self', 'full', 'assigned'),
      training: arbitraryTraining,
      availability: fc.subarray(SLOTS, { minLength: 1 }),
      loadCap: fc.integer({ min: 1, max: 3 }),
      activeAssignments: fc.integer({ min: 0, max: 1 }),
      assignedTo: fc.subarray(accommodationIds, { minLength: 1 }),
      studentId: fc.constantFrom(...STUDENTS),
      grade: fc.integer({ min: 6, max: 9 }),
      interests: someOf(INTERESTS),
      communication: someOf(COMMUNICATION_MODES),
    })
    .map(
      (drawn): Candidate =>
        mentor({
          mentorId: `mentor-${n}`,
          mentorName: `Mentor ${n}`,
          grade: drawn.grade,
          school: SCHOOL,
          interests: drawn.interests,
          communication: drawn.communication,
          activeAssignments: drawn.flaw === 'full' ? drawn.loadCap : Math.min(drawn.activeAssignments, drawn.loadCap - 1),
          assignedTo: drawn.flaw === 'assigned' ? drawn.assignedTo : [],
          facts: {
            firstName: `Mentor${n}`,
            preferredName: null,
            studentId: drawn.flaw === 'self' ? drawn.studentId : null,
            archived: drawn.flaw === 'archived',
            consentGivenOn: drawn.flaw === 'consent' ? null : '2026-09-01',
            consentWithdrawnOn: drawn.flaw === 'withdrawn' ? '2026-10-01' : null,
            guardianConsentGivenOn: drawn.flaw === 'guardian' ? null : '2026-09-02',
            training: drawn.flaw === 'training' ? drawn.training : ALL_TRAINING,
            availability: drawn.availability,
            loadCap: drawn.loadCap,
            timeOff: drawn.flaw === 'time_off' ? [{ startDate: '2026-10-01', endDate: '2026-12-31' }] : [],
          },
        }),
    );

/** A program of 1–3 accommodations (1–2 seats each) and 1–4 mentors, with pair lists and history. */
export const arbitraryProblem: fc.Arbitrary<MatchingProblem> = fc
  .record({ seats: fc.integer({ min: 1, max: 3 }), mentors: fc.integer({ min: 1, max: 4 }) })
  .chain(({ seats, mentors }) => {
    const accommodationIds = Array.from({ length: seats }, (_, n) => `accommodation-${n}`);
    const mentorIds = Array.from({ length: mentors }, (_, n) => `mentor-${n}`);
    const history: fc.Arbitrary<PairHistory> = fc.record({
      mentorId: fc.constantFrom(...mentorIds),
      studentId: fc.constantFrom(...STUDENTS),
      since: fc.constant('2026-02-01'),
      checkIns: fc.integer({ min: 0, max: 4 }),
      checkInAverage: fc.option(
        fc.integer({ min: 10, max: 50 }).map((tenths) => tenths / 10),
        { nil: null },
      ),
    });
    return fc.record({
      date,
      weights: fc.oneof(fc.constant(DEFAULT_MATCHING_WEIGHTS), arbitraryWeights),
      seats: fc.tuple(...accommodationIds.map((_, n) => arbitrarySeat(n))),
      candidates: fc.tuple(...mentorIds.map((_, n) => arbitraryCandidate(n, accommodationIds))),
      avoid: fc.uniqueArray(fc.record({ mentorId: fc.constantFrom(...mentorIds), studentId: fc.constantFrom(...STUDENTS) }), {
        maxLength: 2,
        selector: (pair) => `${pair.mentorId}/${pair.studentId}`,
      }),
      rejected: fc.uniqueArray(
        fc.record({
          mentorId: fc.constantFrom(...mentorIds),
          accommodationId: fc.constantFrom(...accommodationIds),
          rejectedOn: fc.constant('2026-10-01'),
        }),
        { maxLength: 2, selector: (pair) => `${pair.mentorId}/${pair.accommodationId}` },
      ),
      history: fc.uniqueArray(history, { maxLength: 3, selector: (entry) => `${entry.mentorId}/${entry.studentId}` }),
    });
  });

/** The same program with every list in another order (a permutation drawn from `seed`). */
export function shuffled(p: MatchingProblem, seed: number): MatchingProblem {
  let state = seed >>> 0 || 1;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  const mix = <T>(list: readonly T[]): T[] => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };
  return {
    ...p,
    seats: mix(p.seats),
    candidates: mix(p.candidates),
    avoid: mix(p.avoid),
    rejected: mix(p.rejected),
    history: mix(p.history),
  };
}
