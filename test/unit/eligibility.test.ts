import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAYS, type Slot } from '../../src-main/contract/common';
import { REFUSAL_RULES, type RefusalRule, TRAINING_MODULES, type TrainingRecord } from '../../src-main/contract/mentors';
import { PEER_ROLES, type PeerRole } from '../../src-main/contract/plans';
import {
  type AccommodationFacts,
  checkEligibility,
  describeSlots,
  type EligibilityInput,
  type MentorFacts,
  REQUIRED_TRAINING,
} from '../../src-main/services/mentors/eligibility';

const DATE = '2026-10-15';
const ALL_TRAINING: TrainingRecord[] = TRAINING_MODULES.map((module) => ({ module, completedOn: '2026-09-01', expiresOn: '2027-09-01' }));

function mentor(overrides: Partial<MentorFacts> = {}): MentorFacts {
  return {
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
    ...overrides,
  };
}

function accommodation(overrides: Partial<AccommodationFacts> = {}): AccommodationFacts {
  return {
    role: 'peer_tutor',
    settingClass: 'Math 7',
    slots: [
      { day: 'wed', period: 3 },
      { day: 'mon', period: 3 },
    ],
    startDate: '2026-09-01',
    endDate: '2027-06-15',
    studentId: 'student-supported',
    planStatus: 'active',
    ...overrides,
  };
}

type Overrides = Partial<Omit<EligibilityInput, 'mentor' | 'accommodation'>> & {
  mentor?: Partial<MentorFacts>;
  accommodation?: Partial<AccommodationFacts>;
};

function check(overrides: Overrides = {}) {
  return checkEligibility({
    activeAssignments: 0,
    alreadyAssigned: false,
    date: DATE,
    ...overrides,
    mentor: mentor(overrides.mentor),
    accommodation: accommodation(overrides.accommodation),
  });
}

describe('a mentor who meets every rule', () => {
  it('is allowed, with no refusals', () => {
    expect(check()).toEqual([]);
  });
});

