/**
 * The caseload dashboard on a real encrypted vault: whose students it lists, how each goal's status
 * is read from the decision rules (including points taken under an earlier version of an amended
 * goal), and the fidelity window of the last four school weeks.
 */
import { describe, expect, it } from 'vitest';
import { caseloadDashboard } from '../../src-main/services/caseload/dashboard';
import { accommodationInput, goalInput, studentInput } from '../fixtures/program-input';
import { caseloadVault, studentWithPlan } from './caseload-fixture';

describe('caseload dashboard: scope', () => {
  it("lists the acting case manager's active students, another case manager's, or the whole program", async () => {
    const app = await caseloadVault();
    const rowan = await app.call('staff.create', { name: 'Rowan Ellis', role: 'case_manager' });
    await studentWithPlan(app, { firstName: 'Maya', lastName: 'Lopez' }, app.me);
    await studentWithPlan(app, { firstName: 'Ari', lastName: 'Adams' }, app.me);
    await studentWithPlan(app, { firstName: 'Noah', lastName: 'Brooks' }, rowan.id);
    await app.call('students.create', studentInput({ localId: 'S-000777', firstName: 'Uma', lastName: 'Unassigned' }));
    const gone = await app.call(
      'students.create',
      studentInput({ localId: 'S-000778', firstName: 'Gil', lastName: 'Gone', caseManagerId: app.me }),
    );
    await app.call('students.archive', { id: gone.id });

    const mine = await app.call('caseload.dashboard', {});
    expect(mine.scope).toEqual({
      kind: 'case_manager',
      caseManagerId: app.me,
      caseManagerName: 'Avery Quill',
      isActingUser: true,
      actingStaffId: app.me,
    });
    expect(mine.students.map((student) => student.name)).toEqual(['Ari Adams', 'Maya Lopez']);

    const theirs = await app.call('caseload.dashboard', { scope: { kind: 'case_manager', caseManagerId: rowan.id } });
    expect(theirs.scope).toMatchObject({ caseManagerName: 'Rowan Ellis', isActingUser: false });
    expect(theirs.students.map((student) => student.name)).toEqual(['Noah Brooks']);

    const program = await app.call('caseload.dashboard', { scope: { kind: 'program' } });
    expect(program.scope).toMatchObject({ kind: 'program', actingStaffId: app.me });
    expect(program.students.map((student) => student.name)).toEqual(['Ari Adams', 'Noah Brooks', 'Maya Lopez', 'Uma Unassigned']);
    expect(program.students[0]?.plans).toEqual([
      { id: expect.any(String), type: 'iep', annualReviewDue: '2027-06-01', reevaluationDue: '2028-09-01' },
    ]);

    await expect(app.call('caseload.dashboard', { scope: { kind: 'case_manager', caseManagerId: 'no-such-staff' } })).rejects.toMatchObject(
      { code: 'not_found' },
    );
  });

  it('says so, and lists no one, when the acting user has no staff record (opened with the recovery key)', async () => {
    const app = await caseloadVault();
    await studentWithPlan(app, { firstName: 'Maya', lastName: 'Lopez' }, app.me);
    const viaRecoveryKey = { ...app.ctx, actor: { slotId: null, staffId: null } };
    expect(caseloadDashboard(viaRecoveryKey, { scope: { kind: 'mine' } })).toMatchObject({
      scope: { kind: 'no_staff_record', caseManagerId: null, actingStaffId: null },
      students: [],
      flags: [],
    });
  });
});

