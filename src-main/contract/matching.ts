/**
 * Matching mentors to open seats for a whole program at once: suggestions with their reasons, the
 * seats left open with why, accepting and rejecting, manual overrides, pairs kept through a
 * rotation, the avoid list, matching profiles and the soft-score weights. The JSON a
 * `peerpath match suggest --json` prints is `MatchRun` (docs/matching.md documents its fields).
 */
import { z } from 'zod';
import { Id, IsoDate, ShortText } from './common';
import { Assignment, REFUSAL_RULES } from './mentors';
import { PeerRole } from './plans';

/** How a student likes to communicate, or how a mentor can. */
export const COMMUNICATION_MODES = ['spoken', 'written', 'visual', 'sign_language', 'aac_device'] as const;
export const CommunicationMode = z.enum(COMMUNICATION_MODES);
export type CommunicationMode = z.infer<typeof CommunicationMode>;

/** The soft scores, each weighted 0–10 in Settings; a pair's score is the sum of weight × points (0–100). */
export const SCORE_PARTS = ['interests', 'grade', 'communication', 'continuity', 'rotation', 'checkIns', 'balance'] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];

const Weight = z.number().int().min(0, 'A weight is 0 to 10.').max(10, 'A weight is 0 to 10.');
export const MatchingWeights = z
  .object({
    /** Interests the mentor and the student share. */
    interests: Weight,
    /** Grades close together. */
    grade: Weight,
    /** The mentor uses the ways the student prefers to communicate. */
    communication: Weight,
    /** Keep a pair that has worked together before. */
    continuity: Weight,
    /** A new pair: the seeds advise rotating, against one-sided support. */
    rotation: Weight,
    /** How past check-ins of the pair went (belonging and engagement). */
    checkIns: Weight,
    /** Spread peers over mentors rather than filling a few mentors up. */
    balance: Weight,
  })
  .strict();
export type MatchingWeights = z.infer<typeof MatchingWeights>;

/** The weights a new vault starts with (docs/matching.md, "Soft scores"); Settings' "Reset to defaults" sends these. */
export const DEFAULT_MATCHING_WEIGHTS: MatchingWeights = {
  interests: 3,
  grade: 2,
  communication: 3,
  continuity: 1,
  rotation: 2,
  checkIns: 2,
  balance: 2,
};

/**
 * `fill`: find mentors for seats no one holds. `rotation` (a term change): every running pair not
 * marked as working is proposed anew, and a pair may continue where no better one exists.
 */
export const MatchMode = z.enum(['fill', 'rotation']);
export type MatchMode = z.infer<typeof MatchMode>;

/**
 * Why a mentor cannot take a seat: the assignment rules (mentors.ts) plus matching's own. The hard
 * ones block a suggestion and a manual override; `rejected` blocks suggestions only, and `taken`
 * means eligible, but the best plan for the whole program needs the mentor elsewhere.
 */
export const EXCLUSION_RULES = [...REFUSAL_RULES, 'avoid_list', 'other_school', 'rejected', 'taken'] as const;
export const ExclusionRule = z.enum(EXCLUSION_RULES);
export type ExclusionRule = z.infer<typeof ExclusionRule>;
export const Exclusion = z.object({ rule: ExclusionRule, message: z.string() });
export type Exclusion = z.infer<typeof Exclusion>;

/** One line of a suggestion's explanation; `points` is its weighted share of the score (0 for the rules it meets). */
export const MatchReason = z.object({
  kind: z.enum(['schedule', 'training', ...SCORE_PARTS]),
  text: z.string(),
  points: z.number().int(),
});
export type MatchReason = z.infer<typeof MatchReason>;

/** Where and for whom: what every suggestion and open seat names. */
const SeatFields = {
  accommodationId: Id,
  settingClass: z.string(),
  role: PeerRole,
  studentId: Id,
  studentName: z.string(),
};

