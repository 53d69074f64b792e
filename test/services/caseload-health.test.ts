/**
 * Program health on a real encrypted vault: one crafted caseload where every rule fires once — a
 * review due and a re-evaluation overdue, low ratings while sessions go on, a student who never
 * starts an interaction, a mentor with too many sessions and too many peers, one with no break,
 * rising workload and training about to expire, one assigned without consent — each flag with its
 * next step and the ids of the record it links to; and the scope keeps other caseloads out.
 */
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { assignments, mentors } from '../../db/schema';
import { HEALTH_KINDS, HEALTH_RULES, type HealthFlagView, type OutputOf } from '../../src-main/contract';
import { mentorInput } from '../fixtures/program';
import { accommodationInput } from '../fixtures/program-input';
import { caseloadVault, studentWithPlan } from './caseload-fixture';

const EARLY_TRAINING = (
  ['confidentiality', 'sensitivity', 'instructional_techniques', 'fostering_independence', 'getting_an_adult'] as const
).map((module) => ({ module, completedOn: '2026-05-10', ...(module === 'confidentiality' ? { expiresOn: '2026-11-01' } : {}) }));

async function craftedProgram() {
  const app = await caseloadVault();
  const { call } = app;
  const rowan = await call('staff.create', { name: 'Rowan Ellis', role: 'case_manager' });

  // Maya: review due in 15 days, re-evaluation 14 days overdue; Sam tutors her in Math 7 and is her buddy in Science 7.
  const maya = await studentWithPlan(
    app,
    { firstName: 'Maya', lastName: 'Lopez' },
    app.me,
    { annualReviewDue: '2026-10-30', reevaluationDue: '2026-10-01' },
    async (planId) => ({
      math: await call('accommodations.create', accommodationInput(planId)),
      science: await call(
        'accommodations.create',
        accommodationInput(planId, {
          role: 'peer_buddy',
          settingClass: 'Science 7',
          slots: [{ day: 'tue', period: 5 }],
          sessionsPerWeek: 1,
        }),
      ),
    }),
  );
  const { math, science } = maya.extra;
  const sam = await call('mentors.create', mentorInput({ firstName: 'Samuel', preferredName: 'Sam', lastName: 'Rivera', loadCap: 2 }));
  for (const accommodation of [math, science]) {
    await call('assignments.create', { mentorId: sam.id, accommodationId: accommodation.id, startDate: '2026-09-08' });
  }
  // Ten sessions last week (Mon 5 – Fri 9 Oct), in both classes.
  for (const accommodation of [math, science]) {
    for (const date of ['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09']) {
      await call('sessions.create', { accommodationId: accommodation.id, date, status: 'held', minutes: 20, mentorIds: [sam.id] });
    }
  }
  for (const [date, belonging, engagement] of [
    ['2026-09-24', 2, 3],
    ['2026-10-01', 1, 2],
    ['2026-10-08', 2, 2],
  ] as const) {
    await call('checkIns.create', { accommodationId: math.id, date, belonging, engagement });
  }
  // In Science 7 Maya answers peers but never starts an interaction.
  const answersOnly = { engaged: true, initiated: false, responded: true, nearAdult: false };
  for (const date of ['2026-09-29', '2026-10-06', '2026-10-13']) {
    await call('observations.record', {
      studentId: maya.student.id,
      date,
      intervalSeconds: 15,
      intervals: Array.from({ length: 20 }, () => answersOnly),
      setting: 'Science 7, lab group',
    });
  }

  // Noah: Lee has tutored him every week since August without a break; Lee's workload rises; training expires 1 Nov.
  const noah = await studentWithPlan(
    app,
    { firstName: 'Noah', lastName: 'Brooks' },
    app.me,
    { startDate: '2026-06-01', endDate: '2027-05-31', annualReviewDue: '2027-05-15' },
    (planId) =>
      call(
        'accommodations.create',
        accommodationInput(planId, { settingClass: 'Reading 7', startDate: '2026-06-01', endDate: '2027-05-31' }),
      ),
  );
  const reading = noah.extra;
  const lee = await call(
    'mentors.create',
    mentorInput({
      firstName: 'Lee',
      lastName: 'Park',
      preferredName: undefined,
      consentGivenOn: '2026-05-01',
      guardianConsentGivenOn: '2026-05-01',
      training: EARLY_TRAINING,
    }),
  );
  await call('assignments.create', { mentorId: lee.id, accommodationId: reading.id, startDate: '2026-06-01' });
  for (let week = 0; week < 10; week += 1) {
    const date = new Date(Date.UTC(2026, 7, 3 + 7 * week)).toISOString().slice(0, 10);
    await call('sessions.create', { accommodationId: reading.id, date, status: 'held', minutes: 30, mentorIds: [lee.id] });
  }
  for (const [date, mentorWorkload] of [
    ['2026-09-14', 2],
    ['2026-09-28', 3],
    ['2026-10-12', 4],
  ] as const) {
    await call('checkIns.create', { accommodationId: reading.id, date, belonging: 4, engagement: 4, mentorId: lee.id, mentorWorkload });
  }

  // Ari: Kai is assigned, but his consent was withdrawn on paper and entered straight into the record.
  const ari = await studentWithPlan(app, { firstName: 'Ari', lastName: 'Adams' }, app.me, {}, (planId) =>
    call('accommodations.create', accommodationInput(planId, { settingClass: 'Art 7' })),
  );
  const art = ari.extra;
  const kai = await call('mentors.create', mentorInput({ firstName: 'Kai', lastName: 'Osei', preferredName: undefined }));
  await call('assignments.create', { mentorId: kai.id, accommodationId: art.id, startDate: '2026-09-08' });
  app.db.update(mentors).set({ consentWithdrawnOn: '2026-10-10' }).where(eq(mentors.id, kai.id)).run();
  // A third peer for Sam, over his limit of two (written before the limit was lowered).
  app.db
    .insert(assignments)
    .values({
      id: 'assignment-over-cap',
      mentorId: sam.id,
      accommodationId: art.id,
      startDate: '2026-10-01',
      createdAt: '2026-10-01T12:00:00Z',
    })
    .run();

  // Not on Avery's caseload: Rowan's student with an overdue review, and Bo, a mentor with no assignment.
  await studentWithPlan(app, { firstName: 'Zoe', lastName: 'Young' }, rowan.id, { annualReviewDue: '2026-10-01' });
  const bo = await call(
    'mentors.create',
    mentorInput({ firstName: 'Bo', lastName: 'Lund', preferredName: undefined, training: EARLY_TRAINING }),
  );

  return { app, maya, noah, ari, math, science, reading, sam, lee, kai, bo };
}

