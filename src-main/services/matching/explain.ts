/**
 * Matching in plain words, for staff: why a suggestion was made (each soft score with its points,
 * so they add up to the score), what a hand-picked pair does poorly on, and why an open seat stayed
 * open — every near-miss with every rule that rules them out. Pure. Never mentions why a pair is
 * on the avoid list: that reason stays on the avoid list.
 */
import type {
  CommunicationMode,
  Exclusion,
  ExclusionRule,
  MatchingWeights,
  MatchReason,
  NearMiss,
  SoftConcern,
} from '../../contract/matching';
import { describeSlots, mentorDisplayName, REQUIRED_TRAINING, ROLE_LABELS } from '../mentors/eligibility';
import { pairSignals } from './candidates';
import type { Candidate, PairHistory, Seat } from './problem';
import { type PairLists, pairExclusions } from './rules';
import {
  balancePoints,
  checkInPoints,
  communicationPoints,
  continuityPoints,
  gradePoints,
  interestsPoints,
  normalizeInterest,
  type PairSignals,
  rotationPoints,
} from './scoring';

const MODE_LABELS: Readonly<Record<CommunicationMode, string>> = {
  spoken: 'talking',
  written: 'written notes',
  visual: 'pictures and visual supports',
  sign_language: 'sign language',
  aac_device: 'an AAC device',
};

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function peers(n: number): string {
  return n === 1 ? '1 peer' : `${n} peers`;
}

function sharedInterests(seat: Seat, candidate: Candidate): string[] {
  const mentor = new Set(candidate.interests.map(normalizeInterest));
  return [...new Set(seat.interests.map(normalizeInterest))].filter((interest) => mentor.has(interest)).sort();
}

function modesSplit(seat: Seat, candidate: Candidate): { shared: string[]; missing: string[] } {
  const own = new Set(candidate.communication);
  const wanted = [...new Set(seat.communication)];
  return {
    shared: wanted.filter((mode) => own.has(mode)).map((mode) => MODE_LABELS[mode]),
    missing: wanted.filter((mode) => !own.has(mode)).map((mode) => MODE_LABELS[mode]),
  };
}

function averageText(history: PairHistory): string {
  const checkIns = history.checkIns === 1 ? '1 check-in' : `${history.checkIns} check-ins`;
  return `${(history.checkInAverage ?? 0).toFixed(1)} of 5 (${checkIns})`;
}

/** The rules the pair meets that a teacher asks about first: when they are both there, and the training. */
function ruleReasons(seat: Seat, candidate: Candidate): MatchReason[] {
  const name = mentorDisplayName(candidate.facts);
  const free = candidate.facts.availability;
  const together = seat.accommodation.slots.filter((slot) => free.some((own) => own.day === slot.day && own.period === slot.period));
  const role = seat.accommodation.role;
  const completed = candidate.facts.training
    .filter((record) => REQUIRED_TRAINING[role].includes(record.module))
    .map((record) => record.completedOn)
    .sort();
  return [
    { kind: 'schedule', text: `${name} is free during ${seat.accommodation.settingClass} on ${describeSlots(together)}.`, points: 0 },
    { kind: 'training', text: `${name} trained as a ${ROLE_LABELS[role]}, complete on ${completed.at(-1) ?? 'record'}.`, points: 0 },
  ];
}