export const MatchSuggestion = z.object({
  ...SeatFields,
  mentorId: Id,
  mentorName: z.string(),
  /** Rotation: the running assignment this suggestion takes over (ended when it is accepted). */
  replacesAssignmentId: Id.nullable(),
  /** Rotation: the pair already runs and simply continues; accepting it changes nothing. */
  continues: z.boolean(),
  /** The sum of the reasons' points. */
  score: z.number().int(),
  reasons: z.array(MatchReason),
});
export type MatchSuggestion = z.infer<typeof MatchSuggestion>;

export const NearMiss = z.object({ mentorId: Id, mentorName: z.string(), exclusions: z.array(Exclusion) });
export type NearMiss = z.infer<typeof NearMiss>;

export const OpenSeat = z.object({
  ...SeatFields,
  /** Seats of this accommodation still without a mentor after the suggestions. */
  seatsOpen: z.number().int(),
  /** One sentence: how many mentors of the student's school were ruled out, and by what. */
  summary: z.string(),
  /** The mentors who came closest, each with every rule that rules them out. */
  nearMisses: z.array(NearMiss),
});
export type OpenSeat = z.infer<typeof OpenSeat>;

export const KeptPair = z.object({
  assignmentId: Id,
  accommodationId: Id,
  settingClass: z.string(),
  studentName: z.string(),
  mentorId: Id,
  mentorName: z.string(),
  markedOn: IsoDate,
});
export type KeptPair = z.infer<typeof KeptPair>;

/** Rotation: a running pair the plan ends on its start date — taken over by a suggestion, or rotated out with the seat left open. */
export const EndingPair = z.object({
  assignmentId: Id,
  accommodationId: Id,
  settingClass: z.string(),
  studentName: z.string(),
  mentorId: Id,
  mentorName: z.string(),
});
export type EndingPair = z.infer<typeof EndingPair>;

export const MatchRun = z.object({
  startDate: IsoDate,
  mode: MatchMode,
  weights: MatchingWeights,
  suggestions: z.array(MatchSuggestion),
  openSeats: z.array(OpenSeat),
  /** Running pairs marked as working (kept through a rotation run). */
  keptPairs: z.array(KeptPair),
  /** Rotation: the running pairs the plan ends; accepting the whole run ends them. Empty in a fill run. */
  ending: z.array(EndingPair),
  totals: z.object({
    /** Seats looking for a mentor when the run started. */
    seats: z.number().int(),
    seatsFilled: z.number().int(),
    seatsOpen: z.number().int(),
    totalScore: z.number().int(),
  }),
});
export type MatchRun = z.infer<typeof MatchRun>;

/** A suggestion as the team accepts it: which mentor, where, and what it takes over. */
export const AcceptedSuggestion = z
  .object({ mentorId: Id, accommodationId: Id, replacesAssignmentId: Id.nullable().default(null) })
  .strict();

export const SoftConcern = z.object({ kind: z.enum([...SCORE_PARTS, 'rejected', 'seat_full']), message: z.string() });
export type SoftConcern = z.infer<typeof SoftConcern>;

export const PairCheck = z.object({
  /** No hard rule is broken: a manual override may go ahead. */
  allowed: z.boolean(),
  /** Every hard rule broken, in plain words. */
  exclusions: z.array(Exclusion),
  /** The soft rules this pair does poorly on: shown, never blocking. */
  softConcerns: z.array(SoftConcern),
  score: z.number().int(),
  reasons: z.array(MatchReason),
});
export type PairCheck = z.infer<typeof PairCheck>;

export const AvoidPair = z.object({
  id: Id,
  mentorId: Id,
  mentorName: z.string(),
  studentId: Id,
  studentName: z.string(),
  /** Private to staff: shown on the avoid list only. */
  reason: z.string(),
  createdAt: z.string(),
});
export type AvoidPair = z.infer<typeof AvoidPair>;

/** A mentor the team rejected for one peer support: matching no longer suggests the pair. */
export const Rejection = z.object({
  mentorId: Id,
  mentorName: z.string(),
  accommodationId: Id,
  studentId: Id,
  studentName: z.string(),
  role: PeerRole,
  settingClass: z.string(),
  rejectedOn: IsoDate,
});
export type Rejection = z.infer<typeof Rejection>;

