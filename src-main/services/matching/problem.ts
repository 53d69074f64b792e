/**
 * The matching problem as plain, serializable data: the open seats, the candidate mentors, and what
 * is known about pairs. The solver (solve.ts) is a pure function of it — no database, no clock — so
 * it can be tested on its own and run in a worker thread (structured clone carries it unchanged).
 */
import type { CommunicationMode, EndingPair, MatchingWeights, MatchSuggestion, OpenSeat } from '../../contract/matching';
import type { AccommodationFacts, MentorFacts } from '../mentors/eligibility';

/** An accommodation that needs `openSeats` more mentors. */
export interface Seat {
  accommodationId: string;
  openSeats: number;
  /** The facts the assignment rules read (eligibility.ts). */
  accommodation: AccommodationFacts;
  /** "Jordan Example", for lists; `studentCallName` ("Jordan") for sentences. */
  studentName: string;
  studentCallName: string;
  grade: number;
  school: string;
  interests: readonly string[];
  communication: readonly CommunicationMode[];
  /** Rotation: running assignments of this accommodation a suggestion may take over, in that order. */
  replaces: readonly { assignmentId: string; mentorId: string }[];
}

/** A mentor who might fill seats. */
export interface Candidate {
  mentorId: string;
  /** "Sam Rivera"; sentences use the preferred or first name from `facts`. */
  mentorName: string;
  facts: MentorFacts;
  grade: number;
  school: string;
  interests: readonly string[];
  communication: readonly CommunicationMode[];
  /** Assignments running on the date (in a rotation run, without those the run may take over). */
  activeAssignments: number;
  /** The accommodations of those assignments. */
  assignedTo: readonly string[];
}

/** A mentor who has supported a student before, and how their check-ins went. */
export interface PairHistory {
  mentorId: string;
  studentId: string;
  /** The first day of their first assignment together. */
  since: string;
  /** Check-ins with a belonging or engagement rating. */
  checkIns: number;
  /** Mean of those ratings (1–5), null without any. */
  checkInAverage: number | null;
}

export interface MatchingProblem {
  /** The day the suggested assignments would start (ISO date). */
  date: string;
  weights: MatchingWeights;
  seats: readonly Seat[];
  candidates: readonly Candidate[];
  /** Pairs that must never be matched. The private reason never enters the problem. */
  avoid: readonly { mentorId: string; studentId: string }[];
  /** Suggestions the team rejected before. */
  rejected: readonly { mentorId: string; accommodationId: string; rejectedOn: string }[];
  history: readonly PairHistory[];
}

export interface MatchingResult {
  suggestions: MatchSuggestion[];
  openSeats: OpenSeat[];
  ending: EndingPair[];
  totals: { seats: number; seatsFilled: number; seatsOpen: number; totalScore: number };
}
