import { describe, expect, it } from 'vitest';
import { currentPeriod, goalProgress, roleLabel } from '../../src-main/services/progress/goal-progress';
import { mentorInput } from '../fixtures/program';
import { goalInput } from '../fixtures/program-input';
import { supportedStudent } from './progress-fixture';

describe('goals.progress', () => {
  it('draws the points, flags a run behind the aim line and suggests a level for the period', async () => {
    const app = await supportedStudent();
    // Math: baseline 40 → target 80 from the plan start (2026-09-01) to 2027-06-01; these sit below the aim line.
    // Six distinct weeks: the least the judgement needs before it reads a trend.
    for (const [date, value] of [
      ['2026-09-08', 37],
      ['2026-09-15', 38],
      ['2026-09-22', 39],
      ['2026-09-29', 40],
      ['2026-10-06', 40],
      ['2026-10-13', 41],
    ] as const) {
      await app.call('progressPoints.create', { goalId: app.math.id, date, value });
    }
    const second = await app.call('mentors.create', mentorInput({ firstName: 'Priya', lastName: 'Okafor', preferredName: undefined }));
    await app.call('assignments.create', { mentorId: second.id, accommodationId: app.tutor.id, startDate: '2026-10-01' });
    const view = await app.call('goals.progress', { goalId: app.math.id });
    expect(view.points.map((point) => point.value)).toEqual([37, 38, 39, 40, 40, 41]);
    expect(view.chart.points).toHaveLength(6);
    expect(view.chart.table.at(-1)).toMatchObject({ date: '2026-10-13', value: 41 });
    expect(view.chart.plot.x + view.chart.plot.width).toBeLessThanOrEqual(640);
    // The line drawn is the judgement's own unless another is asked.
    expect(view.chart.trend?.method).toBe(view.judgement.method);
    expect(view.chart.phases).toEqual([
      {
        x: expect.any(Number),
        date: app.tutor.startDate,
        label: 'Peer tutor started',
        event: { kind: 'support_started', role: 'peer_tutor' },
      },
      { x: expect.any(Number), date: '2026-10-01', label: 'New mentor', event: { kind: 'mentor_changed' } },
    ]);
    expect(view.flags.map((flag) => flag.rule)).toEqual(['behind_aim']);
    expect(view.judgement).toMatchObject({ status: 'unlikely', weeks: { withData: 6, needed: 6 }, points: 6 });
    expect(view.suggestion.level).toBe('insufficient');
    expect(view.suggestion.sufficient).toBe(false);

    const other = view.judgement.method === 'ols' ? 'theil_sen' : 'ols';
    const asked = await app.call('goals.progress', { goalId: app.math.id, method: other });
    expect(asked.chart.trend?.method).toBe(other);
    expect(asked.judgement).toEqual(view.judgement);
  });

  it('says "not introduced" and flags no recent data for a goal nobody measures', async () => {
    const app = await supportedStudent();
    const view = await app.call('goals.progress', { goalId: app.rubric.id });
    expect(view.chart.points).toEqual([]);
    expect(view.chart.trend).toBeNull();
    expect(view.chart.phases).toEqual([]);
    expect(view.suggestion.level).toBe('not_introduced');
    expect(view.flags.map((flag) => flag.rule)).toEqual(['no_recent_data']);
    await expect(app.call('goals.progress', { goalId: 'goal-nobody' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('judges mastery by the structured criterion the team set, else by the one its words say; refuses k above n', async () => {
    const app = await supportedStudent(async ({ call, planId }) => {
      const twoInARow = await call('goals.create', goalInput(planId, { mastery: { k: 2, n: 2, consecutive: true } }));
      const fromWords = await call('goals.create', goalInput(planId, { area: 'reading' }));
      // While the plan is a draft the team may set the criterion, change it or clear it.
      const changed = await call('goals.update', { id: fromWords.id, changes: { mastery: { k: 2, n: 3, consecutive: false } } });
      expect(changed.mastery).toEqual({ k: 2, n: 3, consecutive: false });
      await expect(
        call('goals.update', { id: fromWords.id, changes: { mastery: { k: 4, n: 3, consecutive: false } } }),
      ).rejects.toMatchObject({
        code: 'invalid_input',
      });
      const cleared = await call('goals.update', { id: fromWords.id, changes: { mastery: null } });
      return { twoInARow, fromWords: cleared };
    });
    const { twoInARow, fromWords } = app.extra;
    expect(twoInARow.mastery).toEqual({ k: 2, n: 2, consecutive: true });
    expect(fromWords.mastery).toBeNull();
    for (const goal of [twoInARow, fromWords]) {
      for (const [date, value] of [
        ['2026-10-06', 82],
        ['2026-10-13', 85],
      ] as const) {
        await app.call('progressPoints.create', { goalId: goal.id, date, value });
      }
    }
    const set = await app.call('goals.progress', { goalId: twoInARow.id });
    expect(set.judgement).toMatchObject({ status: 'mastered', mastery: { k: 2, n: 2, consecutive: true } });
    // "80% in 4 of 5 consecutive probes": two points are not yet five.
    const words = await app.call('goals.progress', { goalId: fromWords.id });
    expect(words.judgement).toMatchObject({ status: 'not_enough_data', mastery: { k: 4, n: 5, consecutive: false } });
  });

  it('starts the aim line on the school’s first day of instruction when teaching starts after the plan', async () => {
    const app = await supportedStudent();
    const before = await app.call('goals.progress', { goalId: app.math.id });
    // No calendar: the first weekday on or after the plan's start (Tuesday 1 September).
    expect(before.judgement.aimStartsOn).toBe('2026-09-01');
    await app.call('calendar.save', {
      school: app.student.school,
      year: '2026-2027',
      firstDay: '2026-09-08',
      lastDay: '2027-06-11',
      breaks: [],
      reportingPeriods: [],
    });
    await app.call('progressPoints.create', { goalId: app.math.id, date: '2026-10-06', value: 50 });
    const after = await app.call('goals.progress', { goalId: app.math.id });
    expect(after.judgement).toMatchObject({ aimStartsOn: '2026-09-08' });
    // The graph draws the same aim line: 40 → 80 from 8 September to 1 June (266 days), 28 days in.
    expect(after.chart.table[0]?.aimValue).toBeCloseTo(40 + (40 * 28) / 266, 1);
  });

  it('knows nothing after today: points dated later are left out of the chart, the points and the judgement', async () => {
    const app = await supportedStudent();
    for (const [date, value] of [
      ['2026-09-15', 45],
      ['2026-10-06', 50],
      ['2026-10-13', 55],
    ] as const) {
      await app.call('progressPoints.create', { goalId: app.math.id, date, value });
    }
    // The same vault read as of 8 October, as a report prepared that day reads it.
    const then = goalProgress({ ...app.ctx, now: () => new Date('2026-10-08T12:00:00Z') }, { goalId: app.math.id });
    expect(then.points.map((point) => point.date)).toEqual(['2026-09-15', '2026-10-06']);
    expect(then.chart.points.map((point) => point.value)).toEqual([45, 50]);
    expect(then.judgement).toMatchObject({ asOf: '2026-10-08', points: 2, latest: { date: '2026-10-06', value: 50 } });
  });

  it('picks the running reporting period, else the last, else the plan end', () => {
    const periods = [
      { label: 'Q2', endsOn: '2027-01-20' },
      { label: 'Q1', endsOn: '2026-11-05' },
    ];
    expect(currentPeriod(periods, '2027-06-15', '2026-10-15')).toEqual({ label: 'Q1', endsOn: '2026-11-05' });
    expect(currentPeriod(periods, '2027-06-15', '2027-03-01')).toEqual({ label: 'Q2', endsOn: '2027-01-20' });
    expect(currentPeriod([], '2027-06-15', '2026-10-15')).toEqual({ label: null, endsOn: '2027-06-15' });
    expect(roleLabel('peer_note_taker')).toBe('Peer note taker');
  });
});
