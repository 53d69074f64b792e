import { describe, expect, it } from 'vitest';
import { buildExport } from '../../src-main/services/exchange/export';
import { importExport } from '../../src-main/services/exchange/import';
import { accommodationInput, goalInput, planInput, studentInput } from '../fixtures/program-input';
import { unlockedApp } from '../fixtures/unlocked-app';

async function withStudent() {
  const app = await unlockedApp();
  const student = await app.call('students.create', studentInput());
  return { ...app, studentId: student.id };
}

describe('plans', () => {
  it('allows at most one active plan of each type per student', async () => {
    const { call, studentId } = await withStudent();
    await call('plans.create', planInput(studentId));
    await expect(call('plans.create', planInput(studentId))).rejects.toMatchObject({
      code: 'conflict',
      message: 'This student already has an active IEP. End it or amend it instead.',
    });
    expect(await call('plans.create', planInput(studentId, { type: '504' }))).toMatchObject({ type: '504', status: 'active' });
    const draft = await call('plans.create', planInput(studentId, { status: 'draft' }));
    await expect(call('plans.activate', { id: draft.id })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses dates that make no sense', async () => {
    const { call, studentId } = await withStudent();
    await expect(call('plans.create', planInput(studentId, { endDate: '2026-08-01' }))).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('must end after it starts'),
    });
    await expect(call('plans.create', planInput(studentId, { endDate: '2028-06-01' }))).rejects.toMatchObject({
      message: expect.stringContaining('a year at most'),
    });
  });

  it('warns when the annual review is due within 30 days or overdue', async () => {
    const { call, studentId } = await withStudent();
    const soon = await call('plans.create', planInput(studentId, { annualReviewDue: '2026-10-20' }));
    expect(soon.warnings).toEqual([
      { kind: 'annual_review', due: '2026-10-20', severity: 'due_soon', message: 'Annual review is due on 2026-10-20 (in 19 days).' },
    ]);
    const late = await call(
      'plans.create',
      planInput(studentId, {
        type: '504',
        startDate: '2025-10-01',
        endDate: '2026-09-30',
        annualReviewDue: '2026-09-15',
        reevaluationDue: undefined,
      }),
    );
    expect(late.warnings).toEqual([
      { kind: 'annual_review', due: '2026-09-15', severity: 'overdue', message: 'Annual review was due on 2026-09-15 (16 days ago).' },
    ]);
  });

  it('keeps the team’s translations of a goal statement: checked, changed, cleared, amended, exported', async () => {
    const { call, studentId, session } = await withStudent();
    const plan = await call('plans.create', planInput(studentId, { status: 'draft' }));
    const es = 'Dado un conjunto de problemas de dos pasos, Zebulon los resolverá con un 80 % de acierto.';
    const goal = await call('goals.create', goalInput(plan.id, { statementTranslations: { es: `  ${es} ` } }));
    expect(goal).toMatchObject({ statement: goalInput(plan.id).statement, statementTranslations: { es } });
    expect((await call('goals.create', goalInput(plan.id))).statementTranslations).toEqual({});
    await call('plans.activate', { id: plan.id });
    for (const statementTranslations of [{ Spanish: es }, { es: '   ' }, { es: 'x'.repeat(4001) }] as Record<string, string>[]) {
      await expect(call('goals.update', { id: goal.id, changes: { statementTranslations } })).rejects.toMatchObject({
        code: 'invalid_input',
      });
    }
    const amended = await call('plans.amend', { id: plan.id });
    const copy = amended.goals.find((candidate) => candidate.statementTranslations.es === es);
    expect(amended.goals.map((candidate) => candidate.statementTranslations)).toEqual(expect.arrayContaining([{ es }, {}]));

    const exported = buildExport(session.db(), new Date());
    expect(exported.goals.map((row) => row.statementTranslations).sort()).toEqual([{ es }, { es }, null, null]);
    const target = await unlockedApp();
    importExport(target.session.context(), exported);
    expect(buildExport(target.session.db(), new Date()).goals).toEqual(exported.goals);

    const cleared = await call('goals.update', { id: copy?.id ?? '', changes: { statementTranslations: {} } });
    expect(cleared.statementTranslations).toEqual({});
    expect((await call('plans.get', { id: plan.id })).goals.find((old) => old.id === goal.id)?.statementTranslations).toEqual({ es });
  });

  it('amendment: a new draft version; activating it supersedes the old one, which stays read-only and viewable', async () => {
    const { call, studentId } = await withStudent();
    const plan = await call('plans.create', planInput(studentId, { status: 'draft' }));
    const goal = await call('goals.create', goalInput(plan.id));
    const support = await call('accommodations.create', accommodationInput(plan.id, { goalIds: [goal.id] }));
    await call('plans.activate', { id: plan.id });
    const amended = await call('plans.amend', { id: plan.id });
    expect(amended.plan).toMatchObject({ version: 2, status: 'draft', amendsId: plan.id });
    expect(amended.goals).toHaveLength(1);
    expect(amended.accommodations[0]?.serves).toEqual([amended.goals[0]?.id]);
    await expect(call('plans.amend', { id: plan.id })).rejects.toMatchObject({ code: 'conflict' });
    await call('goals.update', { id: amended.goals[0]?.id ?? '', changes: { target: 90 } });
    await call('plans.activate', { id: amended.plan.id });

    const old = await call('plans.get', { id: plan.id });
    expect(old.plan).toMatchObject({ status: 'superseded', readOnly: true });
    expect(old.goals[0]).toMatchObject({ id: goal.id, target: 80 });
    expect(old.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'superseded'],
      [2, 'active'],
    ]);
    await expect(call('goals.update', { id: goal.id, changes: { target: 95 } })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('read-only'),
    });
    await expect(call('accommodations.delete', { id: support.id })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('goals', () => {
  it('refuses values that make no sense for the measurement, in plain words', async () => {
    const { call, studentId } = await withStudent();
    const plan = await call('plans.create', planInput(studentId, { status: 'draft' }));
    const cases = [
      [{ baseline: 40, target: 120 }, 'The target is a percent: use 0 to 100.'],
      [{ baseline: 50, target: 50 }, 'The target must differ from the baseline'],
      [{ endDate: '2027-07-01' }, "The goal's end date must fall inside the plan (2026-09-01 to 2027-06-15)."],
      [{ measurement: 'rubric' as const, baseline: 1, target: 3 }, 'Give the top rubric level'],
      [{ measurement: 'rubric' as const, scaleMax: 4, baseline: 1, target: 5 }, 'The target is a rubric level: use 0 to 4.'],
      [{ measurement: 'trials' as const, scaleMax: 10.5, baseline: 1, target: 8 }, 'whole number'],
      [{ measurement: 'frequency' as const, baseline: -1, target: 5 }, 'The baseline is a count: use 0 or more.'],
    ] as const;
    for (const [overrides, message] of cases) {
      await expect(call('goals.create', goalInput(plan.id, overrides))).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringContaining(message),
      });
    }
    expect((await call('plans.get', { id: plan.id })).goals).toEqual([]);
    expect(await call('goals.create', goalInput(plan.id, { measurement: 'trials', scaleMax: 10, baseline: 3, target: 8 }))).toMatchObject({
      scaleMax: 10,
    });
  });
});