describe('each rule refuses with its own plain-words message', () => {
  it('voluntary consent withdrawn', () => {
    expect(check({ mentor: { consentWithdrawnOn: '2026-10-02' } })).toEqual([
      { rule: 'consent', message: 'Sam has no current voluntary consent (withdrawn on 2026-10-02).' },
    ]);
  });

  it('voluntary consent never given, or given only after the start date', () => {
    expect(check({ mentor: { consentGivenOn: null } })).toEqual([
      { rule: 'consent', message: 'Sam has no current voluntary consent (none recorded).' },
    ]);
    expect(check({ mentor: { consentGivenOn: '2026-10-16' } })).toEqual([
      { rule: 'consent', message: 'Sam has no current voluntary consent (given only from 2026-10-16).' },
    ]);
  });

  it('a withdrawal dated after the start still refuses: an open-ended assignment would outlive it', () => {
    expect(check({ mentor: { consentWithdrawnOn: '2026-12-01' } }).map((r) => r.rule)).toEqual(['consent']);
  });

  it('consent given again after a withdrawal counts', () => {
    expect(check({ mentor: { consentWithdrawnOn: '2026-09-10', consentGivenOn: '2026-09-20' } })).toEqual([]);
  });

  it('guardian consent missing or withdrawn', () => {
    expect(check({ mentor: { guardianConsentWithdrawnOn: '2026-10-01' } })).toEqual([
      { rule: 'guardian_consent', message: 'Sam has no current guardian consent (withdrawn on 2026-10-01).' },
    ]);
    expect(check({ mentor: { guardianConsentGivenOn: null } })).toEqual([
      { rule: 'guardian_consent', message: 'Sam has no current guardian consent (none recorded).' },
    ]);
  });

  it('training expired: the expiry date is the first day it no longer counts', () => {
    const training = ALL_TRAINING.map((t) => (t.module === 'instructional_techniques' ? { ...t, expiresOn: '2026-09-30' } : t));
    expect(check({ mentor: { training } })).toEqual([
      { rule: 'training', message: "Sam's training 'instructional techniques' expired on 2026-09-30." },
    ]);
    const expiresOnTheDay = ALL_TRAINING.map((t) => (t.module === 'confidentiality' ? { ...t, expiresOn: DATE } : t));
    expect(check({ mentor: { training: expiresOnTheDay } }).map((r) => r.rule)).toEqual(['training']);
    const expiresNextDay = ALL_TRAINING.map((t) => (t.module === 'confidentiality' ? { ...t, expiresOn: '2026-10-16' } : t));
    expect(check({ mentor: { training: expiresNextDay } })).toEqual([]);
  });

  it('training missing, naming every missing module for the role', () => {
    const training = ALL_TRAINING.filter((t) => t.module !== 'fostering_independence');
    expect(check({ mentor: { training } })).toEqual([
      { rule: 'training', message: 'Sam is missing the training a peer tutor needs: fostering independence.' },
    ]);
    const onlyConfidentiality = ALL_TRAINING.filter((t) => t.module === 'confidentiality');
    expect(check({ mentor: { training: onlyConfidentiality }, accommodation: { role: 'peer_buddy' } })).toEqual([
      { rule: 'training', message: 'Sam is missing the training a peer buddy needs: sensitivity and respect and when to get an adult.' },
    ]);
  });

  it('training completed only after the start date does not count yet', () => {
    const training = ALL_TRAINING.map((t) => (t.module === 'sensitivity' ? { ...t, completedOn: '2026-10-20' } : t));
    expect(check({ mentor: { training } })).toEqual([
      { rule: 'training', message: "Sam's training 'sensitivity and respect' is completed only on 2026-10-20." },
    ]);
  });

  it('training completed on the start date counts', () => {
    expect(check({ mentor: { training: ALL_TRAINING.map((t) => ({ ...t, completedOn: DATE })) } })).toEqual([]);
  });

  it('the role decides which training is needed', () => {
    const withoutTutoring = ALL_TRAINING.filter((t) => t.module !== 'instructional_techniques' && t.module !== 'fostering_independence');
    expect(check({ mentor: { training: withoutTutoring }, accommodation: { role: 'peer_buddy' } })).toEqual([]);
    expect(check({ mentor: { training: withoutTutoring }, accommodation: { role: 'peer_facilitator' } })).toEqual([
      { rule: 'training', message: 'Sam is missing the training a peer facilitator needs: instructional techniques.' },
    ]);
    expect(check({ mentor: { training: withoutTutoring }, accommodation: { role: 'cooperative_group' } })).toEqual([
      { rule: 'training', message: 'Sam is missing the training a cooperative learning group member needs: fostering independence.' },
    ]);
  });

  it('load cap reached', () => {
    expect(check({ activeAssignments: 2 })).toEqual([{ rule: 'load_cap', message: 'Sam already supports 2 peers (limit 2).' }]);
    expect(check({ activeAssignments: 1, mentor: { loadCap: 1 } })).toEqual([
      { rule: 'load_cap', message: 'Sam already supports 1 peer (limit 1).' },
    ]);
    expect(check({ activeAssignments: 1 })).toEqual([]);
  });

  it('time off covering the start date, inclusive at both ends', () => {
    const timeOff = [{ startDate: '2026-10-15', endDate: '2026-10-20' }];
    expect(check({ mentor: { timeOff } })).toEqual([{ rule: 'time_off', message: 'Sam is on time off from 2026-10-15 to 2026-10-20.' }]);
    expect(check({ mentor: { timeOff: [{ startDate: '2026-10-01', endDate: '2026-10-15' }] } }).map((r) => r.rule)).toEqual(['time_off']);
    expect(check({ mentor: { timeOff: [{ startDate: '2026-10-16', endDate: '2026-12-01' }] } })).toEqual([]);
  });

  it('schedules that do not overlap', () => {
    expect(check({ mentor: { availability: [{ day: 'mon', period: 4 }] } })).toEqual([
      { rule: 'schedule', message: "Sam's free periods do not overlap Math 7 (Mon P3, Wed P3)." },
    ]);
    expect(check({ mentor: { availability: [] } }).map((r) => r.rule)).toEqual(['schedule']);
  });

  it('a student cannot mentor themself', () => {
    expect(check({ mentor: { studentId: 'student-supported' } })).toEqual([{ rule: 'self', message: 'A student cannot mentor themself.' }]);
    expect(check({ mentor: { studentId: 'student-other' } })).toEqual([]);
  });

  it('an archived mentor', () => {
    expect(check({ mentor: { archived: true } })).toEqual([{ rule: 'archived', message: "Sam's mentor record is archived." }]);
  });

  it('already assigned to this accommodation', () => {
    expect(check({ alreadyAssigned: true, activeAssignments: 1 })).toEqual([
      { rule: 'already_assigned', message: 'Sam is already assigned to Math 7.' },
    ]);
  });

  it('a plan that is superseded or ended', () => {
    expect(check({ accommodation: { planStatus: 'ended' } })).toEqual([
      { rule: 'plan_closed', message: 'The plan this support belongs to is ended; only a draft or active plan takes new mentors.' },
    ]);
    expect(check({ accommodation: { planStatus: 'superseded' } }).map((r) => r.rule)).toEqual(['plan_closed']);
    expect(check({ accommodation: { planStatus: 'draft' } })).toEqual([]);
  });

  it('a start date outside the accommodation dates', () => {
    expect(check({ date: '2027-06-16' })).toEqual([
      { rule: 'outside_dates', message: 'Math 7 support runs from 2026-09-01 to 2027-06-15; 2027-06-16 is outside it.' },
    ]);
    expect(check({ date: '2027-06-15' })).toEqual([]);
  });

  it('uses the first name when there is no preferred name', () => {
    expect(check({ mentor: { preferredName: null, archived: true } })[0]?.message).toBe("Samuel's mentor record is archived.");
  });

  it('lists every broken rule at once', () => {
    const refusals = check({
      activeAssignments: 3,
      alreadyAssigned: true,
      mentor: {
        archived: true,
        consentGivenOn: null,
        guardianConsentGivenOn: null,
        training: [],
        availability: [],
        studentId: 'student-supported',
      },
    });
    expect(refusals.map((r) => r.rule)).toEqual([
      'self',
      'archived',
      'already_assigned',
      'consent',
      'guardian_consent',
      'training',
      'load_cap',
      'schedule',
    ]);
  });
});

