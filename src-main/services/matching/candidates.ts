/**
 * The candidate graph: which seat × mentor pairs the hard rules allow, and each allowed pair's soft
 * score. A district has millions of pairs, so the rules of rules.ts run here in a compiled form:
 * what depends on the mentor alone (consent, training for each role, time off, load cap, archived)
 * and on the seat alone (plan status, dates) is asked of eligibility.ts itself, once per mentor and
 * role and once per seat, through probes that meet every other rule; only the pair-level checks
 * (schedule overlap, self, already assigned, school, avoid list, rejections) run per pair, on
 * bitmasks and sets. test/unit/matching-rules.test.ts checks that it agrees with pairExclusions.
 *
 * Seats are ordered by accommodation id and mentors by mentor id before anything else, so the
 * result never depends on the order the input came in: ties are broken by ids.
 */
import { DAYS } from '../../contract/common';
import { COMMUNICATION_MODES, type CommunicationMode } from '../../contract/matching';
import { TRAINING_MODULES } from '../../contract/mentors';
import { PEER_ROLES, type PeerRole } from '../../contract/plans';
import { checkEligibility, type MentorFacts } from '../mentors/eligibility';
import type { Candidate, MatchingProblem, PairHistory, Seat } from './problem';
import { type PairLists, pairKey, pairLists } from './rules';
import { normalizeInterest, type PairSignals, pairScore } from './scoring';

