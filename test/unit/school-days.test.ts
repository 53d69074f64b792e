import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mondayOf, schoolDayOf, schoolDaysBetween } from '../../src-main/services/progress/school-days';

/** The plain way: walk the calendar with Date, one day at a time. */
function naiveSchoolDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += 86_400_000) {
    const weekday = new Date(time).getUTCDay();
    if (weekday >= 1 && weekday <= 5) days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
}

const isoDate = fc
  .date({ min: new Date('1960-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe('school days', () => {
  it('property: the school days between two dates are the weekdays a calendar walk finds', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -3, max: 60 }), (from, length) => {
        const to = new Date(Date.parse(`${from}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10);
        expect(schoolDaysBetween(from, to)).toEqual(naiveSchoolDays(from, to));
      }),
    );
  });

  it('a weekend day belongs to the week of the Monday before it, and is no school day', () => {
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(schoolDayOf('2026-11-28')).toBeNull();
    expect(schoolDayOf('2026-11-27')).toBe('fri');
  });
});