describe('caseload dashboard: goal status', () => {
  it('reads at risk, no data and on track from the judgement, counting points of earlier versions', async () => {
    const app = await caseloadVault();
    // Aim line: 40 on 1 Sept to 80 on 1 June, about 43 in late September and 46 by mid-October.
    const { student, plan, extra } = await studentWithPlan(app, { firstName: 'Maya', lastName: 'Lopez' }, app.me, {}, async (planId) => ({
      behind: await app.call('goals.create', goalInput(planId)),
      unmeasured: await app.call('goals.create', goalInput(planId, { area: 'reading' })),
      steady: await app.call('goals.create', goalInput(planId, { area: 'writing' })),
      stale: await app.call('goals.create', goalInput(planId, { area: 'behavior' })),
    }));
    const { behind, unmeasured, steady, stale } = extra;
    const points = (goalId: string, values: [string, number][]) =>
      app.call('progressPoints.createMany', { points: values.map(([date, value]) => ({ goalId, date, value })) });
    // Six weeks of data: the least the judgement needs before it reads a trend.
    await points(behind.id, [
      ['2026-09-07', 30],
      ['2026-09-14', 30],
      ['2026-09-21', 30],
      ['2026-09-28', 31],
      ['2026-10-05', 32],
      ['2026-10-12', 33],
    ]);
    // Two a week, steadily: the whole 95 % band at the goal's date is above the target.
    await points(steady.id, [
      ['2026-09-07', 42],
      ['2026-09-14', 44],
      ['2026-09-21', 46],
      ['2026-09-28', 48],
      ['2026-10-05', 50],
      ['2026-10-12', 52],
    ]);
    // Measured once, six weeks ago: the goal is no longer being measured.
    await points(stale.id, [['2026-09-02', 41]]);

    const [row] = (await app.call('caseload.dashboard', {})).students;
    expect(row?.id).toBe(student.id);
    const shown = new Map(row?.goals.map((goal) => [goal.id, [goal.status, goal.latest]]));
    expect(shown.get(behind.id)).toEqual(['at_risk', { date: '2026-10-12', value: 33 }]);
    expect(shown.get(unmeasured.id)).toEqual(['no_data', null]);
    expect(shown.get(steady.id)).toEqual(['on_track', { date: '2026-10-12', value: 52 }]);
    expect(shown.get(stale.id)).toEqual(['no_data', { date: '2026-09-02', value: 41 }]);
    // Numbered as on the plan page.
    const detail = await app.call('plans.get', { id: plan.id });
    expect(row?.goals.map((goal) => [goal.number, goal.id])).toEqual(detail.goals.map((goal, index) => [index + 1, goal.id]));
    expect(row?.goalCounts).toEqual({ atRisk: 1, noData: 2, onTrack: 1 });
  });

  it('follows an amended goal back to the points of its earlier version', async () => {
    const app = await caseloadVault();
    const { plan, extra: goal } = await studentWithPlan(app, { firstName: 'Ari', lastName: 'Adams' }, app.me, {}, (planId) =>
      app.call('goals.create', goalInput(planId)),
    );
    await app.call('progressPoints.createMany', {
      points: ['2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12'].map((date) => ({
        goalId: goal.id,
        date,
        value: 20,
      })),
    });
    const amendment = await app.call('plans.amend', { id: plan.id });
    await app.call('plans.activate', { id: amendment.plan.id });

    const [row] = (await app.call('caseload.dashboard', {})).students;
    expect(row?.plans.map((shown) => shown.id)).toEqual([amendment.plan.id]);
    expect(row?.goals).toEqual([
      expect.objectContaining({ id: amendment.goals[0]?.id, status: 'at_risk', latest: { date: '2026-10-12', value: 20 } }),
    ]);
  });
});

describe('caseload dashboard: fidelity', () => {
  it('counts sessions held against planned over this week so far and the three before, as the plan page does', async () => {
    const app = await caseloadVault();
    const { student, extra: tutor } = await studentWithPlan(app, { firstName: 'Maya', lastName: 'Lopez' }, app.me, {}, (planId) =>
      app.call('accommodations.create', accommodationInput(planId)),
    );
    await studentWithPlan(app, { firstName: 'Ari', lastName: 'Adams' }, app.me);
    // 16 Sept is before the window; the miss counts as planned but not held.
    for (const date of ['2026-09-16', '2026-09-21', '2026-09-23', '2026-09-28', '2026-10-05', '2026-10-07', '2026-10-12']) {
      await app.call('sessions.create', { accommodationId: tutor.id, date, status: 'held', minutes: 20 });
    }
    await app.call('sessions.create', { accommodationId: tutor.id, date: '2026-09-30', status: 'missed', missReason: 'student_absent' });

    const dashboard = await app.call('caseload.dashboard', {});
    expect(dashboard.fidelityWindow).toEqual({ from: '2026-09-21', to: '2026-10-15' });
    const byName = new Map(dashboard.students.map((row) => [row.name, row.fidelity]));
    // Three whole weeks at 2 a week, and Monday to Thursday of this one (4/5 of 2): 7.6 planned, 6 held.
    expect(byName.get('Maya Lopez')).toEqual({ plannedSessions: 7.6, heldSessions: 6, percent: 79 });
    expect(byName.get('Ari Adams')).toEqual({ plannedSessions: 0, heldSessions: 0, percent: null });

    const planPage = await app.call('fidelity.forStudent', { studentId: student.id, ...dashboard.fidelityWindow });
    expect(planPage.total).toMatchObject({ plannedSessions: 7.6, heldSessions: 6, sessionsPercent: 79 });
  });
});
