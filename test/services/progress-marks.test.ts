import { describe, expect, it } from 'vitest';
import { PROGRESS_CODE_SETS } from '../../src-main/contract';
import { goalInput, planInput } from '../fixtures/program-input';
import { auditText, supportedStudent } from './progress-fixture';

const Q1 = { label: 'Quarter 1', endsOn: '2026-11-06' };
const NARRATIVE = 'Zebulon solved 7 of 10 two-step problems on the last three probes, up from 4 of 10.';

type App = Awaited<ReturnType<typeof supportedStudent>>;

function complete(app: App, goalId: string, narrative = NARRATIVE) {
  return app.call('progressMarks.save', { goalId, period: Q1, changes: { code: 'sufficient', sufficient: true, narrative } });
}

describe('progress-code sets', () => {
  it('ships the presets as data; the standard set is in use until another is chosen', async () => {
    const app = await supportedStudent();
    const codes = await app.call('progressCodes.get', {});
    expect(codes.active).toBe('federal_default');
    expect(codes.sets.map((set) => [set.id, set.codes.map((code) => code.label)])).toEqual([
      ['federal_default', ['Mastered', 'Sufficient progress', 'Insufficient progress', 'No progress', 'Not yet introduced']],
      ['connecticut', ['Not introduced', 'No progress', 'Limited', 'Satisfactory', 'Mastered']],
      ['scale_1_4', ['1 No progress', '2 Partial', '3 Substantial', '4 Met']],
    ]);
    expect((await app.call('progressCodes.setActive', { setId: 'scale_1_4' })).active).toBe('scale_1_4');
    expect((await app.call('progressCodes.get', {})).active).toBe('scale_1_4');
    expect((await app.call('audit.list', { action: 'settings.progress_code_set' }))[0]?.fields).toEqual(['progressCodeSet']);
    await expect(app.call('progressCodes.setActive', { setId: 'texas' as never })).rejects.toMatchObject({ code: 'invalid_input' });
    // Every code of a set has a shared standing, so a suggestion can be offered in any set.
    for (const set of Object.values(PROGRESS_CODE_SETS)) expect(set.codes.some((code) => code.standing === 'met')).toBe(true);
  });

  it('a mark keeps the set it was written in when the district changes sets', async () => {
    const app = await supportedStudent();
    await app.call('progressMarks.save', { goalId: app.math.id, period: Q1, changes: { code: 'insufficient' } });
    await app.call('progressCodes.setActive', { setId: 'connecticut' });
    expect(await app.call('progressMarks.get', { goalId: app.math.id, periodEndsOn: Q1.endsOn })).toMatchObject({
      codeSet: 'federal_default',
      code: 'insufficient',
      codeLabel: 'Insufficient progress',
    });
    await expect(
      app.call('progressMarks.save', { goalId: app.math.id, period: Q1, changes: { code: 'insufficient' } }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message:
        'That code is not in the progress-code set in use (Connecticut). Choose one of: Not introduced, No progress, Limited, Satisfactory, Mastered.',
    });
    expect(await app.call('progressMarks.save', { goalId: app.math.id, period: Q1, changes: { code: 'limited' } })).toMatchObject({
      codeSet: 'connecticut',
      code: 'limited',
      codeLabel: 'Limited',
    });
  });
});

