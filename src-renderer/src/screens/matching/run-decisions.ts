/**
 * What the team decided about one matching run, kept on the screen until the next run: which
 * suggestions were accepted, rejected or replaced by a hand-picked mentor, and what "Accept all"
 * still has to send. Pure, so the rules are unit-tested (test/renderer/matching-decisions.test.ts).
 */
import type { InputOf, MatchingWeights, MatchRun, MatchSuggestion } from '../../../../src-main/contract';

export type Decision = { kind: 'accepted' } | { kind: 'rejected' } | { kind: 'chosen'; mentorName: string };
export type Decisions = ReadonlyMap<string, Decision>;

/** A seat is one accommodation; with several mentors needed, each suggestion is one seat of it. */
export function seatKey(suggestion: Pick<MatchSuggestion, 'accommodationId' | 'mentorId'>): string {
  return `${suggestion.accommodationId}:${suggestion.mentorId}`;
}

export function decide(decisions: Decisions, key: string, decision: Decision): Decisions {
  return new Map(decisions).set(key, decision);
}

/** A decision taken back (a rejection undone): the suggestion is open again. */
export function undecide(decisions: Decisions, key: string): Decisions {
  const next = new Map(decisions);
  next.delete(key);
  return next;
}

/** Suggestions no one has decided about yet. */
export function undecided(run: MatchRun, decisions: Decisions): MatchSuggestion[] {
  return run.suggestions.filter((suggestion) => !decisions.has(seatKey(suggestion)));
}

/**
 * "Accept all": every undecided suggestion, and in a rotation the running pairs the plan ends —
 * except those a rejected suggestion would have taken over (the old pair keeps running then), and
 * those already ended by a suggestion accepted or replaced one at a time.
 */
export function acceptAllInput(run: MatchRun, decisions: Decisions): Required<InputOf<'matching.accept'>> {
  const keepRunning = new Set(
    run.suggestions
      .filter((suggestion) => suggestion.replacesAssignmentId !== null && decisions.has(seatKey(suggestion)))
      .map((suggestion) => suggestion.replacesAssignmentId),
  );
  return {
    startDate: run.startDate,
    suggestions: undecided(run, decisions).map((suggestion) => ({
      mentorId: suggestion.mentorId,
      accommodationId: suggestion.accommodationId,
      replacesAssignmentId: suggestion.replacesAssignmentId,
    })),
    ending: run.ending.map((pair) => pair.assignmentId).filter((id) => !keepRunning.has(id)),
  };
}

/** Whether a weight form differs from what is saved, part by part. */
export function changedWeights(saved: MatchingWeights, edited: MatchingWeights): Partial<MatchingWeights> {
  const changes: Partial<MatchingWeights> = {};
  for (const part of Object.keys(saved) as (keyof MatchingWeights)[]) {
    if (saved[part] !== edited[part]) changes[part] = edited[part];
  }
  return changes;
}

/** Interests typed as "soccer, drawing , robotics" → trimmed, without blanks or repeats (case-insensitive). */
export function parseInterests(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(',')) {
    const interest = part.trim().replace(/\s+/g, ' ');
    if (interest === '' || seen.has(interest.toLowerCase())) continue;
    seen.add(interest.toLowerCase());
    out.push(interest);
  }
  return out;
}
