/**
 * Program health sees missing service, each rule from its own small fixture on a real encrypted
 * vault (the clock stands on Thursday 2026-10-15): a running support with no mentor (since it
 * started, or since its last mentor stopped), one with a mentor but no session for 10 school days
 * (counted on the school's calendar, so a fall break is not a gap), the seats still needing a
 * mentor as Matching counts them, and a reporting period that ended without a finalized progress
 * report. And "on track" needs the service: the student with 3 supports, no mentor since
 * September and no session is not on track, and appears under "To act on".
 */
import { describe, expect, it } from 'vitest';
import { schoolCalendars } from '../../db/schema';
import { DEFAULT_MATCHING_WEIGHTS, type HealthFlagView, type HealthRule } from '../../src-main/contract';
import { loadProblem } from '../../src-main/services/matching/facts';

import { mentorInput } from '../fixtures/program';
import { accommodationInput, goalInput } from '../fixtures/program-input';
import { type CaseloadApp, caseloadVault, studentWithPlan } from './caseload-fixture';

type App = CaseloadApp & { me: string };

function ofRule(flags: readonly HealthFlagView[], rule: HealthRule): HealthFlagView[] {
  return flags.filter((flag) => flag.rule === rule);
}

/** Weekly points along the aim line (40 on 1 Sept to 80 on 1 June), a shade above it: the data alone would read well. */
async function goodPoints(app: App, goalId: string) {
  await app.call('progressPoints.createMany', {
    points: ['2026-09-14', '2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12'].map((date, index) => ({
      goalId,
      date,
      value: 44 + index,
    })),
  });
}

/** The student: three peer supports from 8 September, each serving a goal, no mentor ever, no session. */
async function unservedStudent(app: App) {
  return studentWithPlan(app, { firstName: 'Jordan', lastName: 'Reyes' }, app.me, {}, async (planId) => {
    const goals = [
      await app.call('goals.create', goalInput(planId)),
      await app.call('goals.create', goalInput(planId, { area: 'reading' })),
      await app.call('goals.create', goalInput(planId, { area: 'writing' })),
    ];
    const supports = [];
    for (const [index, goal] of goals.entries()) {
      supports.push(
        await app.call('accommodations.create', accommodationInput(planId, { settingClass: `Class ${index + 1}`, goalIds: [goal.id] })),
      );
    }
    return { goals, supports };
  });
}

