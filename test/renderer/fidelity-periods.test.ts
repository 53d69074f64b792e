/**
 * The stretch the fidelity on an accommodation card counts: the plan's reporting periods as ranges,
 * the plan so far, and which one opens today.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultRange,
  fidelityRanges,
  hasStarted,
  PLAN_SO_FAR,
  periodRanges,
  planSoFar,
} from '../../src-renderer/src/screens/progress/fidelity-periods';

const PLAN = { startDate: '2026-09-01', endDate: '2027-06-15' };
const Q1 = { label: 'Quarter 1', endsOn: '2026-11-06' };
const Q2 = { label: 'Quarter 2', endsOn: '2027-01-29' };
const Q3 = { label: 'Quarter 3', endsOn: '2027-04-09' };

describe('periods as ranges', () => {
  it('each period runs from the day after the one before; the first from the plan start', () => {
    expect(periodRanges(PLAN, [Q2, Q1])).toEqual([
      { key: '2026-11-06', label: 'Quarter 1', from: '2026-09-01', to: '2026-11-06' },
      { key: '2027-01-29', label: 'Quarter 2', from: '2026-11-07', to: '2027-01-29' },
    ]);
  });

  it('the same period named by several goals is listed once, with the first name', () => {
    const ranges = periodRanges(PLAN, [Q1, { label: 'Q1', endsOn: Q1.endsOn }, Q1]);
    expect(ranges).toHaveLength(1);
    expect(ranges[0]?.label).toBe('Quarter 1');
  });

  it('a period ending after the plan is cut at the plan end; one ending before the plan starts is left out', () => {
    expect(
      periodRanges(PLAN, [
        { label: 'Old', endsOn: '2026-06-01' },
        { label: 'Long', endsOn: '2027-08-01' },
      ]),
    ).toEqual([{ key: '2027-08-01', label: 'Long', from: '2026-09-01', to: '2027-06-15' }]);
  });

  it('no periods: nothing but the plan so far', () => {
    expect(fidelityRanges(PLAN, [], '2026-10-01').map((range) => range.key)).toEqual([PLAN_SO_FAR]);
  });
});

describe('the plan so far', () => {
  it('runs from the plan start to today', () => {
    expect(planSoFar(PLAN, '2026-10-01')).toMatchObject({ from: '2026-09-01', to: '2026-10-01', label: null });
  });

  it('stops at the plan end once the plan is over', () => {
    expect(planSoFar(PLAN, '2027-08-01').to).toBe('2027-06-15');
  });

  it('before the plan starts it is one day long and has not started', () => {
    const range = planSoFar(PLAN, '2026-08-01');
    expect(range).toMatchObject({ from: '2026-09-01', to: '2026-09-01' });
    expect(hasStarted(range, '2026-08-01')).toBe(false);
  });
});

describe('the range the card opens on', () => {
  const ranges = (today: string) => fidelityRanges(PLAN, [Q1, Q2, Q3], today);

  it('is the period running today', () => {
    expect(defaultRange(ranges('2026-12-01'), '2026-12-01')?.label).toBe('Quarter 2');
    // Its first day (the day after the period before ends) and its last day both count.
    expect(defaultRange(ranges('2026-11-07'), '2026-11-07')?.label).toBe('Quarter 2');
    expect(defaultRange(ranges('2026-11-06'), '2026-11-06')?.label).toBe('Quarter 1');
  });

  it('is the plan so far once every period is over, or when there are none', () => {
    expect(defaultRange(ranges('2027-05-01'), '2027-05-01')?.key).toBe(PLAN_SO_FAR);
    expect(defaultRange(fidelityRanges(PLAN, [], '2026-10-01'), '2026-10-01')?.key).toBe(PLAN_SO_FAR);
  });

  it('a later period has not started yet', () => {
    const later = ranges('2026-10-01').find((range) => range.label === 'Quarter 3');
    expect(later && hasStarted(later, '2026-10-01')).toBe(false);
  });
});
