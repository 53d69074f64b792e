/**
 * The goal judgement (services/progress-rules/judgement.ts): examples of each verdict, and
 * properties that must hold for any goal: mirroring a goal mirrors its judgement, points after a
 * day change nothing as of that day, whole-number ties never flatten a rising trend, and too few
 * weeks (however many points, on however few dates) give no trend verdict.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber } from '../../src-main/contract/calendar';
import { masteryFromCriterion } from '../../src-main/contract/mastery';
import type { GoalJudgement } from '../../src-main/contract/progress-view';
import { judgementFlags } from '../../src-main/services/progress-rules/decision-rules';
import { JUDGEMENT_METHOD, type JudgementInput, judgeGoal, masteryMet } from '../../src-main/services/progress-rules/judgement';
import { trendLine } from '../../src-main/services/progress-rules/trend';

const START = '2026-09-01';
const BASE: Omit<JudgementInput, 'points' | 'asOf'> = {
  goal: { baseline: 40, target: 80, endDate: '2027-06-01' },
  versionStart: START,
  aimStart: START,
  mastery: { k: 3, n: 3, consecutive: true },
  bounds: { min: 0, max: 100 },
};

/** One point a week from 2026-09-07 (a Monday), `values` in order. */
function weekly(values: readonly number[], from = '2026-09-07') {
  return values.map((value, i) => ({ date: addDays(from, i * 7), value }));
}

function judge(values: readonly number[], asOf = '2026-11-20', overrides: Partial<JudgementInput> = {}): GoalJudgement {
  return judgeGoal({ ...BASE, asOf, points: weekly(values), ...overrides });
}