export interface CandidateGraph {
  seats: Seat[];
  candidates: Candidate[];
  /** Allowed pairs grouped by seat: seat s owns edges edgeStart[s] … edgeStart[s + 1] − 1, in mentor order. */
  edgeStart: Int32Array;
  edgeSeat: Int32Array;
  edgeMentor: Int32Array;
  edgeScore: Int32Array;
  /** How many more peers each mentor can take (load cap minus running assignments). */
  room: Int32Array;
  lists: PairLists;
  history: ReadonlyMap<string, PairHistory>;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function sortedSeats(seats: readonly Seat[]): Seat[] {
  return [...seats].sort((a, b) => byId(a.accommodationId, b.accommodationId));
}

export function sortedCandidates(candidates: readonly Candidate[]): Candidate[] {
  return [...candidates].sort((a, b) => byId(a.mentorId, b.mentorId));
}

export function historyIndex(history: readonly PairHistory[]): Map<string, PairHistory> {
  return new Map(history.map((entry) => [pairKey(entry.mentorId, entry.studentId), entry]));
}

const PERIODS_PER_DAY = 13;

/** Day × period as 65 bits in three 32-bit words. */
function slotMask(slots: readonly { day: (typeof DAYS)[number]; period: number }[]): Uint32Array {
  const mask = new Uint32Array(3);
  for (const slot of slots) {
    const bit = DAYS.indexOf(slot.day) * PERIODS_PER_DAY + slot.period;
    mask[bit >>> 5] = (mask[bit >>> 5] ?? 0) | (1 << (bit & 31));
  }
  return mask;
}

function overlaps(a: Uint32Array, b: Uint32Array): boolean {
  return ((a[0] ?? 0) & (b[0] ?? 0)) !== 0 || ((a[1] ?? 0) & (b[1] ?? 0)) !== 0 || ((a[2] ?? 0) & (b[2] ?? 0)) !== 0;
}

/** A mentor who meets every rule that depends on the mentor, free whenever the seat meets. */
function idealMentor(seat: Seat, date: string): MentorFacts {
  return {
    firstName: 'probe',
    preferredName: null,
    studentId: null,
    archived: false,
    consentGivenOn: date,
    consentWithdrawnOn: null,
    guardianConsentGivenOn: date,
    guardianConsentWithdrawnOn: null,
    training: TRAINING_MODULES.map((module) => ({ module, completedOn: date })),
    availability: seat.accommodation.slots,
    loadCap: 1,
    timeOff: [],
  };
}

/** The seat rules (plan open, date inside the accommodation), asked of eligibility.ts with an ideal mentor. */
function seatOpen(seat: Seat, date: string): boolean {
  const refusals = checkEligibility({
    mentor: idealMentor(seat, date),
    accommodation: seat.accommodation,
    activeAssignments: 0,
    alreadyAssigned: false,
    date,
  });
  // An accommodation without slots is refused on schedule here; the pair check refuses it for every mentor too.
  return refusals.every((refusal) => refusal.rule === 'schedule');
}

/** The mentor rules for a role, asked of eligibility.ts with a seat of that role that meets every seat rule. */
function mentorFitsRole(candidate: Candidate, role: PeerRole, date: string): boolean {
  const refusals = checkEligibility({
    mentor: candidate.facts,
    accommodation: {
      role,
      settingClass: 'probe',
      slots: candidate.facts.availability,
      startDate: date,
      endDate: date,
      // Ids are at least 6 characters: no mentor is this student.
      studentId: '',
      planStatus: 'active',
    },
    activeAssignments: candidate.activeAssignments,
    alreadyAssigned: false,
    date,
  });
  return refusals.every((refusal) => refusal.rule === 'schedule');
}

export interface PairFilter {
  /** True when no hard rule keeps candidate `c` out of seat `s` (indexes into the sorted lists). */
  allows(s: number, c: number): boolean;
  /** Every candidate `allows` lets into seat `s`, in mentor order; fast, for scanning a whole district. */
  allowedFor(s: number): number[];
}

export function compilePairFilter(date: string, lists: PairLists, seats: readonly Seat[], candidates: readonly Candidate[]): PairFilter {
  const roles = PEER_ROLES.length;
  const fitsRole = new Uint8Array(candidates.length * roles);
  // Who passes the mentor rules for each role, by school: the short list a seat's pair checks run on.
  const shortlists = new Map<string, number[]>();
  candidates.forEach((candidate, c) => {
    PEER_ROLES.forEach((role, r) => {
      if (!mentorFitsRole(candidate, role, date)) return;
      fitsRole[c * roles + r] = 1;
      const key = pairKey(role, candidate.school);
      const list = shortlists.get(key);
      if (list) list.push(c);
      else shortlists.set(key, [c]);
    });
  });
  const open = seats.map((seat) => seatOpen(seat, date));
  const seatSlots = seats.map((seat) => slotMask(seat.accommodation.slots));
  const mentorSlots = candidates.map((candidate) => slotMask(candidate.facts.availability));
  const assigned = candidates.map((candidate) => (candidate.assignedTo.length === 0 ? null : new Set(candidate.assignedTo)));
  const avoidedBy = candidates.map((candidate) => lists.avoid.get(candidate.mentorId));
  const rejectedBy = candidates.map((candidate) => lists.rejected.get(candidate.mentorId));

  /** The rules that depend on both: schedule overlap, self, already assigned, avoid list, rejections. */
  function pairPasses(s: number, c: number): boolean {
    const seat = seats[s] as Seat;
    const studentId = seat.accommodation.studentId;
    if (!overlaps(seatSlots[s] as Uint32Array, mentorSlots[c] as Uint32Array)) return false;
    if ((candidates[c] as Candidate).facts.studentId === studentId) return false;
    if (assigned[c]?.has(seat.accommodationId)) return false;
    if (avoidedBy[c]?.has(studentId)) return false;
    return !rejectedBy[c]?.has(seat.accommodationId);
  }

  return {
    allows(s, c) {
      const seat = seats[s];
      const candidate = candidates[c];
      if (!seat || !candidate || !open[s]) return false;
      const role = PEER_ROLES.indexOf(seat.accommodation.role);
      return fitsRole[c * roles + role] === 1 && candidate.school === seat.school && pairPasses(s, c);
    },
    allowedFor(s) {
      const seat = seats[s];
      if (!seat || !open[s]) return [];
      return (shortlists.get(pairKey(seat.accommodation.role, seat.school)) ?? []).filter((c) => pairPasses(s, c));
    },
  };
}

/** The numbers the soft scores of one pair are computed from (the slow, readable path: explanations use it). */
export function pairSignals(seat: Seat, candidate: Candidate, history: PairHistory | undefined): PairSignals {
  const mentorInterests = new Set(candidate.interests.map(normalizeInterest));
  const studentInterests = new Set(seat.interests.map(normalizeInterest));
  const modes = new Set(candidate.communication);
  const studentModes = new Set(seat.communication);
  return {
    sharedInterests: [...studentInterests].filter((interest) => mentorInterests.has(interest)).length,
    studentInterests: studentInterests.size,
    gradeGap: candidate.grade - seat.grade,
    sharedModes: [...studentModes].filter((mode) => modes.has(mode)).length,
    studentModes: studentModes.size,
    history,
  };
}

/** Interests as bitsets over every interest anyone named, and communication modes as bits: scoring a million pairs stays cheap. */
function encodeProfiles(seats: readonly Seat[], candidates: readonly Candidate[]) {
  const ids = new Map<string, number>();
  for (const person of [...seats, ...candidates]) {
    for (const text of person.interests) {
      const key = normalizeInterest(text);
      if (!ids.has(key)) ids.set(key, ids.size);
    }
  }
  const words = Math.max(1, Math.ceil(ids.size / 32));
  const bitset = (interests: readonly string[]) => {
    const set = new Uint32Array(words);
    for (const text of interests) {
      const id = ids.get(normalizeInterest(text)) ?? 0;
      set[id >>> 5] = (set[id >>> 5] ?? 0) | (1 << (id & 31));
    }
    return set;
  };
  const bits = (modes: readonly CommunicationMode[]) => modes.reduce((mask, mode) => mask | (1 << modeIndex(mode)), 0);
  return {
    words,
    seatInterests: seats.map((seat) => bitset(seat.interests)),
    seatModes: seats.map((seat) => bits(seat.communication)),
    mentorInterests: candidates.map((candidate) => bitset(candidate.interests)),
    mentorModes: candidates.map((candidate) => bits(candidate.communication)),
  };
}

function modeIndex(mode: CommunicationMode): number {
  return COMMUNICATION_MODES.indexOf(mode);
}

function bitCount(mask: number): number {
  let n = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) n += 1;
  return n;
}