describe('progress marks', () => {
  it('saves a goal’s mark field by field, with a reason only when progress is not sufficient', async () => {
    const app = await supportedStudent();
    expect(await app.call('progressMarks.get', { goalId: app.math.id, periodEndsOn: Q1.endsOn })).toBeNull();
    const first = await app.call('progressMarks.save', { goalId: app.math.id, period: Q1, changes: { code: 'insufficient' } });
    expect(first).toEqual({
      id: expect.any(String),
      goalId: app.math.id,
      period: Q1,
      codeSet: 'federal_default',
      code: 'insufficient',
      codeLabel: 'Insufficient progress',
      sufficient: null,
      insufficientReason: null,
      narrative: null,
      finalizedAt: null,
      amendments: [],
      // The clock of the fixture: when the mark was first written.
      createdAt: '2026-10-15T15:00:00.000Z',
    });
    await expect(
      app.call('progressMarks.save', { goalId: app.math.id, period: Q1, changes: { insufficientReason: 'absences' } }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: 'A reason is given only when progress is not sufficient to meet the goal.' });
    const second = await app.call('progressMarks.save', {
      goalId: app.math.id,
      period: Q1,
      changes: { sufficient: false, insufficientReason: 'absences', narrative: NARRATIVE },
    });
    expect(second).toMatchObject({
      id: first.id,
      code: 'insufficient',
      sufficient: false,
      insufficientReason: 'absences',
      narrative: NARRATIVE,
    });
    // Saying it is sufficient after all drops the reason.
    expect(await app.call('progressMarks.save', { goalId: app.math.id, period: Q1, changes: { sufficient: true } })).toMatchObject({
      sufficient: true,
      insufficientReason: null,
    });
    await expect(
      app.call('progressMarks.save', { goalId: app.math.id, period: { label: 'Summer', endsOn: '2027-07-01' }, changes: {} }),
    ).rejects.toMatchObject({ message: 'A reporting period must end inside the plan (2026-09-01 to 2027-06-15).' });
    expect((await app.call('progressMarks.listForPlan', { planId: app.plan.id })).map((r) => r.goalId)).toEqual([app.math.id]);
  });

  it('finalizes a period only when every goal has a code and a narrative, naming the goals that do not', async () => {
    const app = await supportedStudent();
    await complete(app, app.math.id);
    await app.call('progressMarks.save', { goalId: app.engagement.id, period: Q1, changes: { code: 'no_progress', sufficient: false } });
    // Goals are numbered as the plan page lists them.
    const order = (await app.call('plans.get', { id: app.plan.id })).goals.map((goal) => goal.id);
    const number = (id: string) => order.indexOf(id) + 1;
    const gaps = [
      [number(app.engagement.id), 'Goal N (social emotional) needs a narrative and a reason progress is not sufficient.'],
      [number(app.rubric.id), 'Goal N (writing) needs a code and a narrative.'],
    ] as const;
    const expected = [...gaps]
      .sort((a, b) => a[0] - b[0])
      .map(([n, text]) => text.replace('Goal N', `Goal ${n}`))
      .join(' ');
    expect(number(app.math.id)).toBeGreaterThan(0);
    await expect(app.call('progressMarks.finalize', { planId: app.plan.id, periodEndsOn: Q1.endsOn })).rejects.toMatchObject({
      code: 'conflict',
      message: `This period cannot be finalized yet. ${expected}`,
    });
    await app.call('progressMarks.save', {
      goalId: app.engagement.id,
      period: Q1,
      changes: { insufficientReason: 'support_needs_changing', narrative: 'Engaged in 3 of 10 intervals; the pairing is changing.' },
    });
    await complete(app, app.rubric.id, 'Writes a level 2 paragraph with a graphic organizer.');
    const finalized = await app.call('progressMarks.finalize', { planId: app.plan.id, periodEndsOn: Q1.endsOn });
    expect(finalized.map((r) => r.goalId)).toEqual(order);
    expect(finalized.map((r) => r.finalizedAt)).toEqual(Array(3).fill('2026-10-15T15:00:00.000Z'));
    expect((await app.call('progressMarks.listForPlan', { planId: app.plan.id, periodEndsOn: Q1.endsOn })).map((r) => r.goalId)).toEqual(
      order,
    );
    await expect(app.call('progressMarks.finalize', { planId: app.plan.id, periodEndsOn: Q1.endsOn })).rejects.toMatchObject({
      code: 'conflict',
      message: 'This period is already finalized for this plan.',
    });
    expect((await app.call('audit.list', { action: 'progress_report.finalized' }))[0]).toMatchObject({
      entity: 'plan',
      entityId: app.plan.id,
    });
  });

  it('locks finalized marks: changes only by amendment with a note, which is kept with the mark', async () => {
    const app = await supportedStudent();
    for (const goal of [app.math, app.engagement, app.rubric]) await complete(app, goal.id);
    await app.call('progressMarks.finalize', { planId: app.plan.id, periodEndsOn: Q1.endsOn });
    await expect(
      app.call('progressMarks.save', { goalId: app.math.id, period: Q1, changes: { narrative: 'Changed quietly.' } }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: 'This mark was finalized on 2026-10-15; amend it, with a note, to change it.',
    });
    const NOTE = 'Probe 9 was scored against the wrong key; corrected after the parent asked.';
    const amended = await app.call('progressMarks.amend', {
      goalId: app.math.id,
      periodEndsOn: Q1.endsOn,
      changes: { narrative: 'Zebulon solved 8 of 10 problems on the last three probes.' },
      note: NOTE,
    });
    expect(amended).toMatchObject({
      narrative: 'Zebulon solved 8 of 10 problems on the last three probes.',
      finalizedAt: '2026-10-15T15:00:00.000Z',
      amendments: [{ at: '2026-10-15T15:00:00.000Z', note: NOTE }],
    });
    await expect(
      app.call('progressMarks.amend', { goalId: app.math.id, periodEndsOn: Q1.endsOn, changes: { narrative: null }, note: 'Remove it.' }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: 'A finalized mark keeps a narrative.' });
    await expect(
      app.call('progressMarks.amend', { goalId: app.math.id, periodEndsOn: Q1.endsOn, changes: { code: 'mastered' }, note: '' }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('Say why the finalized mark is being amended.') });
    await app.call('progressMarks.save', {
      goalId: app.math.id,
      period: { label: 'Quarter 2', endsOn: '2027-01-29' },
      changes: { code: 'sufficient' },
    });
    await expect(
      app.call('progressMarks.amend', { goalId: app.math.id, periodEndsOn: '2027-01-29', changes: { code: 'mastered' }, note: 'Early.' }),
    ).rejects.toMatchObject({ code: 'conflict', message: 'This mark is not finalized; save the change instead of amending it.' });

    const [event] = await app.call('audit.list', { action: 'progress_report.amended' });
    expect(event?.fields).toEqual(['narrative', 'amendments']);
    // The audit trail names fields, never what they say.
    const trail = auditText(app);
    for (const text of [NOTE, 'wrong key', NARRATIVE, '8 of 10', '7 of 10']) expect(trail).not.toContain(text);
  });

  it('refuses marks on a draft plan and on a superseded version', async () => {
    const app = await supportedStudent();
    const draft = await app.call('plans.create', planInput(app.student.id, { type: '504', status: 'draft' }));
    await expect(app.call('progressMarks.finalize', { planId: draft.id, periodEndsOn: Q1.endsOn })).rejects.toMatchObject({
      code: 'forbidden',
      message: 'This plan is still a draft; there is no progress to mark yet.',
    });
    const amended = await app.call('plans.amend', { id: app.plan.id });
    await app.call('plans.activate', { id: amended.plan.id });
    await expect(complete(app, app.math.id)).rejects.toMatchObject({
      code: 'forbidden',
      message: 'This plan version is superseded and kept read-only; mark on the current version.',
    });
  });
});

