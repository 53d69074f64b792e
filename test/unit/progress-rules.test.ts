import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber } from '../../src-main/contract/calendar';
import { ahead, aimLine } from '../../src-main/services/progress-rules/aim';
import { goalChart } from '../../src-main/services/progress-rules/chart-model';
import { mentorHealthFlags, oneSidedSupportFlags } from '../../src-main/services/progress-rules/program-health';
import { ordinaryLeastSquares, theilSen, valueAt } from '../../src-main/services/progress-rules/trend';

const GOAL = { baseline: 40, target: 80, startDate: '2026-09-01', endDate: '2027-05-29' };
const REDUCE = { baseline: 10, target: 2, startDate: '2026-09-01', endDate: '2027-05-29' };

/** Points on the aim line, shifted by `offset`, every week from `from`. */
function weekly(goal: typeof GOAL, from: string, count: number, offset: (i: number) => number) {
  const aim = aimLine(goal);
  return Array.from({ length: count }, (_, i) => {
    const date = addDays(from, i * 7);
    return { date, value: valueAt(aim, dayNumber(date)) + offset(i) };
  });
}

describe('trend lines', () => {
  it('fits known values', () => {
    expect(
      ordinaryLeastSquares([
        { x: 0, y: 1 },
        { x: 1, y: 3 },
        { x: 2, y: 2 },
        { x: 3, y: 5 },
      ]),
    ).toEqual({ slope: 1.1, intercept: expect.closeTo(1.1, 10) });
    // Six of the ten pairwise slopes are 2: the median ignores the point at 100.
    expect(
      theilSen([
        { x: 0, y: 0 },
        { x: 1, y: 2 },
        { x: 2, y: 4 },
        { x: 3, y: 6 },
        { x: 4, y: 100 },
      ])?.slope,
    ).toBe(2);
  });

  it('a perfect line is its own least-squares line, and its own Theil–Sen line', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 2, maxLength: 30 }),
        (slope, intercept, xs) => {
          const points = xs.map((x) => ({ x, y: intercept + slope * x }));
          for (const line of [ordinaryLeastSquares(points), theilSen(points)]) {
            expect(line?.slope).toBeCloseTo(slope, 6);
            expect(line?.intercept).toBeCloseTo(intercept, 4);
          }
        },
      ),
    );
  });

  it('Theil–Sen ignores one wild outlier that drags least squares away', () => {
    const points = Array.from({ length: 9 }, (_, x) => ({ x, y: 10 + 2 * x }));
    points[8] = { x: 8, y: 95 };
    expect(theilSen(points)?.slope).toBe(2);
    expect(Math.abs((ordinaryLeastSquares(points)?.slope ?? 0) - 2)).toBeGreaterThan(0.1);
  });

  it('has no line with fewer than two distinct dates', () => {
    expect(ordinaryLeastSquares([{ x: 1, y: 2 }])).toBeNull();
    expect(
      theilSen([
        { x: 1, y: 2 },
        { x: 1, y: 5 },
      ]),
    ).toBeNull();
  });
});

describe('aim line', () => {
  it('runs from the baseline at the start to the target at the end date', () => {
    const aim = aimLine(GOAL);
    expect(valueAt(aim, dayNumber(GOAL.startDate))).toBeCloseTo(40);
    expect(valueAt(aim, dayNumber(GOAL.endDate))).toBeCloseTo(80);
  });

  it('knows that lower is better when the goal is to reduce something', () => {
    expect(ahead(REDUCE, 3, 5)).toBeGreaterThan(0);
    expect(ahead(GOAL, 3, 5)).toBeLessThan(0);
  });
});

describe('the chart model', () => {
  const box = { width: 640, height: 320, padding: { top: 10, right: 10, bottom: 30, left: 40 } };
  const goal = { ...GOAL, measurement: 'percent' as const, scaleMax: null };

  it('places the baseline, aim line, criterion, points and trend in the box', () => {
    const chart = goalChart(
      goal,
      weekly(GOAL, '2026-09-01', 5, () => 0),
      [{ date: '2026-09-08', label: 'Peer tutor started', event: { kind: 'support_started', role: 'peer_tutor' } }],
      box,
    );
    expect(chart.plot).toEqual({ x: 40, y: 10, width: 590, height: 280 });
    expect(chart.yDomain).toEqual([0, 100]);
    expect(chart.baseline).toEqual({ x: 40, y: 178, value: 40 });
    expect(chart.aim).toEqual({ x1: 40, y1: 178, x2: 630, y2: 66 });
    expect(chart.criterion).toMatchObject({ y: 66, value: 80 });
    expect(chart.points).toHaveLength(5);
    for (const point of chart.points) {
      expect(point.x).toBeGreaterThanOrEqual(40);
      expect(point.x).toBeLessThanOrEqual(630);
      expect(point.y).toBeGreaterThanOrEqual(10);
      expect(point.y).toBeLessThanOrEqual(290);
    }
    expect(chart.trend?.perWeek).toBeCloseTo(40 / ((dayNumber(GOAL.endDate) - dayNumber(GOAL.startDate)) / 7), 1);
    expect(chart.phases).toEqual([
      { x: expect.any(Number), date: '2026-09-08', label: 'Peer tutor started', event: { kind: 'support_started', role: 'peer_tutor' } },
    ]);
    expect(chart.xTicks[0]?.label).toBe('2026-10');
    expect(chart.table).toHaveLength(5);
    expect(chart.summary).toMatchObject({ points: 5, latestDate: '2026-09-29' });
  });

  it('scales open-ended measures to a round number above the largest value', () => {
    const counts = { ...goal, measurement: 'frequency' as const, baseline: 3, target: 12 };
    expect(goalChart(counts, [{ date: '2026-10-01', value: 17 }], [], box).yDomain).toEqual([0, 20]);
    const rubric = { ...goal, measurement: 'rubric' as const, scaleMax: 4, baseline: 1, target: 3 };
    expect(goalChart(rubric, [], [], box).yDomain).toEqual([0, 4]);
  });

  it('draws no trend with a single point, and still gives a summary', () => {
    const chart = goalChart(goal, [{ date: '2026-10-01', value: 50 }], [], box);
    expect(chart.trend).toBeNull();
    expect(chart.summary).toEqual({ points: 1, latest: 50, latestDate: '2026-10-01', perWeek: null, projected: null });
  });
});