/** One reason per soft score with a weight above 0; their points add up to the pair's share of the score. */
function softReasons(weights: MatchingWeights, seat: Seat, candidate: Candidate, signals: PairSignals, loadBefore: number): MatchReason[] {
  const name = mentorDisplayName(candidate.facts);
  const student = seat.studentCallName;
  const history = signals.history;
  const reasons: MatchReason[] = [];
  const add = (kind: MatchReason['kind'], weight: number, points: number, text: string) => {
    if (weight > 0) reasons.push({ kind, text, points: weight * points });
  };

  const shared = sharedInterests(seat, candidate);
  add(
    'interests',
    weights.interests,
    interestsPoints(signals.sharedInterests, signals.studentInterests),
    seat.interests.length === 0
      ? `No interests are recorded for ${student}.`
      : shared.length > 0
        ? `Both like ${listWords(shared)}.`
        : `${name} shares none of ${student}'s interests.`,
  );
  add(
    'grade',
    weights.grade,
    gradePoints(signals.gradeGap),
    signals.gradeGap === 0
      ? `Both are in grade ${seat.grade}.`
      : `${name} is in grade ${candidate.grade}, ${student} in grade ${seat.grade}.`,
  );
  const modes = modesSplit(seat, candidate);
  add(
    'communication',
    weights.communication,
    communicationPoints(signals.sharedModes, signals.studentModes),
    seat.communication.length === 0
      ? `No communication preferences are recorded for ${student}.`
      : modes.missing.length === 0
        ? `${name} can use ${listWords(modes.shared)}, as ${student} prefers.`
        : `${name} can use ${modes.shared.length > 0 ? listWords(modes.shared) : 'none'} of ${student}'s preferences (not ${listWords(modes.missing)}).`,
  );
  add(
    'continuity',
    weights.continuity,
    continuityPoints(history),
    history ? `${name} has supported ${student} since ${history.since}.` : `${name} has not supported ${student} before.`,
  );
  add(
    'rotation',
    weights.rotation,
    rotationPoints(history),
    history ? `Not a new pair: ${name} has supported ${student} before.` : 'A new pair, as rotating pairs advises.',
  );
  add(
    'checkIns',
    weights.checkIns,
    checkInPoints(history),
    history && history.checkIns > 0 && history.checkInAverage !== null
      ? `Check-ins of this pair averaged ${averageText(history)}.`
      : 'No rated check-ins of this pair yet (counted as neutral).',
  );
  const cap = candidate.facts.loadCap;
  add('balance', weights.balance, balancePoints(loadBefore, cap), `${name} would support ${peers(loadBefore + 1)} (limit ${cap}).`);
  return reasons;
}

/** Why this mentor for this seat: the rules met, then each soft score with its points. */
export function suggestionReasons(
  weights: MatchingWeights,
  seat: Seat,
  candidate: Candidate,
  history: PairHistory | undefined,
  loadBefore: number,
): MatchReason[] {
  return [...ruleReasons(seat, candidate), ...softReasons(weights, seat, candidate, pairSignals(seat, candidate, history), loadBefore)];
}

/** What a hand-picked pair does poorly on. Shown before an override; none of it blocks one. */
export function softConcerns(
  weights: MatchingWeights,
  seat: Seat,
  candidate: Candidate,
  history: PairHistory | undefined,
  extra: { rejectedOn: string | undefined; seatFull: boolean; mentorsNeeded: number },
): SoftConcern[] {
  const name = mentorDisplayName(candidate.facts);
  const student = seat.studentCallName;
  const signals = pairSignals(seat, candidate, history);
  const concerns: SoftConcern[] = [];
  if (weights.interests > 0 && signals.studentInterests > 0 && signals.sharedInterests === 0) {
    concerns.push({ kind: 'interests', message: `${name} shares none of ${student}'s interests.` });
  }
  if (weights.grade > 0 && Math.abs(signals.gradeGap) >= 2) {
    concerns.push({
      kind: 'grade',
      message: `${name} (grade ${candidate.grade}) and ${student} (grade ${seat.grade}) are ${Math.abs(signals.gradeGap)} grades apart.`,
    });
  }
  const { missing } = modesSplit(seat, candidate);
  if (weights.communication > 0 && missing.length > 0) {
    concerns.push({ kind: 'communication', message: `${name} does not use ${listWords(missing)}, which ${student} prefers.` });
  }
  if (weights.rotation > 0 && history) {
    concerns.push({
      kind: 'rotation',
      message: `${name} has supported ${student} since ${history.since}; rotating pairs is preferred.`,
    });
  }
  if (weights.checkIns > 0 && history && history.checkInAverage !== null && history.checkIns > 0 && history.checkInAverage < 3) {
    concerns.push({ kind: 'checkIns', message: `Check-ins of this pair averaged ${averageText(history)}.` });
  }
  const loadAfter = candidate.activeAssignments + 1;
  if (weights.balance > 0 && loadAfter >= candidate.facts.loadCap) {
    concerns.push({ kind: 'balance', message: `This fills ${name}'s load (${loadAfter} of ${candidate.facts.loadCap}).` });
  }
  if (extra.rejectedOn !== undefined) {
    concerns.push({
      kind: 'rejected',
      message: `The team rejected ${name} for ${seat.accommodation.settingClass} on ${extra.rejectedOn}.`,
    });
  }
  if (extra.seatFull) {
    const mentors = extra.mentorsNeeded === 1 ? 'the 1 mentor' : `the ${extra.mentorsNeeded} mentors`;
    concerns.push({ kind: 'seat_full', message: `${seat.accommodation.settingClass} already has ${mentors} it needs.` });
  }
  return concerns;
}