describe('the suggestion for a chosen reporting period', () => {
  it('judges a past period on the points up to its end, and the running period by default', async () => {
    const EARLY = { label: 'Early fall', endsOn: '2026-09-30' };
    const app = await supportedStudent(({ call, planId }) => call('goals.create', goalInput(planId, { reportingPeriods: [EARLY, Q1] })));
    const goal = app.extra;
    // Flat through September, then climbing steeply in October (the clock stands on 2026-10-15).
    for (const [date, value] of [
      ['2026-09-08', 40],
      ['2026-09-15', 40],
      ['2026-09-22', 40],
      ['2026-10-01', 60],
      ['2026-10-06', 65],
      ['2026-10-13', 70],
    ] as const) {
      await app.call('progressPoints.create', { goalId: goal.id, date, value });
    }

    const running = await app.call('goals.progress', { goalId: goal.id });
    expect(running.period).toEqual(Q1);
    expect(running.suggestion).toMatchObject({ level: 'sufficient', facts: { points: 6, latest: 70 } });

    const early = await app.call('goals.progress', { goalId: goal.id, periodEndsOn: EARLY.endsOn });
    expect(early.period).toEqual(EARLY);
    // Three weeks of data by the end of September: too few to judge a trend.
    expect(early.suggestion).toMatchObject({ level: 'not_introduced', sufficient: null, facts: { points: 3, latest: 40 } });
    expect(early.judgement).toMatchObject({ asOf: EARLY.endsOn, status: 'not_enough_data', weeks: { withData: 3, needed: 6 } });
    expect(early.suggestion.explanation).toMatch(/^Not enough data yet: 3 of 6 weeks/);
    // The graph still shows every point; only the suggestion stops at the period's end.
    expect(early.chart.points).toHaveLength(6);

    // A period another goal of the plan marks on: judged at that date, without a label of this goal's.
    const other = await app.call('goals.progress', { goalId: goal.id, periodEndsOn: '2027-01-29' });
    expect(other.period).toEqual({ label: null, endsOn: '2027-01-29' });
    expect(other.suggestion.level).toBe('sufficient');
  });
});