describe('slots in messages', () => {
  it('reads in week order', () => {
    expect(
      describeSlots([
        { day: 'fri', period: 1 },
        { day: 'mon', period: 7 },
        { day: 'mon', period: 2 },
      ]),
    ).toBe('Mon P2, Mon P7, Fri P1');
  });
});

// ── Properties: the module agrees with an independent reading of the rules ─────────────────────

const day = fc.integer({ min: 0, max: 40 }).map((n) => new Date(Date.UTC(2026, 8, 1 + n)).toISOString().slice(0, 10));
/** Mostly `usual`, sometimes anything `other` produces: near-valid inputs, so both "allowed" and each refusal occur often. */
function usually<T>(usual: fc.Arbitrary<T>, other: fc.Arbitrary<T>, weight = 5): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: usual, weight }, { arbitrary: other, weight: 1 });
}
const maybeDay = fc.option(day, { nil: null });
const slot: fc.Arbitrary<Slot> = fc.record({ day: fc.constantFrom(...DAYS), period: fc.integer({ min: 1, max: 2 }) });
const anyTraining: fc.Arbitrary<TrainingRecord[]> = fc
  .uniqueArray(
    fc.record({ module: fc.constantFrom(...TRAINING_MODULES), completedOn: day, expiresOn: fc.option(day, { nil: undefined }) }),
    { selector: (record) => record.module },
  )
  .map((records) => records.map(({ expiresOn, ...rest }) => (expiresOn === undefined ? rest : { ...rest, expiresOn })));
