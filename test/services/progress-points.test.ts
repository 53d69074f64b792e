import { count } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { progressPoints } from '../../db/schema';
import type { IntervalMark } from '../../src-main/contract';
import { countBehaviour, interacting } from '../../src-main/contract/observation-summary';
import { goalInput, planInput, studentInput } from '../fixtures/program-input';
import { auditText, supportedStudent } from './progress-fixture';

type App = Awaited<ReturnType<typeof supportedStudent>>;

function pointCount(app: App) {
  return app.db.select({ n: count() }).from(progressPoints).get()?.n;
}

describe('progress points', () => {
  it('records a value in the goal’s measurement, collected by the acting user unless someone else is named', async () => {
    const app = await supportedStudent();
    const later = await app.call('progressPoints.create', { goalId: app.math.id, date: '2026-10-08', value: 62.5, setting: 'Math 7' });
    const earlier = await app.call('progressPoints.create', { goalId: app.math.id, date: '2026-10-01', value: 48, note: 'Quiz day.' });
    expect(later).toEqual({
      id: expect.any(String),
      goalId: app.math.id,
      date: '2026-10-08',
      value: 62.5,
      setting: 'Math 7',
      collectedBy: app.ctx.actor.staffId,
      source: 'manual',
      sessionId: null,
      observationId: null,
      note: null,
    });
    expect(await app.call('progressPoints.listForGoal', { goalId: app.math.id })).toEqual([earlier, later]);
    expect(await app.call('progressPoints.listForGoal', { goalId: app.math.id, from: '2026-10-02' })).toEqual([later]);
    const para = await app.call('staff.create', { name: 'Idris Fenwick', role: 'paraprofessional' });
    expect(
      await app.call('progressPoints.create', { goalId: app.rubric.id, date: '2026-10-08', value: 2.5, collectedBy: para.id }),
    ).toMatchObject({ value: 2.5, collectedBy: para.id });
  });

  it('refuses a bad value or date with a clear message, and writes nothing', async () => {
    const app = await supportedStudent(async ({ call, planId }) => ({
      trials: await call(
        'goals.create',
        goalInput(planId, {
          measurement: 'trials',
          scaleMax: 10,
          baseline: 2,
          target: 8,
          statement: 'Zebulon will answer 8 of 10 questions.',
        }),
      ),
      count_: await call(
        'goals.create',
        goalInput(planId, { measurement: 'frequency', baseline: 1, target: 5, statement: 'Zebulon will start five conversations.' }),
      ),
    }));
    const { trials, count_ } = app.extra;
    const cases: [Record<string, unknown>, string][] = [
      [{ goalId: app.math.id, value: 120 }, 'This goal is measured as a percent: use 0 to 100.'],
      [{ goalId: app.math.id, value: -1 }, 'This goal is measured as a percent: use 0 to 100.'],
      [{ goalId: app.engagement.id, value: 101 }, 'This goal is measured as a percent of intervals: use 0 to 100.'],
      [{ goalId: app.rubric.id, value: 5 }, 'This goal is measured as a rubric level: use 0 to 4.'],
      [{ goalId: trials.id, value: 11 }, 'This goal is measured as a number of correct trials: use 0 to 10.'],
      [{ goalId: trials.id, value: 7.5 }, 'Correct trials are a whole number.'],
      [{ goalId: count_.id, value: -2 }, 'This goal is measured as a count: use 0 or more.'],
      [{ goalId: app.math.id, date: '2026-10-16' }, 'A progress point cannot be dated after today (2026-10-15).'],
      [{ goalId: app.math.id, date: '2026-08-31' }, 'A progress point must be dated inside the plan (2026-09-01 to 2027-06-15).'],
      [{ goalId: app.math.id, collectedBy: 'staff-nobody' }, 'The person who collected it is not on the staff list.'],
    ];
    for (const [overrides, message] of cases) {
      await expect(
        app.call('progressPoints.create', { date: '2026-10-01', value: 50, ...overrides } as never),
        message,
      ).rejects.toMatchObject({
        code: 'invalid_input',
        message,
      });
    }
    await expect(app.call('progressPoints.create', { goalId: app.math.id, date: '2026-10-16', value: 150 })).rejects.toMatchObject({
      message: 'This goal is measured as a percent: use 0 to 100. A progress point cannot be dated after today (2026-10-15).',
    });
    await expect(app.call('progressPoints.create', { goalId: 'goal-nobody', date: '2026-10-01', value: 1 })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(pointCount(app)).toBe(0);
  });

  it('the fast grid saves every row or none, naming each bad row by number', async () => {
    const app = await supportedStudent();
    const rows = [
      { goalId: app.math.id, date: '2026-10-01', value: 50 },
      { goalId: app.math.id, date: '2026-10-02', value: 130 },
      { goalId: app.rubric.id, date: '2026-10-02', value: 3 },
      { goalId: app.rubric.id, date: '2026-10-20', value: 3 },
    ];
    await expect(app.call('progressPoints.createMany', { points: rows })).rejects.toMatchObject({
      code: 'invalid_input',
      message:
        'Row 2: This goal is measured as a percent: use 0 to 100. Row 4: A progress point cannot be dated after today (2026-10-15). Nothing was saved.',
      // The same, row by row, for the grid to mark (and put the keyboard on the field to fix).
      rows: [
        { row: 2, field: 'value', message: 'This goal is measured as a percent: use 0 to 100.' },
        { row: 4, field: 'date', message: 'A progress point cannot be dated after today (2026-10-15).' },
      ],
    });
    expect(pointCount(app)).toBe(0);
    const saved = await app.call('progressPoints.createMany', {
      points: [rows[0], { ...rows[1], value: 65 }, rows[2], { ...rows[3], date: '2026-10-09' }] as never,
    });
    expect(saved.map((p) => [p.goalId, p.date, p.value, p.source])).toEqual([
      [app.math.id, '2026-10-01', 50, 'manual'],
      [app.math.id, '2026-10-02', 65, 'manual'],
      [app.rubric.id, '2026-10-02', 3, 'manual'],
      [app.rubric.id, '2026-10-09', 3, 'manual'],
    ]);
    const events = await app.call('audit.list', { action: 'progress_point.batch_created' });
    expect(events).toHaveLength(1);
    expect(events[0]?.fields.sort()).toEqual(['date', 'goalId', 'value']);
  });

  it('updates with the same rules and deletes; a superseded plan’s points are kept as they were', async () => {
    const app = await supportedStudent();
    const point = await app.call('progressPoints.create', { goalId: app.math.id, date: '2026-10-01', value: 50, note: 'Calm day.' });
    expect(await app.call('progressPoints.update', { id: point.id, changes: { value: 58, note: null } })).toMatchObject({
      value: 58,
      note: null,
      date: '2026-10-01',
    });
    await expect(app.call('progressPoints.update', { id: point.id, changes: { date: '2027-01-04' } })).rejects.toMatchObject({
      message: 'A progress point cannot be dated after today (2026-10-15).',
    });
    const [event] = await app.call('audit.list', { action: 'progress_point.updated' });
    expect(event?.fields).toEqual(['value', 'note']);
    expect(auditText(app)).not.toContain('Calm day');

    const other = await app.call('progressPoints.create', { goalId: app.math.id, date: '2026-10-02', value: 52 });
    expect(await app.call('progressPoints.delete', { id: other.id })).toEqual({});
    const amended = await app.call('plans.amend', { id: app.plan.id });
    await app.call('plans.activate', { id: amended.plan.id });
    await expect(app.call('progressPoints.delete', { id: point.id })).rejects.toMatchObject({
      code: 'forbidden',
      message: 'This goal belongs to a plan that is superseded and kept read-only.',
    });
    await expect(app.call('progressPoints.create', { goalId: app.math.id, date: '2026-10-05', value: 50 })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

const mark = (engaged: boolean | null, initiated: boolean | null, responded: boolean | null, nearAdult: boolean | null): IntervalMark => ({
  engaged,
  initiated,
  responded,
  nearAdult,
});

describe('observation mode (momentary time sampling)', () => {
  it('turns intervals into percents of the marked intervals — a missed tap is left out, never a "no"', async () => {
    const app = await supportedStudent();
    const intervals = [
      mark(true, true, null, false),
      mark(true, false, false, false),
      mark(false, false, true, true),
      mark(null, null, null, null),
      mark(true, null, false, false),
      mark(false, false, false, true),
      mark(true, false, null, null),
      mark(null, true, true, false),
      mark(true, false, false, false),
      mark(true, false, false, false),
    ];
    const observation = await app.call('observations.record', {
      studentId: app.student.id,
      date: '2026-10-14',
      intervalSeconds: 15,
      intervals,
      peersCount: 3,
      setting: 'Math 7, group work',
      note: 'Substitute teacher today.',
      measures: [
        { goalId: app.engagement.id, behaviour: 'engaged' },
        { goalId: app.math.id, behaviour: 'interacting' },
      ],
    });
    // engaged: 6 yes of 8 marked (2 missing) = 75%; interacting: 3 yes of 7 (3 unknown) = 42.9%; near the adult: 2 of 8 = 25%.
    expect(observation.summary).toEqual({
      engaged: { yes: 6, recorded: 8, percent: 75 },
      interacting: { yes: 3, recorded: 7, percent: 42.9 },
      nearAdult: { yes: 2, recorded: 8, percent: 25 },
    });
    expect(observation).toMatchObject({
      totalIntervals: 10,
      intervalSeconds: 15,
      peersCount: 3,
      observedBy: app.ctx.actor.staffId,
      intervals,
    });
    expect(observation.progressPoints.map((p) => [p.goalId, p.value, p.source, p.observationId, p.date, p.setting])).toEqual(
      [
        [app.engagement.id, 75, 'observation', observation.id, '2026-10-14', 'Math 7, group work'],
        [app.math.id, 42.9, 'observation', observation.id, '2026-10-14', 'Math 7, group work'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(await app.call('progressPoints.listForGoal', { goalId: app.engagement.id })).toEqual([
      expect.objectContaining({ value: 75, observationId: observation.id }),
    ]);
    expect(await app.call('observations.listForStudent', { studentId: app.student.id })).toEqual([observation]);
    const [event] = await app.call('audit.list', { action: 'observation.recorded' });
    expect(event).toMatchObject({ entity: 'observation', entityId: observation.id });
    expect(auditText(app)).not.toContain('Substitute');

    expect(await app.call('observations.delete', { id: observation.id })).toEqual({});
    expect(await app.call('progressPoints.listForGoal', { goalId: app.engagement.id })).toEqual([]);
  });

  it('refuses goals it cannot measure, and a behaviour with no marks at all; saves nothing then', async () => {
    const app = await supportedStudent();
    const other = await app.call('students.create', studentInput({ localId: 'S-200000', firstName: 'Ama' }));
    const otherPlan = await app.call('plans.create', planInput(other.id, { status: 'draft' }));
    const otherGoal = await app.call('goals.create', goalInput(otherPlan.id));
    await app.call('plans.activate', { id: otherPlan.id });
    const base = { studentId: app.student.id, date: '2026-10-14', intervalSeconds: 15, intervals: [mark(true, null, null, null)] };
    const cases: [Record<string, unknown>, string][] = [
      [
        { measures: [{ goalId: app.rubric.id, behaviour: 'engaged' }] },
        'An observation gives a percent of intervals; choose goals measured in percent or percent of intervals.',
      ],
      [
        { measures: [{ goalId: app.math.id, behaviour: 'interacting' }] },
        'No interval has a mark for interaction with a peer, so it cannot become a progress point.',
      ],
      [{ measures: [{ goalId: otherGoal.id, behaviour: 'engaged' }] }, "An observation can only measure this student's own goals."],
      [{ date: '2026-10-16', measures: [] }, 'An observation cannot be dated after today (2026-10-15).'],
      [
        {
          measures: [
            { goalId: app.math.id, behaviour: 'engaged' },
            { goalId: app.math.id, behaviour: 'nearAdult' },
          ],
        },
        'Each goal can be measured once per observation.',
      ],
    ];
    for (const [overrides, message] of cases) {
      await expect(app.call('observations.record', { ...base, ...overrides } as never), message).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringContaining(message),
      });
    }
    expect(await app.call('observations.listForStudent', { studentId: app.student.id })).toEqual([]);
    expect(pointCount(app)).toBe(0);
  });

  it('interacting is seen when either initiated or responded is, unknown when neither is known to be no', () => {
    expect(interacting(mark(null, true, null, null))).toBe(true);
    expect(interacting(mark(null, null, true, null))).toBe(true);
    expect(interacting(mark(null, false, false, null))).toBe(false);
    expect(interacting(mark(null, false, null, null))).toBe(null);
    expect(interacting(mark(null, null, null, null))).toBe(null);
  });

  it('property: adding missed taps never changes the percent', () => {
    const value = fc.option(fc.boolean(), { nil: null });
    const marks = fc.array(fc.record({ engaged: value, initiated: value, responded: value, nearAdult: value }), {
      minLength: 1,
      maxLength: 60,
    });
    fc.assert(
      fc.property(
        marks,
        fc.nat(20),
        fc.constantFrom('engaged' as const, 'interacting' as const, 'nearAdult' as const),
        (list, gaps, behaviour) => {
          const padded = [...list, ...Array.from({ length: gaps }, () => mark(null, null, null, null))];
          expect(countBehaviour(padded, behaviour)).toEqual(countBehaviour(list, behaviour));
        },
      ),
    );
  });
});
