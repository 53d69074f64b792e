import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calendarProblems,
  firstSchoolDayOnOrAfter,
  isSchoolDay,
  lastSchoolDayOnOrBefore,
  type SchoolCalendar,
  schoolDaysBetween,
} from '../../src-main/contract/school-year';

const DAY = 86_400_000;
const dateAt = (time: number) => new Date(time).toISOString().slice(0, 10);
const timeOf = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The plain way, with Date and string comparisons only: walk every day and ask each rule in turn. */
function naiveSchoolDays(calendars: readonly SchoolCalendar[], from: string, to: string): string[] {
  const days: string[] = [];
  for (let time = timeOf(from); time <= timeOf(to); time += DAY) {
    const date = dateAt(time);
    const weekday = new Date(time).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const start = (calendar: SchoolCalendar) => Number(calendar.year.slice(0, 4));
    const year = calendars.find((calendar) => {
      const from = [`${start(calendar)}-07-01`, calendar.firstDay].sort()[0] ?? '';
      const to = [`${start(calendar) + 1}-06-30`, calendar.lastDay].sort()[1] ?? '';
      return date >= from && date <= to;
    });
    if (!year) {
      days.push(date);
      continue;
    }
    const inBreak = year.breaks.some((pause) => date >= pause.from && date <= pause.to);
    if (date >= year.firstDay && date <= year.lastDay && !inBreak) days.push(date);
  }
  return days;
}

const RIVERSIDE_2026: SchoolCalendar = {
  id: 'calendar-1',
  school: 'Riverside',
  year: '2026-2027',
  firstDay: '2026-08-26',
  lastDay: '2027-06-11',
  breaks: [
    { name: 'Labor Day', from: '2026-09-07', to: '2026-09-07' },
    { name: 'Thanksgiving break', from: '2026-11-25', to: '2026-11-27' },
    { name: 'Winter break', from: '2026-12-21', to: '2027-01-01' },
  ],
  reportingPeriods: [
    { label: 'Q1', startsOn: '2026-08-26', endsOn: '2026-10-30' },
    { label: 'Q2', startsOn: '2026-11-02', endsOn: '2027-01-22' },
  ],
};

/** A school year starting in `year` with random breaks inside it. */
const calendarOf = (year: number) =>
  fc.array(fc.record({ start: fc.integer({ min: 0, max: 280 }), length: fc.integer({ min: 0, max: 12 }) }), { maxLength: 6 }).map(
    (breaks): SchoolCalendar => ({
      id: `calendar-${year}`,
      school: 'Riverside',
      year: `${year}-${year + 1}`,
      firstDay: `${year}-08-24`,
      lastDay: `${year + 1}-06-10`,
      breaks: breaks.map((pause, index) => ({
        name: `Break ${index}`,
        from: dateAt(timeOf(`${year}-08-24`) + pause.start * DAY),
        to: dateAt(timeOf(`${year}-08-24`) + (pause.start + pause.length) * DAY),
      })),
      reportingPeriods: [],
    }),
  );

describe('school year', () => {
  it('property: the school days between two dates are those a day-by-day walk finds, across several years and the summers between', () => {
    fc.assert(
      fc.property(
        fc.tuple(calendarOf(2025), calendarOf(2026)),
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: -3, max: 400 }),
        (calendars, offset, length) => {
          const from = dateAt(timeOf('2025-03-01') + offset * DAY);
          const to = dateAt(timeOf(from) + length * DAY);
          expect(schoolDaysBetween(calendars, from, to)).toEqual(naiveSchoolDays(calendars, from, to));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('counts a hand-checked month: September 2026 at Riverside has 21 school days (22 weekdays less Labor Day)', () => {
    expect(schoolDaysBetween([RIVERSIDE_2026], '2026-09-01', '2026-09-30')).toHaveLength(21);
    expect(schoolDaysBetween(null, '2026-09-01', '2026-09-30')).toHaveLength(22);
    expect(schoolDaysBetween([], '2026-09-01', '2026-09-30')).toHaveLength(22);
  });

  it('a break, a weekend, the summer and the days before the first day are no school days; a date in no known year is Mon–Fri', () => {
    const calendars = [RIVERSIDE_2026];
    expect(isSchoolDay(calendars, '2026-11-24')).toBe(true);
    expect(isSchoolDay(calendars, '2026-11-25')).toBe(false);
    expect(isSchoolDay(calendars, '2026-11-28')).toBe(false);
    expect(isSchoolDay(calendars, '2026-08-25')).toBe(false);
    expect(isSchoolDay(calendars, '2027-06-14')).toBe(false);
    expect(isSchoolDay(calendars, '2027-07-01')).toBe(true);
    expect(isSchoolDay(null, '2026-11-25')).toBe(true);
  });

  it('the first school day on or after a date skips weekends and breaks; the last one on or before looks back', () => {
    const calendars = [RIVERSIDE_2026];
    expect(firstSchoolDayOnOrAfter(calendars, '2026-08-01')).toBe('2026-08-26');
    expect(firstSchoolDayOnOrAfter(calendars, '2026-12-19')).toBe('2027-01-04');
    expect(firstSchoolDayOnOrAfter(null, '2026-12-19')).toBe('2026-12-21');
    expect(lastSchoolDayOnOrBefore(calendars, '2026-11-29')).toBe('2026-11-24');
    expect(lastSchoolDayOnOrBefore(null, '2026-11-29')).toBe('2026-11-27');
  });

  it('a sound calendar has no problems; each broken rule is named', () => {
    expect(calendarProblems(RIVERSIDE_2026)).toEqual([]);
    expect(calendarProblems({ ...RIVERSIDE_2026, year: '2026-2028' })).toEqual(['calendar_year_invalid']);
    expect(calendarProblems({ ...RIVERSIDE_2026, lastDay: '2026-08-26' })).toContain('calendar_last_before_first');
    expect(calendarProblems({ ...RIVERSIDE_2026, firstDay: '2026-02-30' })).toEqual(['calendar_dates_invalid']);
    expect(calendarProblems({ ...RIVERSIDE_2026, breaks: [{ name: 'Summer', from: '2027-06-10', to: '2027-06-20' }] })).toEqual([
      'calendar_break_outside_year',
    ]);
    expect(calendarProblems({ ...RIVERSIDE_2026, breaks: [{ name: 'Backwards', from: '2026-10-10', to: '2026-10-09' }] })).toEqual([
      'calendar_break_outside_year',
    ]);
    expect(
      calendarProblems({
        ...RIVERSIDE_2026,
        reportingPeriods: [{ label: 'Q0', startsOn: '2026-08-01', endsOn: '2026-09-01' }],
      }),
    ).toEqual(['calendar_period_outside_year']);
    const [q1, q2] = RIVERSIDE_2026.reportingPeriods;
    if (!q1 || !q2) throw new Error('fixture');
    expect(calendarProblems({ ...RIVERSIDE_2026, reportingPeriods: [q2, q1] })).toEqual(['calendar_periods_overlap']);
    expect(calendarProblems({ ...RIVERSIDE_2026, reportingPeriods: [q1, { ...q2, startsOn: '2026-10-30' }] })).toEqual([
      'calendar_periods_overlap',
    ]);
  });
});