describe('the judgement, by example', () => {
  it('no data; then fewer than 6 distinct weeks: not enough data yet, said with the count', () => {
    expect(judge([])).toMatchObject({ status: 'no_data', suggestedLevel: 'not_introduced', latest: null, projection: null });
    const few = judge([45, 50, 55]);
    expect(few).toMatchObject({ status: 'not_enough_data', weeks: { withData: 3, needed: 6 }, projection: null, perWeek: null });
    expect(few.reason).toBe('Not enough data yet: 3 of 6 weeks with data; the trend is judged from 6 weeks on.');
    // Ten points on two dates are still two weeks.
    const crowded = judgeGoal({
      ...BASE,
      asOf: '2026-11-20',
      points: [...Array(5).fill({ date: '2026-09-08', value: 70 }), ...Array(5).fill({ date: '2026-09-16', value: 75 })],
    });
    expect(crowded).toMatchObject({ status: 'not_enough_data', weeks: { withData: 2 } });
  });

  it('likely, unlikely or unclear from the 95 % band at the goal date, never from the projection alone', () => {
    const steady = judge([42, 44, 46, 48, 50, 52]);
    expect(steady).toMatchObject({ status: 'likely', suggestedLevel: 'sufficient', method: 'ols', perWeek: 2 });
    expect(steady.projection?.low).toBeGreaterThanOrEqual(80);
    const slow = judge([40, 40, 41, 41, 42, 42]);
    expect(slow).toMatchObject({ status: 'unlikely', suggestedLevel: 'insufficient' });
    expect(slow.reason).toMatch(
      /^Unlikely to meet the goal: the trend reaches [\d.]+ by 2027-06-01 \(95 % band [\d.]+ to [\d.]+\), all of it short of the target of 80\.$/,
    );
    const noisy = judge([40, 60, 42, 62, 44, 66]);
    expect(noisy.status).toBe('unclear');
    expect(noisy.projection?.low).toBeLessThan(80);
    expect(noisy.projection?.high).toBeGreaterThan(80);
  });

  it('a trend that is flat or moving away suggests no progress', () => {
    expect(judge([40, 39, 40, 38, 39, 38])).toMatchObject({ status: 'unlikely', suggestedLevel: 'no_progress' });
  });

  it('mastery follows the structured criterion: k of the last n, in a row when asked', () => {
    const reached = (value: number) => value >= 80;
    expect(masteryMet([80, 70, 80, 80, 80], reached, { k: 4, n: 5, consecutive: false })).toBe(true);
    expect(masteryMet([80, 80, 70, 80, 80], reached, { k: 4, n: 5, consecutive: false })).toBe(true);
    expect(masteryMet([80, 80, 70, 80, 80], reached, { k: 4, n: 5, consecutive: true })).toBe(false);
    expect(masteryMet([80, 80, 70, 80, 80], reached, { k: 3, n: 3, consecutive: true })).toBe(false);
    expect(masteryMet([80, 80], reached, { k: 2, n: 3, consecutive: false })).toBe(false);
    const fourOfFive = judge([50, 80, 85, 70, 82, 81], '2026-11-20', { mastery: { k: 4, n: 5, consecutive: false } });
    expect(fourOfFive).toMatchObject({ status: 'mastered', suggestedLevel: 'mastered' });
    expect(fourOfFive.reason).toBe('Mastered: 4 of the last 5 points at or above the target of 80.');
    expect(judge([50, 80, 85, 70, 82, 81]).status).not.toBe('mastered');
  });

  it('reads the criterion from the team’s words, else 3 of 3', () => {
    expect(masteryFromCriterion('80% accuracy in 4 of 5 consecutive probes')).toEqual({ k: 4, n: 5, consecutive: false });
    expect(masteryFromCriterion('level 3 of 4 on 3 consecutive work samples')).toEqual({ k: 3, n: 3, consecutive: true });
    expect(masteryFromCriterion('8 of 10 correct on 2 consecutive probes')).toEqual({ k: 2, n: 2, consecutive: true });
    expect(masteryFromCriterion('2 or fewer outbursts on 4 of 5 consecutive days')).toEqual({ k: 4, n: 5, consecutive: false });
    expect(masteryFromCriterion('as judged by the team')).toEqual({ k: 3, n: 3, consecutive: true });
  });

  it('an ended goal is met or not met, judged on its points up to the end date', () => {
    const goal = { baseline: 40, target: 80, endDate: '2026-10-16' };
    expect(judge([50, 60, 70, 79, 81, 82], '2026-12-01', { goal })).toMatchObject({ status: 'met', suggestedLevel: 'mastered' });
    const short = judge([50, 60, 70, 72, 74, 75], '2026-12-01', { goal });
    expect(short).toMatchObject({ status: 'not_met', suggestedLevel: 'insufficient', recentMedian: 74 });
    expect(short.reason).toBe('Not met by the end date 2026-10-16: the median of the last 3 points was 74, short of the target of 80.');
    // A point after the end date is not the goal's.
    expect(judge([50, 60, 70, 72, 74, 75, 95, 95, 95], '2026-12-01', { goal }).status).toBe('not_met');
  });

  it('counts only the current version: points before its start belong to the earlier phase', () => {
    const amended = judge([10, 10, 10, 60, 62, 64, 66, 68, 70], '2026-11-20', { versionStart: '2026-09-28', aimStart: '2026-09-28' });
    expect(amended).toMatchObject({ points: 6, weeks: { withData: 6 } });
    expect(amended.perWeek).toBe(2);
  });

  it('the aim line starts when teaching starts: expected now is null before, the baseline on that day', () => {
    const later = { aimStart: '2026-09-14' };
    expect(judge([], '2026-09-10', later).expectedNow).toBeNull();
    expect(judge([], '2026-09-14', later).expectedNow).toBe(40);
  });

  it('flags derive from the judgement: behind the aim line only when not likely, ahead only when likely, worded for a goal to reduce', () => {
    const reduce = { goal: { baseline: 12, target: 2, endDate: '2027-06-01' } };
    const behind = judge([12, 12, 13, 12, 13, 13], '2026-10-16', reduce);
    expect(behind.status).toBe('unlikely');
    expect(judgementFlags(behind)).toEqual([
      {
        rule: 'behind_aim',
        since: '2026-09-21',
        message: 'The last 4 points are all behind the aim line and the goal is unlikely to be met: consider changing the support.',
      },
    ]);
    const ahead = judge([10, 9, 8, 7, 6, 5], '2026-10-16', reduce);
    expect(ahead.status).toBe('likely');
    expect(judgementFlags(ahead).map((flag) => flag.message)).toEqual([
      'The last 4 points are all ahead of the aim line and the goal is likely to be met: consider a more ambitious goal.',
    ]);
    expect(judgementFlags(judge([45, 50, 55], '2026-11-20')).map((flag) => flag.rule)).toEqual(['no_recent_data']);
  });
});

// ── properties ──────────────────────────────────────────────────────────────────────────────────

const dayOffset = fc.integer({ min: 0, max: 120 });
const point = fc.record({ offset: dayOffset, value: fc.integer({ min: 0, max: 100 }) });
const goalArb = fc
  .record({
    baseline: fc.integer({ min: 0, max: 100 }),
    target: fc.integer({ min: 0, max: 100 }),
    endOffset: fc.integer({ min: 30, max: 300 }),
  })
  .filter((goal) => goal.baseline !== goal.target);
const masteryArb = fc
  .record({ k: fc.integer({ min: 1, max: 5 }), n: fc.integer({ min: 1, max: 5 }), consecutive: fc.boolean() })
  .filter((criterion) => criterion.k <= criterion.n);