export function buildCandidateGraph(problem: MatchingProblem): CandidateGraph {
  const seats = sortedSeats(problem.seats);
  const candidates = sortedCandidates(problem.candidates);
  const lists = pairLists(problem);
  const history = historyIndex(problem.history);
  const filter = compilePairFilter(problem.date, lists, seats, candidates);
  const profiles = encodeProfiles(seats, candidates);
  const historyByMentor = new Map<string, Map<string, PairHistory>>();
  for (const entry of problem.history) {
    const own = historyByMentor.get(entry.mentorId) ?? new Map<string, PairHistory>();
    own.set(entry.studentId, entry);
    historyByMentor.set(entry.mentorId, own);
  }
  const historyOf = candidates.map((candidate) => historyByMentor.get(candidate.mentorId));

  const signals: PairSignals = {
    sharedInterests: 0,
    studentInterests: 0,
    gradeGap: 0,
    sharedModes: 0,
    studentModes: 0,
    history: undefined,
  };
  const edgeStart = new Int32Array(seats.length + 1);
  const seatsOut: number[] = [];
  const mentorsOut: number[] = [];
  const scoresOut: number[] = [];
  seats.forEach((seat, s) => {
    edgeStart[s] = mentorsOut.length;
    const interests = profiles.seatInterests[s] as Uint32Array;
    let studentInterests = 0;
    for (let w = 0; w < profiles.words; w += 1) studentInterests += bitCount(interests[w] ?? 0);
    const modes = profiles.seatModes[s] ?? 0;
    // One signals object for the whole scan: scoring half a million pairs allocates nothing per pair.
    signals.studentInterests = studentInterests;
    signals.studentModes = bitCount(modes);
    for (const c of filter.allowedFor(s)) {
      const candidate = candidates[c] as Candidate;
      const mentorInterests = profiles.mentorInterests[c] as Uint32Array;
      let shared = 0;
      for (let w = 0; w < profiles.words; w += 1) shared += bitCount((interests[w] ?? 0) & (mentorInterests[w] ?? 0));
      signals.sharedInterests = shared;
      signals.gradeGap = candidate.grade - seat.grade;
      signals.sharedModes = bitCount(modes & (profiles.mentorModes[c] ?? 0));
      signals.history = historyOf[c]?.get(seat.accommodation.studentId);
      seatsOut.push(s);
      mentorsOut.push(c);
      scoresOut.push(pairScore(problem.weights, signals));
    }
  });
  edgeStart[seats.length] = mentorsOut.length;

  return {
    seats,
    candidates,
    edgeStart,
    edgeSeat: Int32Array.from(seatsOut),
    edgeMentor: Int32Array.from(mentorsOut),
    edgeScore: Int32Array.from(scoresOut),
    room: Int32Array.from(candidates, (candidate) => Math.max(0, candidate.facts.loadCap - candidate.activeAssignments)),
    lists,
    history,
  };
}