describe('program health: service not delivered', () => {
  it('a student with 3 supports, no mentor since September and no session is not on track, and is under To act on', async () => {
    const app = await caseloadVault();
    const jordan = await unservedStudent(app);
    for (const goal of jordan.extra.goals) await goodPoints(app, goal.id);

    const dashboard = await app.call('caseload.dashboard', {});
    const noMentor = ofRule(dashboard.flags, 'no_mentor');
    expect(noMentor.map((flag) => flag.link.to === 'plan' && flag.link.accommodation?.id).sort()).toEqual(
      jordan.extra.supports.map((support) => support.id).sort(),
    );
    // 8 September to yesterday (14 October): 27 school days, past the 10-day span, so urgent.
    for (const flag of noMentor) {
      expect(flag).toMatchObject({ kind: 'service', severity: 'urgent', facts: { since: '2026-09-08', schoolDays: 27 } });
      expect(flag.action).toMatch(/mentor/);
    }
    const [row] = dashboard.students;
    expect(row?.goals.map((goal) => goal.status)).toEqual(['no_service', 'no_service', 'no_service']);
    expect(row?.goalCounts).toMatchObject({ onTrack: 0, noService: 3 });
    expect(row?.flagIds).toEqual(expect.arrayContaining(noMentor.map((flag) => flag.id)));
    // Service flags lead the list.
    expect(dashboard.flags[0]?.kind).toBe('service');
  });

  it('says since when: the day the last mentor stopped, a warning until it has lasted 10 school days', async () => {
    const app = await caseloadVault();
    const { extra: support } = await studentWithPlan(app, { firstName: 'Maya', lastName: 'Lopez' }, app.me, {}, (planId) =>
      app.call('accommodations.create', accommodationInput(planId)),
    );
    const sam = await app.call('mentors.create', mentorInput());
    const assignment = await app.call('assignments.create', { mentorId: sam.id, accommodationId: support.id, startDate: '2026-09-08' });
    await app.call('sessions.create', {
      accommodationId: support.id,
      date: '2026-10-05',
      status: 'held',
      minutes: 20,
      mentorIds: [sam.id],
    });
    await app.call('assignments.end', { id: assignment.id, endDate: '2026-10-07', reason: 'other' });

    const [flag, ...others] = ofRule((await app.call('health.flags', {})).flags, 'no_mentor');
    expect(others).toEqual([]);
    // 7, 8, 9, 12, 13 and 14 October.
    expect(flag).toMatchObject({ severity: 'warning', facts: { since: '2026-10-07', schoolDays: 6 } });
    expect(flag?.message).toBe('No mentor has been assigned to this peer support since 2026-10-07 (6 school days).');
  });

  it('flags a support with a mentor but no session for 10 school days, counted on the school calendar', async () => {
    const app = await caseloadVault();
    const sam = await app.call('mentors.create', mentorInput({ loadCap: 3 }));
    const supportWithSessions = async (firstName: string, school: string, lastHeld: string) => {
      const { student, extra } = await studentWithPlan(app, { firstName, lastName: 'Test' }, app.me, {}, async (planId) => {
        const goal = await app.call('goals.create', goalInput(planId));
        return { goal, support: await app.call('accommodations.create', accommodationInput(planId, { goalIds: [goal.id] })) };
      });
      if (school !== 'Riverside Middle School') await app.call('students.update', { id: student.id, changes: { school } });
      await app.call('assignments.create', { mentorId: sam.id, accommodationId: extra.support.id, startDate: '2026-09-08' });
      await app.call('sessions.create', {
        accommodationId: extra.support.id,
        date: lastHeld,
        status: 'held',
        minutes: 20,
        mentorIds: [sam.id],
      });
      await goodPoints(app, extra.goal.id);
      return extra;
    };
    // Last held Monday 28 September: 12 school days since (29 Sept – 14 Oct).
    const stalled = await supportWithSessions('Ana', 'Riverside Middle School', '2026-09-28');
    // Last held Monday 5 October: 7 school days since, within the span.
    const recent = await supportWithSessions('Ben', 'Riverside Middle School', '2026-10-05');
    // Last held Wednesday 30 September at a school whose fall break is 5–9 October: 5 school days, not 10.
    app.db
      .insert(schoolCalendars)
      .values({
        id: 'calendar-hillcrest',
        school: 'Hillcrest Middle School',
        year: '2026-2027',
        firstDay: '2026-08-31',
        lastDay: '2027-06-11',
        breaks: JSON.stringify([{ name: 'Fall break', from: '2026-10-05', to: '2026-10-09' }]),
        reportingPeriods: '[]',
        createdAt: '2026-08-01T00:00:00Z',
        updatedAt: '2026-08-01T00:00:00Z',
      })
      .run();
    const onBreak = await supportWithSessions('Cy', 'Hillcrest Middle School', '2026-09-30');

    const dashboard = await app.call('caseload.dashboard', {});
    const flags = ofRule(dashboard.flags, 'no_sessions');
    expect(flags.map((flag) => flag.link.to === 'plan' && flag.link.accommodation?.id)).toEqual([stalled.support.id]);
    expect(flags[0]).toMatchObject({ kind: 'service', severity: 'warning', facts: { since: '2026-09-28', schoolDays: 12, limit: 10 } });
    // The stalled support's goal has no service; the others were delivered, so their data speaks.
    const statusOf = new Map(dashboard.students.flatMap((row) => row.goals.map((goal) => [goal.id, goal.status])));
    expect(statusOf.get(stalled.goal.id)).toBe('no_service');
    expect(statusOf.get(recent.goal.id)).not.toBe('no_service');
    expect(statusOf.get(onBreak.goal.id)).not.toBe('no_service');
  });

  it("counts the sessions of an amended support's every version, the latest one last", async () => {
    const app = await caseloadVault();
    const { plan, extra: support } = await studentWithPlan(app, { firstName: 'Maya', lastName: 'Lopez' }, app.me, {}, (planId) =>
      app.call('accommodations.create', accommodationInput(planId)),
    );
    const sam = await app.call('mentors.create', mentorInput());
    await app.call('assignments.create', { mentorId: sam.id, accommodationId: support.id, startDate: '2026-09-08' });
    await app.call('sessions.create', {
      accommodationId: support.id,
      date: '2026-09-21',
      status: 'held',
      minutes: 20,
      mentorIds: [sam.id],
    });
    const amendment = await app.call('plans.amend', { id: plan.id });
    await app.call('plans.activate', { id: amendment.plan.id });
    const copy = amendment.accommodations[0];
    if (!copy) throw new Error('the amendment copies the support');
    // Held on the new version 5 school days ago: delivered, though the old version's last session is 18 school days old.
    await app.call('sessions.create', { accommodationId: copy.id, date: '2026-10-08', status: 'held', minutes: 20, mentorIds: [sam.id] });
    const flags = (await app.call('health.flags', {})).flags;
    expect(flags.filter((flag) => flag.rule === 'no_sessions' || flag.rule === 'no_mentor')).toEqual([]);
  });

  it('raises one flag per school with the seats still needing a mentor, as Matching counts them, linking to Matching', async () => {
    const app = await caseloadVault();
    await unservedStudent(app);
    // Needs two mentors, has one: one more open seat.
    const { extra: pairWork } = await studentWithPlan(app, { firstName: 'Maya', lastName: 'Lopez' }, app.me, {}, (planId) =>
      app.call('accommodations.create', accommodationInput(planId, { settingClass: 'Science 7', mentorsNeeded: 2 })),
    );
    const sam = await app.call('mentors.create', mentorInput());
    await app.call('assignments.create', { mentorId: sam.id, accommodationId: pairWork.id, startDate: '2026-09-08' });

    const program = await app.call('health.flags', { scope: { kind: 'program' } });
    const seats = ofRule(program.flags, 'seats_open');
    expect(seats).toEqual([
      expect.objectContaining({
        kind: 'service',
        severity: 'warning',
        facts: { count: 4, school: 'Riverside Middle School' },
        link: { to: 'matching', school: 'Riverside Middle School' },
        action: 'Open Matching to find a mentor for each open seat.',
      }),
    ]);
    const { problem } = loadProblem(app.db, { date: '2026-10-15', mode: 'fill', weights: DEFAULT_MATCHING_WEIGHTS });
    expect(problem.seats.reduce((sum, seat) => sum + seat.openSeats, 0)).toBe(4);
    // About a school, not a student: on no student's row.
    const dashboard = await app.call('caseload.dashboard', {});
    expect(dashboard.students.flatMap((row) => row.flagIds)).not.toContain(seats[0]?.id);
  });
});

