/** The progress-mark page opens on the period that just ended until its report is finalized, then on the running one. */
import { describe, expect, it } from 'vitest';
import { defaultPeriod, planPeriods } from '../../src-renderer/src/screens/periods/mark-draft';

const periods = [
  { label: 'Q1', endsOn: '2026-10-30' },
  { label: 'Q2', endsOn: '2027-01-22' },
  { label: 'Q3', endsOn: '2027-03-26' },
];

describe('the period the progress-mark page opens on', () => {
  it('is the one that just ended while its report is not finalized', () => {
    expect(defaultPeriod(periods, '2026-11-04', () => false)?.label).toBe('Q1');
  });

  it('is the running one once that report is finalized', () => {
    expect(defaultPeriod(periods, '2026-11-04', (endsOn) => endsOn === '2026-10-30')?.label).toBe('Q2');
  });

  it('is the running one before any period has ended, and the last one after all have', () => {
    expect(defaultPeriod(periods, '2026-09-10', () => false)?.label).toBe('Q1');
    expect(defaultPeriod(periods, '2027-05-01', () => true)?.label).toBe('Q3');
  });

  it('lists the periods in force for each goal (inherited from the calendar or its own)', () => {
    expect(planPeriods([{ periods: periods.slice(0, 2) }, { periods: periods.slice(1) }], [])).toEqual(periods);
  });
});