type Crafted = Awaited<ReturnType<typeof craftedProgram>>;

function only(flags: readonly HealthFlagView[], rule: HealthFlagView['rule']): HealthFlagView {
  const found = flags.filter((flag) => flag.rule === rule);
  expect(found, rule).toHaveLength(1);
  return found[0] as HealthFlagView;
}

describe('program health', () => {
  let crafted: Crafted;
  let mine: OutputOf<'caseload.dashboard'>;

  // Per test: the temp folders are removed after each test, and the program-wide list is read by a
  // worker thread's own connection, which cannot open a vault whose file is gone.
  beforeEach(async () => {
    crafted = await craftedProgram();
    mine = await crafted.app.call('caseload.dashboard', {});
  });

  it('finds every kind of flag on the crafted caseload, each with its next step', () => {
    // The service and progress-report rules have their own fixtures (caseload-service-health.test.ts); Ari's one fires here.
    const elsewhere = ['no_mentor', 'seats_open', 'period_not_finalized'];
    expect(new Set(mine.flags.map((flag) => flag.rule))).toEqual(new Set(HEALTH_RULES.filter((rule) => !elsewhere.includes(rule))));
    for (const flag of mine.flags) expect(flag.action, flag.rule).toMatch(/\w+.*\.$/);
    // Grouped by kind in the list's order.
    const kinds = mine.flags.map((flag) => HEALTH_KINDS.indexOf(flag.kind));
    expect(kinds).toEqual([...kinds].sort((a, b) => a - b));
  });

  it('links plan flags to the plan (and the peer support), mentor flags to the mentor, quoting their facts', () => {
    const { maya, math, science, sam, lee, kai } = crafted;
    const mayaPlan = { to: 'plan', studentId: maya.student.id, studentName: 'Maya Lopez', planId: maya.plan.id, planType: 'iep' };
    expect(only(mine.flags, 'annual_review_due')).toMatchObject({
      severity: 'warning',
      facts: { date: '2026-10-30', days: 15 },
      link: { ...mayaPlan, accommodation: null },
    });
    expect(only(mine.flags, 'reevaluation_due')).toMatchObject({ severity: 'urgent', facts: { date: '2026-10-01', days: -14 } });
    expect(only(mine.flags, 'one_sided_low_ratings')).toMatchObject({
      facts: { count: 3, of: 3 },
      link: { ...mayaPlan, accommodation: { id: math.id, role: 'peer_tutor', settingClass: 'Math 7' } },
    });
    expect(only(mine.flags, 'one_sided_no_initiation')).toMatchObject({
      link: { accommodation: { id: science.id, settingClass: 'Science 7' } },
      action: expect.stringContaining('Coach the mentor'),
    });
    const samLink = { to: 'mentor', mentorId: sam.id, mentorName: 'Sam Rivera' };
    expect(only(mine.flags, 'burnout_sessions')).toMatchObject({ facts: { count: 10, limit: 8 }, link: samLink });
    expect(only(mine.flags, 'burnout_over_cap')).toMatchObject({
      facts: { count: 3, limit: 2 },
      link: samLink,
      message: 'Sam Rivera supports 3 peers, more than their limit of 2.',
    });
    const leeLink = { to: 'mentor', mentorId: lee.id, mentorName: 'Lee Park' };
    expect(only(mine.flags, 'burnout_no_break')).toMatchObject({ facts: { weeks: 10 }, link: leeLink });
    expect(only(mine.flags, 'burnout_workload_rising')).toMatchObject({ facts: { rating: 4 }, link: leeLink });
    expect(only(mine.flags, 'training_expiring')).toMatchObject({
      facts: { module: 'confidentiality', date: '2026-11-01', days: 17 },
      link: leeLink,
    });
    expect(only(mine.flags, 'consent_missing')).toMatchObject({
      severity: 'urgent',
      link: { to: 'mentor', mentorId: kai.id, mentorName: 'Kai Osei' },
    });
  });

  it("puts on each student's row the flags about their plan, their peer supports and their mentors", () => {
    const byStudent = new Map(mine.students.map((row) => [row.name, new Set(row.flagIds)]));
    const rulesOf = (name: string) =>
      mine.flags
        .filter((flag) => byStudent.get(name)?.has(flag.id))
        .map((flag) => flag.rule)
        .sort();
    expect(rulesOf('Maya Lopez')).toEqual(
      [
        'annual_review_due',
        'burnout_over_cap',
        'burnout_sessions',
        'one_sided_low_ratings',
        'one_sided_no_initiation',
        'reevaluation_due',
      ].sort(),
    );
    expect(rulesOf('Noah Brooks')).toEqual(['burnout_no_break', 'burnout_workload_rising', 'training_expiring']);
    // Sam's flags reach Ari too: Sam is one of his mentors. Kai, assigned since 8 September, never held a session with him.
    expect(rulesOf('Ari Adams')).toEqual(['burnout_over_cap', 'burnout_sessions', 'consent_missing', 'no_sessions']);
  });

  it("keeps other caseloads' flags out of mine and shows them for the whole program; the list alone agrees", async () => {
    const { app, bo } = crafted;
    const aboutZoe = (flag: HealthFlagView) => flag.link.to === 'plan' && flag.link.studentName === 'Zoe Young';
    const aboutBo = (flag: HealthFlagView) => flag.link.to === 'mentor' && flag.link.mentorId === bo.id;
    expect(mine.flags.filter((flag) => aboutZoe(flag) || aboutBo(flag))).toEqual([]);

    const program = await app.call('health.flags', { scope: { kind: 'program' } });
    expect(program.flags.filter(aboutZoe).map((flag) => flag.rule)).toEqual(['annual_review_due']);
    expect(program.flags.filter(aboutBo).map((flag) => flag.rule)).toEqual(['training_expiring']);

    const list = await app.call('health.flags', {});
    expect(list.flags).toEqual(mine.flags);
  });
});