describe('program health: progress reports', () => {
  it('flags a reporting period that ended with the progress report not finalized, until it is', async () => {
    const app = await caseloadVault();
    const periods = [
      { label: 'Quarter 1', endsOn: '2026-10-09' },
      { label: 'Quarter 2', endsOn: '2027-01-22' },
    ];
    const { plan, extra: goals } = await studentWithPlan(app, { firstName: 'Maya', lastName: 'Lopez' }, app.me, {}, async (planId) => [
      await app.call('goals.create', goalInput(planId, { reportingPeriods: periods })),
      await app.call('goals.create', goalInput(planId, { area: 'reading', reportingPeriods: periods })),
    ]);
    const quarter1 = periods[0] as (typeof periods)[number];
    // One goal's mark is written but nothing is finalized.
    await app.call('progressMarks.save', {
      goalId: goals[0]?.id as string,
      period: quarter1,
      changes: { code: 'sufficient', narrative: 'Steady progress.' },
    });

    const before = ofRule((await app.call('caseload.dashboard', {})).flags, 'period_not_finalized');
    expect(before).toEqual([
      expect.objectContaining({
        kind: 'progress_reports',
        severity: 'warning',
        facts: { period: 'Quarter 1', date: '2026-10-09', days: -6, count: 2, of: 2 },
        link: expect.objectContaining({ to: 'plan', planId: plan.id, accommodation: null }),
        action: 'Finalize the progress report for Quarter 1 and send it to the parents.',
      }),
    ]);

    await app.call('progressMarks.save', {
      goalId: goals[1]?.id as string,
      period: quarter1,
      changes: { code: 'sufficient', narrative: 'Reads more fluently.' },
    });
    await app.call('progressMarks.finalize', { planId: plan.id, periodEndsOn: quarter1.endsOn });
    expect(ofRule((await app.call('caseload.dashboard', {})).flags, 'period_not_finalized')).toEqual([]);
  });

  it("reads a goal without periods of its own on its school calendar's reporting periods", async () => {
    const app = await caseloadVault();
    const { plan } = await studentWithPlan(app, { firstName: 'Ari', lastName: 'Adams' }, app.me, {}, (planId) =>
      app.call('goals.create', goalInput(planId, { reportingPeriods: [] })),
    );
    expect(ofRule((await app.call('caseload.dashboard', {})).flags, 'period_not_finalized')).toEqual([]);
    app.db
      .insert(schoolCalendars)
      .values({
        id: 'calendar-riverside',
        school: 'Riverside Middle School',
        year: '2026-2027',
        firstDay: '2026-08-31',
        lastDay: '2027-06-11',
        breaks: '[]',
        reportingPeriods: JSON.stringify([
          { label: 'Term 1', startsOn: '2026-08-31', endsOn: '2026-09-30' },
          { label: 'Term 2', startsOn: '2026-10-01', endsOn: '2026-12-18' },
        ]),
        createdAt: '2026-08-01T00:00:00Z',
        updatedAt: '2026-08-01T00:00:00Z',
      })
      .run();
    // Term 1 ended 15 days ago: past the 14-day grace, so urgent.
    expect(ofRule((await app.call('caseload.dashboard', {})).flags, 'period_not_finalized')).toEqual([
      expect.objectContaining({
        severity: 'urgent',
        facts: { period: 'Term 1', date: '2026-09-30', days: -15, count: 1, of: 1 },
        link: expect.objectContaining({ planId: plan.id }),
      }),
    ]);
  });
});