function inputOf(
  goal: { baseline: number; target: number; endOffset: number },
  points: readonly { offset: number; value: number }[],
  asOffset: number,
  mastery: JudgementInput['mastery'],
): JudgementInput {
  return {
    asOf: addDays(START, asOffset),
    goal: { baseline: goal.baseline, target: goal.target, endDate: addDays(START, goal.endOffset) },
    versionStart: START,
    aimStart: START,
    // In date order, as the points service gives them (entry order kept within a date).
    points: [...points].sort((a, b) => a.offset - b.offset).map((p) => ({ date: addDays(START, p.offset), value: p.value })),
    mastery,
    bounds: { min: 0, max: 100 },
  };
}

function mirrored(input: JudgementInput): JudgementInput {
  return {
    ...input,
    goal: { ...input.goal, baseline: 100 - input.goal.baseline, target: 100 - input.goal.target },
    points: input.points.map((p) => ({ date: p.date, value: 100 - p.value })),
  };
}

describe('the judgement, for any goal', () => {
  it('mirroring a goal (increase ↔ decrease, values mirrored around 50) mirrors its judgement', () => {
    fc.assert(
      fc.property(goalArb, fc.array(point, { maxLength: 30 }), dayOffset, masteryArb, (goal, points, asOffset, mastery) => {
        const input = inputOf(goal, points, asOffset, mastery);
        const a = judgeGoal(input);
        const b = judgeGoal(mirrored(input));
        expect(b.status).toBe(a.status);
        expect(b.suggestedLevel).toBe(a.suggestedLevel);
        expect(b.weeks).toEqual(a.weeks);
        expect(b.lastFour).toEqual(a.lastFour);
        expect(b.goal.direction).not.toBe(a.goal.direction);
        expect(judgementFlags(b)).toEqual(judgementFlags(a));
        if (a.projection && b.projection) {
          expect(b.projection.value).toBeCloseTo(100 - a.projection.value, 0);
          expect(b.projection.low).toBeCloseTo(100 - a.projection.high, 0);
        } else expect(b.projection).toBe(a.projection);
      }),
      { numRuns: 400 },
    );
  });

  it('points dated after day D never change the judgement as of D', () => {
    fc.assert(
      fc.property(
        goalArb,
        fc.array(point, { maxLength: 25 }),
        fc.array(point, { minLength: 1, maxLength: 10 }),
        dayOffset,
        masteryArb,
        (goal, points, later, asOffset, mastery) => {
          const before = inputOf(goal, points, asOffset, mastery);
          const after = inputOf(
            goal,
            [...points, ...later.map((p) => ({ offset: asOffset + 1 + p.offset, value: p.value }))],
            asOffset,
            mastery,
          );
          expect(judgeGoal(after)).toEqual(judgeGoal(before));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('whole-number ties never flatten a trend: values that only rise (not all equal) have a rising slope', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 20 }), (steps) => {
        fc.pre(steps.some((step) => step > 0));
        let value = 40;
        // Mostly repeated whole numbers: the ties that make a median of pairwise slopes exactly 0.
        const values = steps.map((step) => {
          value += step > 2 ? 1 : 0;
          return value;
        });
        fc.pre(values.at(-1) !== values[0]);
        const line = trendLine(
          weekly(values).map((p) => ({ x: dayNumber(p.date), y: p.value })),
          JUDGEMENT_METHOD,
        );
        expect(line?.slope).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('fewer than 6 distinct weeks (any number of points, same dates allowed) give no trend verdict', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            week: fc.integer({ min: 0, max: 4 }),
            weekday: fc.integer({ min: 0, max: 4 }),
            value: fc.integer({ min: 0, max: 79 }),
          }),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        (raw) => {
          const points = raw.map((p) => ({ offset: 6 + p.week * 7 + p.weekday, value: p.value }));
          const judgement = judgeGoal(
            inputOf({ baseline: 40, target: 80, endOffset: 270 }, points, 100, { k: 3, n: 3, consecutive: true }),
          );
          expect(judgement.status).toBe('not_enough_data');
          expect(judgement.projection).toBeNull();
          expect(judgementFlags(judgement).filter((flag) => flag.rule !== 'no_recent_data')).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never says "ahead of the aim line" unless the goal is likely to be met, nor "behind" when it is', () => {
    fc.assert(
      fc.property(goalArb, fc.array(point, { maxLength: 30 }), dayOffset, masteryArb, (goal, points, asOffset, mastery) => {
        const judgement = judgeGoal(inputOf(goal, points, asOffset, mastery));
        const rules = judgementFlags(judgement).map((flag) => flag.rule);
        if (rules.includes('ahead_of_aim')) expect(judgement.status).toBe('likely');
        if (rules.includes('behind_aim')) expect(['unlikely', 'unclear']).toContain(judgement.status);
      }),
      { numRuns: 300 },
    );
  });
});