describe('program health', () => {
  const pair = (
    checkIns: { date: string; belonging: number; engagement: number }[],
    held: string[],
    observations: { date: string; initiated: number; observed: number }[] = [],
  ) => ({
    accommodationId: 'acc-000001',
    checkIns: checkIns.map((c) => ({ ...c, mentorWorkload: null })),
    heldSessions: held,
    observations,
  });

  it('one-sided support: low belonging or engagement in 3 of the last 4 check-ins while sessions go on', () => {
    const checkIns = [
      { date: '2026-09-10', belonging: 4, engagement: 4 },
      { date: '2026-09-17', belonging: 2, engagement: 3 },
      { date: '2026-09-24', belonging: 3, engagement: 1 },
      { date: '2026-10-01', belonging: 4, engagement: 4 },
      { date: '2026-10-08', belonging: 1, engagement: 2 },
    ];
    expect(oneSidedSupportFlags(pair(checkIns, ['2026-10-06'])).map((f) => f.rule)).toEqual(['one_sided_low_ratings']);
    // Sessions stopped: the low ratings are about something else.
    expect(oneSidedSupportFlags(pair(checkIns, ['2026-09-01']))).toEqual([]);
    expect(oneSidedSupportFlags(pair(checkIns.slice(0, 3), ['2026-10-06']))).toEqual([]);
  });

  it('one-sided support: the student never starts an interaction in three observations', () => {
    const never = [1, 2, 3].map((i) => ({ date: `2026-10-0${i}`, initiated: 0, observed: 40 }));
    expect(oneSidedSupportFlags(pair([], [], never))[0]).toMatchObject({
      rule: 'one_sided_no_initiation',
      action: expect.stringContaining('Coach the mentor'),
    });
    expect(oneSidedSupportFlags(pair([], [], [...never.slice(0, 2), { date: '2026-10-04', initiated: 2, observed: 40 }]))).toEqual([]);
  });

  const mentor = {
    mentorId: 'mentor-0001',
    name: 'Sam',
    loadCap: 2,
    activeAssignments: 1,
    sessions: [] as string[],
    workload: [] as { date: string; rating: number }[],
    timeOff: [] as { startDate: string; endDate: string }[],
    training: [] as { module: string; label: string; expiresOn: string | null }[],
    hasCurrentConsent: true,
  };
  const TODAY = '2026-11-18';

  it('burnout: too many sessions last week, workload rising, over the cap', () => {
    const lastWeek = Array.from({ length: 9 }, (_, i) => addDays('2026-11-09', i % 5));
    expect(mentorHealthFlags({ ...mentor, sessions: lastWeek }, TODAY).map((f) => f.rule)).toEqual(['burnout_sessions']);
    const rising = [
      { date: '2026-10-01', rating: 2 },
      { date: '2026-10-15', rating: 3 },
      { date: '2026-11-01', rating: 4 },
    ];
    expect(mentorHealthFlags({ ...mentor, workload: rising }, TODAY).map((f) => f.rule)).toEqual(['burnout_workload_rising']);
    expect(mentorHealthFlags({ ...mentor, workload: rising.slice(0, 2) }, TODAY)).toEqual([]);
    expect(mentorHealthFlags({ ...mentor, activeAssignments: 3 }, TODAY)[0]?.message).toBe(
      'Sam supports 3 peers, more than their limit of 2.',
    );
  });

  it('burnout: sessions every week for ten weeks with no time off; a week off resets it', () => {
    const everyWeek = Array.from({ length: 10 }, (_, i) => addDays('2026-11-10', -7 * i));
    expect(mentorHealthFlags({ ...mentor, sessions: everyWeek }, TODAY).map((f) => f.rule)).toEqual(['burnout_no_break']);
    const rested = { ...mentor, sessions: everyWeek, timeOff: [{ startDate: '2026-10-12', endDate: '2026-10-14' }] };
    expect(mentorHealthFlags(rested, TODAY)).toEqual([]);
  });

  it('training expiring within 30 days, and consent missing while assigned', () => {
    const training = [
      { module: 'confidentiality', label: 'confidentiality and FERPA', expiresOn: '2026-12-10' },
      { module: 'sensitivity', label: 'sensitivity and respect', expiresOn: '2027-06-01' },
    ];
    expect(mentorHealthFlags({ ...mentor, training }, TODAY).map((f) => f.message)).toEqual([
      'Sam\'s training "confidentiality and FERPA" expires on 2026-12-10.',
    ]);
    expect(mentorHealthFlags({ ...mentor, hasCurrentConsent: false }, TODAY).map((f) => f.rule)).toEqual(['consent_missing']);
    expect(mentorHealthFlags({ ...mentor, hasCurrentConsent: false, activeAssignments: 0 }, TODAY)).toEqual([]);
  });
});