describe('accommodations linked to the goals they serve', () => {
  it('links many-to-many, editable from both sides, and shows gaps either way', async () => {
    const { call, studentId } = await withStudent();
    const plan = await call('plans.create', planInput(studentId, { status: 'draft' }));
    const reading = await call('goals.create', goalInput(plan.id, { area: 'reading' }));
    const math = await call('goals.create', goalInput(plan.id));
    const social = await call(
      'goals.create',
      goalInput(plan.id, { area: 'social_emotional', measurement: 'frequency', baseline: 1, target: 5 }),
    );
    const tutor = await call('accommodations.create', accommodationInput(plan.id, { goalIds: [reading.id, math.id] }));
    const buddy = await call('accommodations.create', accommodationInput(plan.id, { role: 'peer_buddy', settingClass: 'Lunch' }));

    let detail = await call('plans.get', { id: plan.id });
    expect(detail.gaps).toEqual({ goalsWithoutSupport: [social.id], accommodationsWithoutGoal: [buddy.id] });
    expect(detail.goals.find((g) => g.id === math.id)?.servedBy).toEqual([tutor.id]);

    await call('goals.setServedBy', { id: social.id, accommodationIds: [buddy.id, tutor.id] });
    detail = await call('plans.get', { id: plan.id });
    expect(detail.gaps).toEqual({ goalsWithoutSupport: [], accommodationsWithoutGoal: [] });
    expect(detail.accommodations.find((a) => a.id === tutor.id)?.serves.sort()).toEqual([reading.id, math.id, social.id].sort());

    await call('accommodations.setServes', { id: tutor.id, goalIds: [math.id] });
    detail = await call('plans.get', { id: plan.id });
    expect(detail.gaps.goalsWithoutSupport).toEqual([reading.id]);
  });

  it('refuses a link across plans and dates outside the plan', async () => {
    const { call, studentId } = await withStudent();
    const iep = await call('plans.create', planInput(studentId, { status: 'draft' }));
    const plan504 = await call('plans.create', planInput(studentId, { type: '504', status: 'draft' }));
    const goal = await call('goals.create', goalInput(iep.id));
    await expect(call('accommodations.create', accommodationInput(plan504.id, { goalIds: [goal.id] }))).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(call('accommodations.create', accommodationInput(iep.id, { endDate: '2027-08-01' }))).rejects.toMatchObject({
      message: expect.stringContaining('inside the plan'),
    });
  });

  it('an update leaves what it does not mention as it was', async () => {
    const { call, studentId } = await withStudent();
    const plan = await call('plans.create', planInput(studentId, { teamStaffIds: [], status: 'draft' }));
    const goal = await call(
      'goals.create',
      goalInput(plan.id, { objectives: ['Solve one-step problems'], reportingPeriods: [{ label: 'Q1', endsOn: '2026-11-06' }] }),
    );
    const updated = await call('goals.update', { id: goal.id, changes: { target: 85 } });
    expect(updated).toMatchObject({
      target: 85,
      objectives: ['Solve one-step problems'],
      reportingPeriods: [{ label: 'Q1', endsOn: '2026-11-06' }],
    });
    const student = await call('students.update', { id: studentId, changes: { grade: 8 } });
    expect(student.guardians).toHaveLength(1);
  });
});

