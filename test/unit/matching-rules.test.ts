import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXCLUSION_RULES, type Exclusion } from '../../src-main/contract/matching';
import { compilePairFilter, sortedCandidates, sortedSeats } from '../../src-main/services/matching/candidates';
import { blocksOverride, pairExclusions, pairLists } from '../../src-main/services/matching/rules';
import { arbitraryProblem, DATE, mentor, problem, seat } from './matching-fixtures';

function exclusions(p = problem()): Exclusion[] {
  const [s] = p.seats;
  const [c] = p.candidates;
  if (!s || !c) throw new Error('one seat and one mentor expected');
  return pairExclusions(p.date, pairLists(p), s, c);
}

describe('the hard rules of a pair', () => {
  it('the fast filter for a whole district agrees with the rules in words, pair by pair', () => {
    fc.assert(
      fc.property(arbitraryProblem, (p) => {
        const seats = sortedSeats(p.seats);
        const candidates = sortedCandidates(p.candidates);
        const lists = pairLists(p);
        const filter = compilePairFilter(p.date, lists, seats, candidates);
        seats.forEach((s, i) => {
          const expected = candidates.flatMap((c, j) => (pairExclusions(p.date, lists, s, c).length === 0 ? [j] : []));
          expect(candidates.map((_, j) => j).filter((j) => filter.allows(i, j))).toEqual(expected);
          expect(filter.allowedFor(i)).toEqual(expected);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('allows Sam for Jordan in Math 7 when every rule is met', () => {
    expect(exclusions()).toEqual([]);
  });

  const cases: [string, Partial<Parameters<typeof problem>[0]>, Exclusion[]][] = [
    [
      'consent',
      { candidates: [mentor({ facts: { consentGivenOn: null } })] },
      [{ rule: 'consent', message: 'Sam has no current voluntary consent (none recorded).' }],
    ],
    [
      'guardian consent',
      { candidates: [mentor({ facts: { guardianConsentWithdrawnOn: '2026-10-02' } })] },
      [{ rule: 'guardian_consent', message: 'Sam has no current guardian consent (withdrawn on 2026-10-02).' }],
    ],
    [
      'training expired',
      {
        candidates: [
          mentor({
            facts: {
              training: [
                { module: 'confidentiality', completedOn: '2026-09-06' },
                { module: 'sensitivity', completedOn: '2026-09-06' },
                { module: 'getting_an_adult', completedOn: '2026-09-06' },
                { module: 'fostering_independence', completedOn: '2026-09-06' },
                { module: 'instructional_techniques', completedOn: '2025-09-06', expiresOn: '2026-09-30' },
              ],
            },
          }),
        ],
      },
      [{ rule: 'training', message: "Sam's training 'instructional techniques' expired on 2026-09-30." }],
    ],
    [
      'training missing',
      { candidates: [mentor({ facts: { training: [] } })] },
      [
        {
          rule: 'training',
          message:
            'Sam is missing the training a peer tutor needs: confidentiality, sensitivity and respect, when to get an adult, instructional techniques and fostering independence.',
        },
      ],
    ],
    [
      'load cap',
      { candidates: [mentor({ activeAssignments: 2 })] },
      [{ rule: 'load_cap', message: 'Sam already supports 2 peers (limit 2).' }],
    ],
    [
      'time off',
      { candidates: [mentor({ facts: { timeOff: [{ startDate: '2026-10-12', endDate: '2026-10-23' }] } })] },
      [{ rule: 'time_off', message: 'Sam is on time off from 2026-10-12 to 2026-10-23.' }],
    ],
    [
      'schedule',
      { candidates: [mentor({ facts: { availability: [{ day: 'tue', period: 3 }] } })] },
      [{ rule: 'schedule', message: "Sam's free periods do not overlap Math 7 (Mon P3, Wed P3)." }],
    ],
    [
      'self',
      { candidates: [mentor({ facts: { studentId: 'student-jordan' } })] },
      [{ rule: 'self', message: 'A student cannot mentor themself.' }],
    ],
    [
      'archived',
      { candidates: [mentor({ facts: { archived: true } })] },
      [{ rule: 'archived', message: "Sam's mentor record is archived." }],
    ],
    [
      'already assigned',
      { candidates: [mentor({ assignedTo: ['accommodation-math7'], activeAssignments: 1 })] },
      [{ rule: 'already_assigned', message: 'Sam is already assigned to Math 7.' }],
    ],
    [
      'plan closed',
      { seats: [seat({ accommodation: { planStatus: 'superseded' } })] },
      [{ rule: 'plan_closed', message: 'The plan this support belongs to is superseded; only a draft or active plan takes new mentors.' }],
    ],
    [
      'outside the dates',
      { seats: [seat({ accommodation: { endDate: '2026-10-01' } })] },
      [{ rule: 'outside_dates', message: 'Math 7 support runs from 2026-09-01 to 2026-10-01; 2026-10-15 is outside it.' }],
    ],
    [
      'another school',
      { candidates: [mentor({ school: 'Hillcrest School' })] },
      [{ rule: 'other_school', message: "Sam attends Hillcrest School, not Jordan's school (Lakeside Middle School)." }],
    ],
    [
      'the avoid list',
      { avoid: [{ mentorId: 'mentor-sam', studentId: 'student-jordan' }] },
      [{ rule: 'avoid_list', message: 'Sam and Jordan are on the avoid list.' }],
    ],
    [
      'a remembered rejection',
      { rejected: [{ mentorId: 'mentor-sam', accommodationId: 'accommodation-math7', rejectedOn: '2026-10-01' }] },
      [{ rule: 'rejected', message: 'The team rejected Sam for Math 7 on 2026-10-01.' }],
    ],
  ];

  for (const [name, overrides, expected] of cases) {
    it(`excludes, in plain words: ${name}`, () => {
      expect(exclusions(problem(overrides))).toEqual(expected);
    });
  }

  it('has a case for every exclusion rule the rules themselves raise (taken is the plan’s, see matching-explain)', () => {
    const raised = new Set(cases.flatMap(([, , expected]) => expected.map((exclusion) => exclusion.rule)));
    expect([...raised].sort()).toEqual(EXCLUSION_RULES.filter((rule) => rule !== 'taken').sort());
  });

  it('lists every rule a pair breaks, not just the first', () => {
    const p = problem({
      candidates: [mentor({ school: 'Hillcrest School', facts: { consentGivenOn: null, availability: [] } })],
      avoid: [{ mentorId: 'mentor-sam', studentId: 'student-jordan' }],
    });
    expect(exclusions(p).map((exclusion) => exclusion.rule)).toEqual(['consent', 'schedule', 'other_school', 'avoid_list']);
  });

  it('lets a manual override past a rejection, never past a hard rule', () => {
    expect(blocksOverride({ rule: 'rejected', message: '' })).toBe(false);
    expect(blocksOverride({ rule: 'taken', message: '' })).toBe(false);
    for (const rule of EXCLUSION_RULES.filter((r) => r !== 'rejected' && r !== 'taken'))
      expect(blocksOverride({ rule, message: '' })).toBe(true);
  });

  it('the date of the run decides what counts: consent given later does not count yet', () => {
    expect(exclusions(problem({ date: '2026-08-31' })).map((e) => e.rule)).toContain('consent');
    expect(exclusions(problem({ date: DATE }))).toEqual([]);
  });
});
