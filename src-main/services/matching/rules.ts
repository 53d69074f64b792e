/**
 * The hard rules of matching for one pair, in plain words: every assignment rule (eligibility.ts,
 * the same rules `assignments.create` enforces) plus matching's own — the avoid list, the same
 * school, and the suggestions the team rejected. Pure. This is the reference the fast pair filter
 * (candidates.ts) is tested against, and what explanations and manual overrides show.
 */
import type { Exclusion, ExclusionRule } from '../../contract/matching';
import { checkEligibility, mentorDisplayName } from '../mentors/eligibility';
import type { Candidate, MatchingProblem, Seat } from './problem';

/** The pair lists of a problem by mentor: most mentors are on neither, so a lookup is one miss. */
export interface PairLists {
  /** The students each mentor must never be matched with. */
  avoid: ReadonlyMap<string, ReadonlySet<string>>;
  /** The accommodations each mentor was rejected for, with the day. */
  rejected: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

export function pairLists(problem: Pick<MatchingProblem, 'avoid' | 'rejected'>): PairLists {
  const avoid = new Map<string, Set<string>>();
  for (const pair of problem.avoid) avoid.set(pair.mentorId, (avoid.get(pair.mentorId) ?? new Set()).add(pair.studentId));
  const rejected = new Map<string, Map<string, string>>();
  for (const pair of problem.rejected) {
    rejected.set(pair.mentorId, (rejected.get(pair.mentorId) ?? new Map()).set(pair.accommodationId, pair.rejectedOn));
  }
  return { avoid, rejected };
}

/** A key for a pair of ids (ids never hold a newline). */
export function pairKey(a: string, b: string): string {
  return `${a}\n${b}`;
}

/**
 * A rejection is the team's earlier judgement, not a rule about the people: it keeps the pair out
 * of suggestions, but a manual override may still choose it. `taken` is no rule at all.
 */
const NOT_BLOCKING_AN_OVERRIDE: ReadonlySet<ExclusionRule> = new Set(['rejected', 'taken']);

export function blocksOverride(exclusion: Exclusion): boolean {
  return !NOT_BLOCKING_AN_OVERRIDE.has(exclusion.rule);
}

/** Every rule that keeps this mentor out of this seat on `date`; empty when the pair may be suggested. */
export function pairExclusions(date: string, lists: PairLists, seat: Seat, candidate: Candidate): Exclusion[] {
  const name = mentorDisplayName(candidate.facts);
  const exclusions: Exclusion[] = checkEligibility({
    mentor: candidate.facts,
    accommodation: seat.accommodation,
    activeAssignments: candidate.activeAssignments,
    alreadyAssigned: candidate.assignedTo.includes(seat.accommodationId),
    date,
  });
  if (candidate.school !== seat.school) {
    exclusions.push({
      rule: 'other_school',
      message: `${name} attends ${candidate.school}, not ${seat.studentCallName}'s school (${seat.school}).`,
    });
  }
  if (lists.avoid.get(candidate.mentorId)?.has(seat.accommodation.studentId)) {
    // The reason stays on the avoid list, which only staff open.
    exclusions.push({ rule: 'avoid_list', message: `${name} and ${seat.studentCallName} are on the avoid list.` });
  }
  const rejectedOn = lists.rejected.get(candidate.mentorId)?.get(seat.accommodationId);
  if (rejectedOn !== undefined) {
    exclusions.push({
      rule: 'rejected',
      message: `The team rejected ${name} for ${seat.accommodation.settingClass} on ${rejectedOn}.`,
    });
  }
  return exclusions;
}
