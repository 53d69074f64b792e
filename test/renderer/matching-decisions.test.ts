/**
 * What the suggestions screen sends and keeps: "Accept all" takes only undecided suggestions and
 * ends only the rotation pairs nobody decided to keep; weights send only what changed; interests
 * typed with commas become a clean list.
 */
import { describe, expect, it } from 'vitest';
import { COMMUNICATION_MODES, DEFAULT_MATCHING_WEIGHTS, type MatchRun, type MatchSuggestion, SCORE_PARTS } from '../../src-main/contract';
import {
  acceptAllInput,
  changedWeights,
  type Decisions,
  decide,
  parseInterests,
  seatKey,
  undecide,
  undecided,
} from '../../src-renderer/src/screens/matching/run-decisions';

function suggestion(accommodationId: string, mentorId: string, replacesAssignmentId: string | null = null): MatchSuggestion {
  return {
    accommodationId,
    settingClass: 'Math 7',
    role: 'peer_tutor',
    studentId: `student-${accommodationId}`,
    studentName: 'Ana Ruiz',
    mentorId,
    mentorName: 'Sam Lee',
    replacesAssignmentId,
    continues: false,
    score: 500,
    reasons: [],
  };
}

function pair(assignmentId: string) {
  return { assignmentId, accommodationId: 'acc', settingClass: 'Math 7', studentName: 'Ana Ruiz', mentorId: 'men', mentorName: 'Sam Lee' };
}

function run(suggestions: MatchSuggestion[], ending: string[] = []): MatchRun {
  return {
    startDate: '2026-10-05',
    mode: ending.length > 0 ? 'rotation' : 'fill',
    weights: DEFAULT_MATCHING_WEIGHTS,
    suggestions,
    openSeats: [],
    keptPairs: [],
    ending: ending.map(pair),
    totals: { seats: suggestions.length, seatsFilled: suggestions.length, seatsOpen: 0, totalScore: 0 },
  };
}

describe('accept all', () => {
  it('sends every suggestion when nothing is decided', () => {
    const all = run([suggestion('a1', 'm1'), suggestion('a2', 'm2')]);
    expect(acceptAllInput(all, new Map())).toEqual({
      startDate: '2026-10-05',
      suggestions: [
        { accommodationId: 'a1', mentorId: 'm1', replacesAssignmentId: null },
        { accommodationId: 'a2', mentorId: 'm2', replacesAssignmentId: null },
      ],
      ending: [],
    });
  });

  it('leaves out suggestions already accepted, rejected or replaced by hand', () => {
    const all = run([suggestion('a1', 'm1'), suggestion('a2', 'm2'), suggestion('a3', 'm3'), suggestion('a4', 'm4')]);
    let decisions: Decisions = new Map();
    decisions = decide(decisions, seatKey({ accommodationId: 'a1', mentorId: 'm1' }), { kind: 'accepted' });
    decisions = decide(decisions, seatKey({ accommodationId: 'a2', mentorId: 'm2' }), { kind: 'rejected' });
    decisions = decide(decisions, seatKey({ accommodationId: 'a3', mentorId: 'm3' }), { kind: 'chosen', mentorName: 'Kim' });
    expect(undecided(all, decisions).map((one) => one.accommodationId)).toEqual(['a4']);
    expect(acceptAllInput(all, decisions).suggestions).toEqual([{ accommodationId: 'a4', mentorId: 'm4', replacesAssignmentId: null }]);
  });

  it('in a rotation, ends the running pairs except those a decided suggestion was to take over', () => {
    const all = run(
      [suggestion('a1', 'm1', 'old-1'), suggestion('a2', 'm2', 'old-2'), suggestion('a3', 'm3', 'old-3')],
      ['old-1', 'old-2', 'old-3', 'rotated-out'],
    );
    let decisions: Decisions = new Map();
    // Rejected: the old pair keeps running. Accepted alone: its old pair has already ended.
    decisions = decide(decisions, seatKey({ accommodationId: 'a1', mentorId: 'm1' }), { kind: 'rejected' });
    decisions = decide(decisions, seatKey({ accommodationId: 'a2', mentorId: 'm2' }), { kind: 'accepted' });
    const input = acceptAllInput(all, decisions);
    expect(input.ending).toEqual(['old-3', 'rotated-out']);
    expect(input.suggestions).toEqual([{ accommodationId: 'a3', mentorId: 'm3', replacesAssignmentId: 'old-3' }]);
  });

  it('a rejection taken back puts the suggestion back into "Accept all"', () => {
    const all = run([suggestion('a1', 'm1'), suggestion('a2', 'm2')]);
    const rejected = decide(new Map(), seatKey({ accommodationId: 'a1', mentorId: 'm1' }), { kind: 'rejected' });
    const undone = undecide(rejected, seatKey({ accommodationId: 'a1', mentorId: 'm1' }));
    expect(rejected.size).toBe(1);
    expect(acceptAllInput(all, undone).suggestions.map((one) => one.accommodationId)).toEqual(['a1', 'a2']);
  });

  it('a decision does not change the map it was given', () => {
    const before: Decisions = new Map();
    const after = decide(before, 'a1:m1', { kind: 'accepted' });
    expect(before.size).toBe(0);
    expect(after.get('a1:m1')).toEqual({ kind: 'accepted' });
  });
});

describe('weights', () => {
  it('lists every soft score once, in the contract order', () => {
    expect(SCORE_PARTS).toEqual(['interests', 'grade', 'communication', 'continuity', 'rotation', 'checkIns', 'balance']);
  });

  it('sends only the parts that changed', () => {
    expect(changedWeights(DEFAULT_MATCHING_WEIGHTS, { ...DEFAULT_MATCHING_WEIGHTS, grade: 7, balance: 0 })).toEqual({
      grade: 7,
      balance: 0,
    });
    expect(changedWeights(DEFAULT_MATCHING_WEIGHTS, { ...DEFAULT_MATCHING_WEIGHTS })).toEqual({});
  });
});

describe('profiles', () => {
  it('reads comma-separated interests without blanks or repeats', () => {
    expect(parseInterests(' soccer, drawing ,,Robotics, robotics , board   games ')).toEqual([
      'soccer',
      'drawing',
      'Robotics',
      'board games',
    ]);
    expect(parseInterests('   ')).toEqual([]);
  });

  it('offers every communication mode', () => {
    expect(COMMUNICATION_MODES).toEqual(['spoken', 'written', 'visual', 'sign_language', 'aac_device']);
  });
});
