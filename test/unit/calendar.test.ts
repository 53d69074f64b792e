/** The shared calendar (contract/calendar.ts) against the plain way: JavaScript's Date, in UTC. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  dateOfDay,
  dayNumber,
  daysBetween,
  isIsoDate,
  isSchoolDay,
  latestSchoolDay,
  mondayOf,
  schoolDayOf,
  schoolWeek,
  weekday,
} from '../../src-main/contract/calendar';

const DAY_MS = 86_400_000;
const viaDate = {
  dayNumber: (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS,
  dateOfDay: (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10),
  weekday: (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay(),
  isIsoDate: (text: string) => {
    const date = new Date(`${text}T00:00:00Z`);
    return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  },
};

/** Any date from year 0001 to 9999 (a week or a move back from 0000-01-01 would leave the years of four digits). */
const isoDate = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const dayOffset = fc.integer({ min: -20_000, max: 20_000 });

describe('calendar', () => {
  it('property: day numbers are the days since 1970-01-01, and back', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        expect(dayNumber(date)).toBe(viaDate.dayNumber(date));
        expect(dateOfDay(dayNumber(date))).toBe(date);
      }),
    );
  });

  it('property: adding days moves by whole calendar days', () => {
    fc.assert(
      fc.property(
        isoDate.filter((date) => date >= '0100-01-01' && date <= '9900-12-31'),
        dayOffset,
        (date, days) => {
          const moved = addDays(date, days);
          expect(moved).toBe(viaDate.dateOfDay(viaDate.dayNumber(date) + days));
          expect(daysBetween(date, moved)).toBe(days);
        },
      ),
    );
  });

  it('property: the weekday, the school day and the Monday of the week agree with Date', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        const day = viaDate.weekday(date);
        expect(weekday(date)).toBe(day);
        expect(isSchoolDay(date)).toBe(day >= 1 && day <= 5);
        expect(schoolDayOf(date)).toBe([null, 'mon', 'tue', 'wed', 'thu', 'fri', null][day]);
        const monday = mondayOf(date);
        expect(viaDate.weekday(monday)).toBe(1);
        expect(daysBetween(monday, date)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(monday, date)).toBeLessThan(7);
      }),
    );
  });

  it('property: the latest school day is the day itself on a school day, else the Friday just before', () => {
    fc.assert(
      fc.property(
        isoDate.filter((date) => date >= '0001-01-01'),
        (date) => {
          const latest = latestSchoolDay(date);
          expect(isSchoolDay(latest)).toBe(true);
          expect(daysBetween(latest, date)).toBe(isSchoolDay(date) ? 0 : viaDate.weekday(date) === 6 ? 1 : 2);
        },
      ),
    );
  });

  it('property: a text is an ISO date exactly when Date reads it back unchanged', () => {
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
    const dateLike = fc
      .tuple(digits(4), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([year, month, day]) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.oneof(dateLike, isoDate, fc.string()), (text) => {
        expect(isIsoDate(text)).toBe(viaDate.isIsoDate(text));
      }),
    );
  });

  it('school weeks run Monday to Friday; months and years run over a missing day', () => {
    expect(schoolWeek('2026-11-29')).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    expect(addMonths('2026-01-31', 1)).toBe('2026-03-03');
    expect(addMonths('2026-09-08', 3)).toBe('2026-12-08');
    expect(addYears('2028-02-29', 1)).toBe('2029-03-01');
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });
});
