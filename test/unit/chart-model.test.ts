/**
 * The goal graph's geometry: nothing drawn outside the plot whatever the data (a property test),
 * an amended goal drawn as two aim lines with a phase line between them and its trend fitted within
 * the current version, whole-number ticks on whole-number scales, month ticks that keep apart, the
 * x-axis from the first point shown, and the goal's label clear of the aim line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEASUREMENTS } from '../../src-main/contract';
import { dateOfDay, dayNumber } from '../../src-main/contract/calendar';
import { type ChartGoal, clipSegment, goalChart } from '../../src-main/services/progress-rules/chart-model';

const BOX = { width: 640, height: 280 };
const PERCENT: ChartGoal = {
  baseline: 40,
  target: 80,
  startDate: '2026-09-01',
  endDate: '2027-05-28',
  measurement: 'percent',
  scaleMax: null,
};

function inside(chart: ReturnType<typeof goalChart>, x: number, y: number): boolean {
  const { plot } = chart;
  return x >= plot.x - 1e-6 && x <= plot.x + plot.width + 1e-6 && y >= plot.y - 1e-6 && y <= plot.y + plot.height + 1e-6;
}

describe('the goal graph stays inside its plot', () => {
  const day = fc.integer({ min: dayNumber('2025-01-01'), max: dayNumber('2028-12-31') });
  it('for any goal, points, versions and phases', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MEASUREMENTS),
        fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
        fc.array(
          fc.record({
            start: day,
            length: fc.integer({ min: 1, max: 500 }),
            baseline: fc.double({ min: -50, max: 300, noNaN: true }),
            target: fc.double({ min: -50, max: 300, noNaN: true }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        fc.array(fc.record({ day, value: fc.double({ min: -100, max: 500, noNaN: true }) }), { maxLength: 30 }),
        fc.array(day, { maxLength: 4 }),
        (measurement, scaleMax, rawVersions, rawPoints, phaseDays) => {
          const versions = rawVersions
            .sort((a, b) => a.start - b.start)
            .map((version, index) => ({
              version: index + 1,
              baseline: version.baseline,
              target: version.target,
              startDate: dateOfDay(version.start),
              endDate: dateOfDay(version.start + version.length),
            }));
          const current = versions.at(-1);
          if (!current) return;
          const chart = goalChart(
            { ...current, measurement, scaleMax },
            rawPoints.map((point) => ({ date: dateOfDay(point.day), value: point.value })),
            phaseDays.map((phaseDay) => ({ date: dateOfDay(phaseDay), label: 'New mentor', event: { kind: 'mentor_changed' } })),
            BOX,
            'ols',
            { versions },
          );
          for (const point of chart.points) expect(inside(chart, point.x, point.y)).toBe(true);
          for (const line of [...chart.aims, chart.aim, ...(chart.trend ? [chart.trend] : [])]) {
            expect(inside(chart, line.x1, line.y1)).toBe(true);
            expect(inside(chart, line.x2, line.y2)).toBe(true);
          }
          for (const phase of chart.phases) expect(inside(chart, phase.x, chart.plot.y)).toBe(true);
          for (const tick of chart.xTicks) expect(inside(chart, tick.x, chart.plot.y)).toBe(true);
          for (const tick of chart.yTicks) expect(inside(chart, chart.plot.x, tick.y)).toBe(true);
          expect(inside(chart, chart.criterion.label.x, chart.criterion.label.y)).toBe(true);
          if (chart.baseline) expect(inside(chart, chart.baseline.x, chart.baseline.y)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('clips a segment to the rectangle, and drops one wholly outside', () => {
    const rect = { left: 0, top: 0, right: 10, bottom: 10 };
    expect(clipSegment({ x1: -10, y1: 5, x2: 20, y2: 5 }, rect)).toEqual({ x1: 0, y1: 5, x2: 10, y2: 5 });
    expect(clipSegment({ x1: 5, y1: -5, x2: 5, y2: 5 }, rect)).toEqual({ x1: 5, y1: 0, x2: 5, y2: 5 });
    expect(clipSegment({ x1: 11, y1: 0, x2: 20, y2: 10 }, rect)).toBeNull();
  });
});

describe('an amended goal', () => {
  // Version 1 from September (40 → 80 by May); version 2 from January 4 with a new baseline 60 and target 90.
  const versions = [
    { version: 1, baseline: 40, target: 80, startDate: '2026-09-01', endDate: '2027-05-28' },
    { version: 2, baseline: 60, target: 90, startDate: '2027-01-04', endDate: '2027-06-11' },
  ];
  const goal: ChartGoal = { ...versions[1], measurement: 'percent', scaleMax: null } as ChartGoal;
  const before = ['2026-09-08', '2026-09-22', '2026-10-06', '2026-10-20', '2026-11-03'].map((date, i) => ({ date, value: 40 + i * 5 }));
  // Falling within version 2: a trend across both versions would rise.
  const after = ['2027-01-11', '2027-01-18', '2027-01-25', '2027-02-01'].map((date, i) => ({ date, value: 70 - i * 2 }));
  const chart = goalChart(
    goal,
    [...before, ...after],
    [{ date: '2027-01-04', label: 'Plan amended', event: { kind: 'amended', version: 2 } }],
    BOX,
    'ols',
    { versions },
  );

  it('draws each version its own aim line, meeting at the amendment, with a phase line there', () => {
    expect(chart.aims.map((aim) => aim.version)).toEqual([1, 2]);
    const [first, second] = chart.aims;
    const amendedX = chart.phases[0]?.x;
    expect(chart.phases[0]?.event).toEqual({ kind: 'amended', version: 2 });
    expect(first?.x2).toBeCloseTo(amendedX ?? Number.NaN, 1);
    expect(second?.x1).toBeCloseTo(amendedX ?? Number.NaN, 1);
    // The second starts at its own baseline (60), not where the first left off.
    expect(second?.y1).toBeCloseTo(chart.plot.y + chart.plot.height * (1 - 0.6), 1);
    expect(chart.aim).toEqual({ x1: second?.x1, y1: second?.y1, x2: second?.x2, y2: second?.y2 });
    expect(chart.baseline?.value).toBe(60);
  });

  it("draws the earlier version's points inside the plot, the first at its left edge", () => {
    expect(chart.points[0]?.x).toBe(chart.plot.x);
    for (const point of chart.points) expect(inside(chart, point.x, point.y)).toBe(true);
  });

  it('fits the trend within the current version only', () => {
    expect(chart.trend?.perWeek).toBeCloseTo(-2, 5);
    expect(chart.trend?.x1).toBeGreaterThan(chart.phases[0]?.x ?? Number.POSITIVE_INFINITY);
  });

  it('reads each point against the aim line in force on its date', () => {
    expect(chart.table[0]?.aimValue).toBeLessThan(42);
    expect(chart.table.at(-1)?.aimValue).toBeGreaterThan(60);
  });
});

describe('axes', () => {
  it('start at the first point shown and end at the goal date', () => {
    const chart = goalChart(
      PERCENT,
      [
        { date: '2026-10-05', value: 50 },
        { date: '2026-10-19', value: 55 },
      ],
      [],
      BOX,
    );
    expect(chart.points[0]?.x).toBe(chart.plot.x);
    expect(chart.aim.x2).toBe(chart.plot.x + chart.plot.width);
    // The aim line enters from the left edge at its value that day; its start lies before the plot.
    expect(chart.baseline).toBeNull();
    expect(chart.aim.x1).toBe(chart.plot.x);
  });

  it('start at the aim start before any data', () => {
    const chart = goalChart(PERCENT, [], [], BOX);
    expect(chart.baseline?.x).toBe(chart.plot.x);
    expect(chart.legend).toEqual(['aim', 'goal']);
  });

  it('have whole-number ticks on counts, rubric levels and trials', () => {
    const cases: ChartGoal[] = [
      { ...PERCENT, measurement: 'frequency', baseline: 2, target: 6 },
      { ...PERCENT, measurement: 'frequency', baseline: 1, target: 3 },
      // 10 × 1.1 = 11: a step of 2.5 would fit, and is no count.
      { ...PERCENT, measurement: 'frequency', baseline: 2, target: 10 },
      { ...PERCENT, measurement: 'rubric', scaleMax: 4, baseline: 1, target: 3 },
      { ...PERCENT, measurement: 'rubric', scaleMax: 7, baseline: 1, target: 5 },
      { ...PERCENT, measurement: 'trials', scaleMax: 10, baseline: 3, target: 8 },
      { ...PERCENT, measurement: 'trials', scaleMax: null, baseline: 3, target: 8 },
    ];
    for (const goal of cases) {
      const chart = goalChart(goal, [{ date: '2026-10-01', value: goal.baseline + 1 }], [], BOX);
      expect(chart.wholeNumbers).toBe(true);
      expect(chart.yTicks.length).toBeGreaterThanOrEqual(3);
      for (const tick of chart.yTicks) expect(Number.isInteger(Number(tick.label)), `${goal.measurement} ${tick.label}`).toBe(true);
    }
    const rubric = goalChart({ ...PERCENT, measurement: 'rubric', scaleMax: 4, baseline: 1, target: 3 }, [], [], BOX);
    expect(rubric.yTicks.map((tick) => tick.label)).toEqual(['0', '1', '2', '3', '4']);
    expect(rubric.axis.yTitle).toBe('Rubric level (1–4)');
  });

  it('name the measurement', () => {
    const titles = MEASUREMENTS.map((measurement) => goalChart({ ...PERCENT, measurement, scaleMax: 10 }, [], [], BOX).axis.yTitle);
    expect(titles).toEqual(['Percent correct', 'Times per day', 'Minutes', 'Rubric level (1–10)', 'Correct of 10', '% of intervals']);
  });

  it('space month ticks so their labels cannot collide, over a short or a long span', () => {
    for (const endDate of ['2027-01-29', '2027-05-28', '2028-08-31']) {
      const chart = goalChart({ ...PERCENT, endDate }, [{ date: '2026-09-10', value: 50 }], [], BOX);
      const xs = chart.xTicks.map((tick) => tick.x);
      expect(xs.length).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < xs.length; i += 1) expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBeGreaterThanOrEqual(60);
    }
  });
});

describe("the goal's label", () => {
  it('sits clear of the aim line, below the target when the aim line runs through the place above it', () => {
    // A goal to reduce, its baseline just over the target: the aim line runs right over the target line from the left edge.
    const near: ChartGoal = { ...PERCENT, baseline: 84, target: 80 };
    const chart = goalChart(near, [], [], BOX);
    expect(chart.criterion.label.y).toBeGreaterThan(chart.criterion.y);
    const far = goalChart(PERCENT, [], [], BOX);
    expect(far.criterion.label.y).toBeLessThan(far.criterion.y);
  });
});