const Interests = z.array(ShortText.min(1)).max(20);
const Modes = z.array(CommunicationMode).max(COMMUNICATION_MODES.length);

/** A mentor's interests are edited on the mentor record; they are shown here for the whole picture. */
export const MatchProfile = z.object({
  kind: z.enum(['student', 'mentor']),
  id: Id,
  interests: z.array(z.string()),
  communication: z.array(CommunicationMode),
});
export type MatchProfile = z.infer<typeof MatchProfile>;

const PairInput = { mentorId: Id, accommodationId: Id };

export const matching = {
  /** Suggestions for every open seat of active plans on `startDate` (default today); nothing is written. */
  'matching.suggest': {
    input: z.object({ startDate: IsoDate.optional(), mode: MatchMode.default('fill') }).strict(),
    output: MatchRun,
  },
  /**
   * Accepts one suggestion or many, all or none, in one transaction: each goes through the same
   * rules and audit as `assignments.create`. The assignments a suggestion takes over, and those in
   * `ending` (a rotation run's `ending`, when accepting it whole), end on `startDate` ('reassigned').
   */
  'matching.accept': {
    input: z
      .object({ startDate: IsoDate, suggestions: z.array(AcceptedSuggestion).max(5000), ending: z.array(Id).max(5000).default([]) })
      .strict(),
    output: z.object({
      created: z.array(Assignment),
      /** Assignments ended because a suggestion took them over. */
      ended: z.number().int(),
      /** Rotation suggestions that keep a running pair: nothing to write. */
      continued: z.number().int(),
    }),
  },
  /** Remembered: later runs do not suggest this mentor for this accommodation. */
  'matching.reject': {
    input: z.object(PairInput).strict(),
    output: z.object({ ...PairInput, rejectedOn: IsoDate }),
  },
  /** Every rejection the team has made, newest first, so any of them can be taken back. */
  'matching.rejections.list': { input: z.object({}).strict(), output: z.array(Rejection) },
  /** Takes a rejection back: later runs may suggest this mentor for this accommodation again. */
  'matching.unreject': {
    input: z.object(PairInput).strict(),
    output: z.object(PairInput),
  },
  /** What the rules say about a pair the team picks by hand: hard rules broken, soft concerns, score. */
  'matching.checkPair': {
    input: z.object({ ...PairInput, startDate: IsoDate, replacesAssignmentId: Id.optional() }).strict(),
    output: PairCheck,
  },
  /** A manual choice: refused (`conflict`) when a hard rule is broken; otherwise made, with the soft concerns. */
  'matching.override': {
    input: z.object({ ...PairInput, startDate: IsoDate, replacesAssignmentId: Id.optional() }).strict(),
    output: z.object({ assignment: Assignment, softConcerns: z.array(SoftConcern) }),
  },
  /** Marks a running pair as working (kept through rotation runs), or unmarks it. */
  'matching.markWorking': {
    input: z.object({ assignmentId: Id, working: z.boolean() }).strict(),
    output: z.object({ assignmentId: Id, working: z.boolean() }),
  },
  'matching.weights.get': { input: z.object({}).strict(), output: MatchingWeights },
  'matching.weights.update': { input: MatchingWeights.partial().strict(), output: MatchingWeights },
  'matching.avoid.list': { input: z.object({}).strict(), output: z.array(AvoidPair) },
  'matching.avoid.add': {
    input: z.object({ mentorId: Id, studentId: Id, reason: ShortText.min(1, 'Say why, for the team (kept private).') }).strict(),
    output: AvoidPair,
  },
  'matching.avoid.remove': { input: z.object({ id: Id }).strict(), output: z.object({ id: Id }) },
  'matching.profile.get': {
    input: z.object({ kind: z.enum(['student', 'mentor']), id: Id }).strict(),
    output: MatchProfile,
  },
  'matching.profile.set': {
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('student'), id: Id, interests: Interests, communication: Modes }).strict(),
      z.object({ kind: z.literal('mentor'), id: Id, communication: Modes }).strict(),
    ]),
    output: MatchProfile,
  },
} as const;