describe('an active plan changes only through an amendment', () => {
  const amendWords = expect.stringContaining('Choose "Amend the plan" to make a new draft version');

  it('refuses to add, change or link its goals and peer supports, and does all of it on the draft amendment', async () => {
    const { call, studentId } = await withStudent();
    const plan = await call('plans.create', planInput(studentId, { status: 'draft' }));
    const goal = await call('goals.create', goalInput(plan.id));
    const support = await call('accommodations.create', accommodationInput(plan.id, { goalIds: [goal.id] }));
    await call('plans.activate', { id: plan.id });
    const before = await call('plans.get', { id: plan.id });

    const attempts = (ids: { planId: string; goalId: string; supportId: string }) =>
      [
        ['goals.create', () => call('goals.create', goalInput(ids.planId, { area: 'reading' }))],
        ['goals.update', () => call('goals.update', { id: ids.goalId, changes: { target: 90 } })],
        [
          'goals.update with a translation too',
          () =>
            call('goals.update', {
              id: ids.goalId,
              changes: { target: 90, statementTranslations: { es: 'Zebulon resolverá problemas.' } },
            }),
        ],
        ['goals.setServedBy', () => call('goals.setServedBy', { id: ids.goalId, accommodationIds: [] })],
        [
          'accommodations.create',
          () => call('accommodations.create', accommodationInput(ids.planId, { role: 'peer_buddy', settingClass: 'Lunch' })),
        ],
        ['accommodations.update', () => call('accommodations.update', { id: ids.supportId, changes: { minutesPerSession: 30 } })],
        ['accommodations.setServes', () => call('accommodations.setServes', { id: ids.supportId, goalIds: [] })],
      ] as const;

    for (const [channel, attempt] of attempts({ planId: plan.id, goalId: goal.id, supportId: support.id })) {
      await expect(attempt(), channel).rejects.toMatchObject({
        code: 'forbidden',
        message: expect.stringMatching(/^This plan is active: its (goals|peer supports) change only through an amendment/),
      });
      await expect(attempt(), channel).rejects.toMatchObject({ message: amendWords });
    }
    expect(await call('plans.get', { id: plan.id })).toEqual(before);

    // A translation for parent reports is not a change to what the team agreed.
    const translated = await call('goals.update', {
      id: goal.id,
      changes: { statementTranslations: { es: 'Zebulon resolverá problemas.' } },
    });
    expect(translated).toMatchObject({ target: 80, statementTranslations: { es: 'Zebulon resolverá problemas.' } });

    const amended = await call('plans.amend', { id: plan.id });
    const copies = { planId: amended.plan.id, goalId: amended.goals[0]?.id ?? '', supportId: amended.accommodations[0]?.id ?? '' };
    for (const [channel, attempt] of attempts(copies)) await expect(attempt(), channel).resolves.toBeTruthy();
    const draft = await call('plans.get', { id: amended.plan.id });
    expect(draft.goals).toHaveLength(2);
    expect(draft.accommodations).toHaveLength(2);
    expect(draft.goals.find((g) => g.id === copies.goalId)).toMatchObject({ target: 90, servedBy: [] });
  });

  it('an ended plan is read-only to the same channels, translations included', async () => {
    const { call, studentId } = await withStudent();
    const plan = await call('plans.create', planInput(studentId, { status: 'draft' }));
    const goal = await call('goals.create', goalInput(plan.id));
    await call('plans.activate', { id: plan.id });
    await call('plans.end', { id: plan.id });
    for (const attempt of [
      () => call('goals.create', goalInput(plan.id, { area: 'reading' })),
      () => call('goals.update', { id: goal.id, changes: { statementTranslations: { es: 'Zebulon resolverá problemas.' } } }),
      () => call('accommodations.create', accommodationInput(plan.id)),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('kept read-only') });
    }
  });
});
