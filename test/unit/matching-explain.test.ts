import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCHING_WEIGHTS, type MatchingWeights } from '../../src-main/contract/matching';
import { explainOpenSeat, softConcerns, suggestionReasons } from '../../src-main/services/matching/explain';
import type { PairHistory } from '../../src-main/services/matching/problem';
import { pairLists } from '../../src-main/services/matching/rules';
import { solveMatching } from '../../src-main/services/matching/solve';
import { DATE, mentor, problem, SCHOOL, seat } from './matching-fixtures';

const ONLY = (part: keyof MatchingWeights): MatchingWeights => ({
  interests: 0,
  grade: 0,
  communication: 0,
  continuity: 0,
  rotation: 0,
  checkIns: 0,
  balance: 0,
  [part]: 1,
});

const worked: PairHistory = { mentorId: 'mentor-sam', studentId: 'student-jordan', since: '2026-02-02', checkIns: 4, checkInAverage: 4.5 };

function reason(part: keyof MatchingWeights, s = seat(), c = mentor(), history?: PairHistory, loadBefore = 0) {
  return suggestionReasons(ONLY(part), s, c, history, loadBefore).find((r) => r.kind === part);
}

describe('why a suggestion was made', () => {
  it('starts with the rules it meets: when both are there, and the training', () => {
    expect(suggestionReasons(DEFAULT_MATCHING_WEIGHTS, seat(), mentor(), undefined, 0).slice(0, 2)).toEqual([
      { kind: 'schedule', text: 'Sam is free during Math 7 on Mon P3.', points: 0 },
      { kind: 'training', text: 'Sam trained as a peer tutor, complete on 2026-09-06.', points: 0 },
    ]);
  });

  it('gives each soft score with a weight its points, which add up to the score', () => {
    const reasons = suggestionReasons(DEFAULT_MATCHING_WEIGHTS, seat(), mentor(), undefined, 0);
    expect(reasons.map((r) => [r.kind, r.points])).toEqual([
      ['schedule', 0],
      ['training', 0],
      ['interests', 3 * 50],
      ['grade', 2 * 75],
      ['communication', 3 * 100],
      ['continuity', 0],
      ['rotation', 2 * 100],
      ['checkIns', 2 * 50],
      ['balance', 2 * 100],
    ]);
    expect(suggestionReasons({ ...DEFAULT_MATCHING_WEIGHTS, grade: 0 }, seat(), mentor(), undefined, 0).map((r) => r.kind)).not.toContain(
      'grade',
    );
  });

  it('interests: shared, none shared, none recorded', () => {
    expect(reason('interests')).toEqual({ kind: 'interests', text: 'Both like robotics.', points: 50 });
    expect(reason('interests', seat({ interests: ['robotics', 'chess'] }))).toMatchObject({
      text: 'Both like chess and robotics.',
      points: 100,
    });
    expect(reason('interests', seat({ interests: ['soccer'] }))).toMatchObject({
      text: "Sam shares none of Jordan's interests.",
      points: 0,
    });
    expect(reason('interests', seat({ interests: [] }))).toMatchObject({ text: 'No interests are recorded for Jordan.', points: 0 });
  });

  it('grade: apart or the same', () => {
    expect(reason('grade')).toEqual({ kind: 'grade', text: 'Sam is in grade 8, Jordan in grade 7.', points: 75 });
    expect(reason('grade', seat({ grade: 8 }))).toMatchObject({ text: 'Both are in grade 8.', points: 100 });
  });

  it('communication: all, some or none of the student’s preferences, or none recorded', () => {
    expect(reason('communication')).toEqual({ kind: 'communication', text: 'Sam can use written notes, as Jordan prefers.', points: 100 });
    expect(reason('communication', seat({ communication: ['written', 'sign_language'] }))).toMatchObject({
      text: "Sam can use written notes of Jordan's preferences (not sign language).",
      points: 50,
    });
    expect(reason('communication', seat({ communication: ['aac_device'] }))).toMatchObject({
      text: "Sam can use none of Jordan's preferences (not an AAC device).",
      points: 0,
    });
    expect(reason('communication', seat({ communication: [] }))).toMatchObject({
      text: 'No communication preferences are recorded for Jordan.',
      points: 0,
    });
  });

  it('continuity and rotation: a pair that has worked together, or a new one', () => {
    expect(reason('continuity', seat(), mentor(), worked)).toMatchObject({
      text: 'Sam has supported Jordan since 2026-02-02.',
      points: 100,
    });
    expect(reason('continuity')).toMatchObject({ text: 'Sam has not supported Jordan before.', points: 0 });
    expect(reason('rotation')).toMatchObject({ text: 'A new pair, as rotating pairs advises.', points: 100 });
    expect(reason('rotation', seat(), mentor(), worked)).toMatchObject({
      text: 'Not a new pair: Sam has supported Jordan before.',
      points: 0,
    });
  });

  it('check-ins: how the pair’s check-ins went, or neutral without any', () => {
    expect(reason('checkIns', seat(), mentor(), worked)).toMatchObject({
      text: 'Check-ins of this pair averaged 4.5 of 5 (4 check-ins).',
      points: 88,
    });
    expect(reason('checkIns')).toMatchObject({ text: 'No rated check-ins of this pair yet (counted as neutral).', points: 50 });
  });

  it('balance: fewer points for each further peer a mentor takes', () => {
    expect(reason('balance')).toMatchObject({ text: 'Sam would support 1 peer (limit 2).', points: 100 });
    expect(reason('balance', seat(), mentor(), undefined, 1)).toMatchObject({ text: 'Sam would support 2 peers (limit 2).', points: 50 });
  });
});