/** Every module, completed before any generated date, some with an expiry among the generated dates (boundaries included). */
const fullTraining: fc.Arbitrary<TrainingRecord[]> = fc.tuple(
  ...TRAINING_MODULES.map((module) =>
    fc.oneof(
      { arbitrary: fc.constant<TrainingRecord>({ module, completedOn: '2026-08-15' }), weight: 8 },
      { arbitrary: day.map((expiresOn): TrainingRecord => ({ module, completedOn: '2026-08-15', expiresOn })), weight: 1 },
      { arbitrary: day.map((completedOn): TrainingRecord => ({ module, completedOn })), weight: 1 },
    ),
  ),
);

const mentorFacts: fc.Arbitrary<MentorFacts> = fc.record({
  firstName: fc.constantFrom('Samuel', 'Ana', 'Kwame'),
  preferredName: fc.constantFrom(null, 'Sam'),
  studentId: usually(fc.constant(null), fc.constantFrom('student-a', 'student-b')),
  archived: usually(fc.constant(false), fc.constant(true), 8),
  consentGivenOn: usually(fc.constant('2026-09-01'), maybeDay),
  consentWithdrawnOn: usually(fc.constant(null), day),
  guardianConsentGivenOn: usually(fc.constant('2026-09-01'), maybeDay),
  guardianConsentWithdrawnOn: usually(fc.constant(null), day),
  training: usually(fullTraining, anyTraining, 2),
  availability: usually(
    fc.constant(DAYS.flatMap((d) => [1, 2].map((period) => ({ day: d, period })))),
    fc.array(slot, { maxLength: 4 }),
    1,
  ),
  loadCap: fc.integer({ min: 1, max: 3 }),
  timeOff: usually(
    fc.constant<MentorFacts['timeOff']>([]),
    fc.array(
      fc.tuple(day, day).map(([a, b]) => (a <= b ? { startDate: a, endDate: b } : { startDate: b, endDate: a })),
      { maxLength: 2 },
    ),
  ),
});

const accommodationFacts: fc.Arbitrary<AccommodationFacts> = fc.record({
  role: fc.constantFrom(...PEER_ROLES),
  settingClass: fc.constantFrom('Math 7', 'ELA 8'),
  slots: fc.array(slot, { minLength: 1, maxLength: 3 }),
  startDate: fc.constant('2026-09-01'),
  endDate: usually(fc.constant('2027-06-15'), fc.constant('2026-09-25')),
  studentId: fc.constantFrom('student-a', 'student-b'),
  planStatus: usually(fc.constantFrom('draft', 'active'), fc.constantFrom('superseded', 'ended')),
});

const eligibilityInput: fc.Arbitrary<EligibilityInput> = fc
  .record({
    mentor: mentorFacts,
    accommodation: accommodationFacts,
    activeAssignments: usually(fc.constant(0), fc.integer({ min: 1, max: 4 }), 2),
    alreadyAssigned: usually(fc.constant(false), fc.constant(true)),
    date: day,
  })
  .map((input) => (input.alreadyAssigned ? { ...input, activeAssignments: Math.max(1, input.activeAssignments) } : input));