/** How the summary of an open seat names each rule. */
const RULE_PHRASES: Readonly<Record<ExclusionRule, string>> = {
  consent: 'no current consent',
  guardian_consent: 'no current guardian consent',
  training: 'missing or expired training',
  load_cap: 'at their load cap',
  time_off: 'on time off',
  schedule: 'not free at those times',
  self: 'the student themself',
  archived: 'archived',
  already_assigned: 'already assigned here',
  plan_closed: 'plan not open',
  outside_dates: 'outside the support dates',
  avoid_list: 'on the avoid list',
  other_school: 'at another school',
  rejected: 'rejected here by the team',
  taken: 'needed for other seats',
};

const NEAR_MISSES_SHOWN = 5;

function isTaken(miss: NearMiss): boolean {
  return miss.exclusions.some((exclusion) => exclusion.rule === 'taken');
}

export interface OpenSeatContext {
  date: string;
  lists: PairLists;
  /** For each candidate (same order as `candidates`), the settings of the seats the plan gives them. */
  placedAt: readonly (readonly string[])[];
}

/** Why a seat stayed open: a one-line summary over the mentors of the student's school, and the closest near-misses. */
export function explainOpenSeat(
  context: OpenSeatContext,
  seat: Seat,
  candidates: readonly Candidate[],
  fillingIt: ReadonlySet<number>,
): { summary: string; nearMisses: NearMiss[] } {
  const ruledOut: (NearMiss & { index: number })[] = [];
  candidates.forEach((candidate, index) => {
    if (candidate.school !== seat.school || fillingIt.has(index)) return;
    let exclusions: Exclusion[] = pairExclusions(context.date, context.lists, seat, candidate);
    if (exclusions.length === 0) {
      const name = mentorDisplayName(candidate.facts);
      const places = context.placedAt[index] ?? [];
      const where = places.length > 0 ? listWords([...places]) : 'other seats';
      exclusions = [
        {
          rule: 'taken',
          message: `${name} could take this seat, but the best plan for the whole program needs ${name} for ${where}.`,
        },
      ];
    }
    ruledOut.push({ index, mentorId: candidate.mentorId, mentorName: candidate.mentorName, exclusions });
  });

  if (ruledOut.length === 0 && fillingIt.size === 0) {
    return { summary: `No mentor attends ${seat.school}.`, nearMisses: [] };
  }
  const counts = new Map<ExclusionRule, number>();
  for (const miss of ruledOut) {
    for (const rule of new Set(miss.exclusions.map((exclusion) => exclusion.rule))) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  }
  const tally = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([rule, n]) => `${n} ${RULE_PHRASES[rule]}`);
  const several = [...counts.values()].reduce((sum, n) => sum + n, 0) > ruledOut.length;
  const mentors = ruledOut.length === 1 ? '1 other mentor' : `${ruledOut.length} other mentors`;
  const summary =
    ruledOut.length === 0
      ? `Every mentor at ${seat.school} who could take it is already suggested here.`
      : `Of ${mentors} at ${seat.school}, none could take it: ${listWords(tally)}${several ? ' (some for more than one reason)' : ''}.`;
  const nearMisses = ruledOut
    // Closest first: fewest rules in the way, and among those an eligible mentor the plan needs elsewhere.
    .sort((a, b) => a.exclusions.length - b.exclusions.length || Number(isTaken(b)) - Number(isTaken(a)) || a.index - b.index)
    .slice(0, NEAR_MISSES_SHOWN)
    .map(({ mentorId, mentorName, exclusions }) => ({ mentorId, mentorName, exclusions }));
  return { summary, nearMisses };
}