describe('what a hand-picked pair does poorly on', () => {
  const extra = { rejectedOn: undefined, seatFull: false, mentorsNeeded: 1 };

  it('says nothing of a good pair', () => {
    expect(softConcerns(DEFAULT_MATCHING_WEIGHTS, seat(), mentor({ facts: { loadCap: 3 } }), undefined, extra)).toEqual([]);
  });

  it('names each soft rule it breaks', () => {
    const poor = mentor({ grade: 10, interests: ['soccer'], communication: ['spoken'], activeAssignments: 1 });
    const history = { ...worked, checkInAverage: 2.5 };
    expect(
      softConcerns(DEFAULT_MATCHING_WEIGHTS, seat({ communication: ['written', 'visual'] }), poor, history, {
        rejectedOn: '2026-10-01',
        seatFull: true,
        mentorsNeeded: 1,
      }),
    ).toEqual([
      { kind: 'interests', message: "Sam shares none of Jordan's interests." },
      { kind: 'grade', message: 'Sam (grade 10) and Jordan (grade 7) are 3 grades apart.' },
      { kind: 'communication', message: 'Sam does not use written notes and pictures and visual supports, which Jordan prefers.' },
      { kind: 'rotation', message: 'Sam has supported Jordan since 2026-02-02; rotating pairs is preferred.' },
      { kind: 'checkIns', message: 'Check-ins of this pair averaged 2.5 of 5 (4 check-ins).' },
      { kind: 'balance', message: "This fills Sam's load (2 of 2)." },
      { kind: 'rejected', message: 'The team rejected Sam for Math 7 on 2026-10-01.' },
      { kind: 'seat_full', message: 'Math 7 already has the 1 mentor it needs.' },
    ]);
  });

  it('leaves out the soft rules weighted 0', () => {
    const poor = mentor({ grade: 10, interests: ['soccer'] });
    expect(
      softConcerns({ ...DEFAULT_MATCHING_WEIGHTS, interests: 0, grade: 0 }, seat(), poor, undefined, extra).map((c) => c.kind),
    ).toEqual([]);
  });
});

describe('why a seat stayed open', () => {
  it('says so when no mentor attends the school', () => {
    const context = { date: DATE, lists: pairLists(problem()), placedAt: [] };
    expect(explainOpenSeat(context, seat(), [mentor({ school: 'Hillcrest School' })], new Set())).toEqual({
      summary: `No mentor attends ${SCHOOL}.`,
      nearMisses: [],
    });
  });

  it('counts the rules that ruled the school’s mentors out and shows the closest ones first, each with every reason', () => {
    const late = mentor({
      mentorId: 'mentor-lee',
      mentorName: 'Lee Park',
      facts: { firstName: 'Lee', preferredName: null, availability: [], consentGivenOn: null },
    });
    const busy = mentor({
      mentorId: 'mentor-ana',
      mentorName: 'Ana Lopez',
      facts: { firstName: 'Ana', preferredName: null, availability: [] },
    });
    const result = solveMatching(problem({ candidates: [late, busy] }));
    expect(result.openSeats).toEqual([
      {
        accommodationId: 'accommodation-math7',
        settingClass: 'Math 7',
        role: 'peer_tutor',
        studentId: 'student-jordan',
        studentName: 'Jordan Example',
        seatsOpen: 1,
        summary:
          'Of 2 other mentors at Lakeside Middle School, none could take it: 2 not free at those times and 1 no current consent (some for more than one reason).',
        nearMisses: [
          {
            mentorId: 'mentor-ana',
            mentorName: 'Ana Lopez',
            exclusions: [{ rule: 'schedule', message: "Ana's free periods do not overlap Math 7 (Mon P3, Wed P3)." }],
          },
          {
            mentorId: 'mentor-lee',
            mentorName: 'Lee Park',
            exclusions: [
              { rule: 'consent', message: 'Lee has no current voluntary consent (none recorded).' },
              { rule: 'schedule', message: "Lee's free periods do not overlap Math 7 (Mon P3, Wed P3)." },
            ],
          },
        ],
      },
    ]);
  });

  it('explains an eligible mentor the whole plan needs elsewhere (taken)', () => {
    // Sam can take either seat but only one peer; Science 7's student shares more with him.
    const math = seat({ interests: [] });
    const science = seat({
      accommodationId: 'accommodation-science7',
      interests: ['robotics', 'chess'],
      accommodation: { settingClass: 'Science 7', studentId: 'student-alex' },
      studentName: 'Alex Sample',
      studentCallName: 'Alex',
    });
    const result = solveMatching(problem({ seats: [math, science], candidates: [mentor({ facts: { loadCap: 1 } })] }));
    expect(result.suggestions.map((s) => s.settingClass)).toEqual(['Science 7']);
    expect(result.openSeats[0]?.nearMisses).toEqual([
      {
        mentorId: 'mentor-sam',
        mentorName: 'Sam Rivera',
        exclusions: [
          { rule: 'taken', message: 'Sam could take this seat, but the best plan for the whole program needs Sam for Science 7.' },
        ],
      },
    ]);
    expect(result.openSeats[0]?.summary).toBe('Of 1 other mentor at Lakeside Middle School, none could take it: 1 needed for other seats.');
  });

  it('never shows why a pair is on the avoid list: the problem does not even hold the reason', () => {
    const result = solveMatching(problem({ avoid: [{ mentorId: 'mentor-sam', studentId: 'student-jordan' }] }));
    expect(result.openSeats[0]?.nearMisses[0]?.exclusions).toEqual([
      { rule: 'avoid_list', message: 'Sam and Jordan are on the avoid list.' },
    ]);
  });
});