/** The rules as the brief states them, written independently of the module under test. */
function brokenRules(input: EligibilityInput): Set<RefusalRule> {
  const { mentor: m, accommodation: a, date } = input;
  const broken = new Set<RefusalRule>();
  const consentOk = (given: string | null, withdrawn: string | null) =>
    given !== null && given <= date && !(withdrawn !== null && withdrawn >= given);
  if (!consentOk(m.consentGivenOn, m.consentWithdrawnOn)) broken.add('consent');
  if (!consentOk(m.guardianConsentGivenOn, m.guardianConsentWithdrawnOn)) broken.add('guardian_consent');
  const needs: Record<PeerRole, string[]> = {
    peer_tutor: ['instructional_techniques', 'fostering_independence'],
    peer_facilitator: ['instructional_techniques'],
    cooperative_group: ['fostering_independence'],
    peer_buddy: [],
    peer_note_taker: [],
    circle_of_friends: [],
    leadership_rotation: [],
  };
  for (const module of ['confidentiality', 'sensitivity', 'getting_an_adult', ...needs[a.role]]) {
    const record = m.training.find((t) => t.module === module);
    if (!record || record.completedOn > date || (record.expiresOn !== undefined && record.expiresOn <= date)) broken.add('training');
  }
  if (input.activeAssignments >= m.loadCap) broken.add('load_cap');
  if (m.timeOff.some((off) => off.startDate <= date && date <= off.endDate)) broken.add('time_off');
  if (!a.slots.some((s) => m.availability.some((f) => f.day === s.day && f.period === s.period))) broken.add('schedule');
  if (m.studentId === a.studentId) broken.add('self');
  if (m.archived) broken.add('archived');
  if (input.alreadyAssigned) broken.add('already_assigned');
  if (a.planStatus === 'superseded' || a.planStatus === 'ended') broken.add('plan_closed');
  if (date < a.startDate || date > a.endDate) broken.add('outside_dates');
  return broken;
}

describe('properties', () => {
  it('refusals name exactly the broken rules; allowed ⇔ none broken', () => {
    fc.assert(
      fc.property(eligibilityInput, (input) => {
        const refusals = checkEligibility(input);
        const expected = brokenRules(input);
        expect(new Set(refusals.map((r) => r.rule))).toEqual(expected);
        expect(refusals.length === 0).toBe(expected.size === 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('the generated cases cover "allowed" and every rule (so the property above is not one-sided)', () => {
    const seen = new Map<string, number>();
    for (const input of fc.sample(eligibilityInput, { numRuns: 3000, seed: 42 })) {
      const rules = checkEligibility(input).map((r) => r.rule);
      for (const rule of rules.length ? rules : ['allowed']) seen.set(rule, (seen.get(rule) ?? 0) + 1);
    }
    for (const rule of ['allowed', ...REFUSAL_RULES]) expect(seen.get(rule) ?? 0, rule).toBeGreaterThan(30);
  });

  it('every message names the mentor or is the self rule, and never shows the supported student id', () => {
    fc.assert(
      fc.property(eligibilityInput, (input) => {
        const name = input.mentor.preferredName ?? input.mentor.firstName;
        for (const refusal of checkEligibility(input)) {
          if (refusal.rule !== 'self' && refusal.rule !== 'plan_closed' && refusal.rule !== 'outside_dates') {
            expect(refusal.message.startsWith(name)).toBe(true);
          }
          expect(refusal.message).not.toContain(input.accommodation.studentId);
          expect(refusal.message).toMatch(/\.$/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('fixing a broken rule never adds a new refusal (the rules are independent)', () => {
    fc.assert(
      fc.property(eligibilityInput, (input) => {
        const before = new Set(checkEligibility(input).map((r) => r.rule));
        const fixed = checkEligibility({
          ...input,
          mentor: {
            ...input.mentor,
            archived: false,
            timeOff: [],
            training: ALL_TRAINING.map((t) => ({ ...t, completedOn: '2026-08-01' })),
          },
        });
        for (const refusal of fixed) expect(before.has(refusal.rule)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('every role needs the three common modules', () => {
    for (const role of PEER_ROLES) {
      expect(REQUIRED_TRAINING[role]).toEqual(expect.arrayContaining(['confidentiality', 'sensitivity', 'getting_an_adult']));
    }
  });
});
