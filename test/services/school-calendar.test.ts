import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SchoolCalendarInput } from '../../src-main/contract';
import { unlockedApp } from '../fixtures/unlocked-app';

const RIVERSIDE: SchoolCalendarInput = {
  school: 'Riverside',
  year: '2026-2027',
  firstDay: '2026-08-26',
  lastDay: '2027-06-11',
  breaks: [
    { name: 'Winter break', from: '2026-12-21', to: '2027-01-01' },
    { name: 'Labor Day', from: '2026-09-07', to: '2026-09-07' },
  ],
  reportingPeriods: [
    { label: 'Q1', startsOn: '2026-08-26', endsOn: '2026-10-30' },
    { label: 'Q2', startsOn: '2026-11-02', endsOn: '2027-01-22' },
  ],
};

const ICS = readFileSync(join(import.meta.dirname, '../fixtures/calendar/riverside-2026-2027.ics'), 'utf8');

describe('school calendars', () => {
  it('saves one calendar per school and year (saving again replaces it), lists it with the schools, removes it', async () => {
    const { call } = await unlockedApp();
    const saved = await call('calendar.save', RIVERSIDE);
    // Breaks are kept in date order whatever order they were entered in.
    expect(saved.breaks.map((pause) => pause.name)).toEqual(['Labor Day', 'Winter break']);
    const again = await call('calendar.save', { ...RIVERSIDE, lastDay: '2027-06-10' });
    expect(again.id).toBe(saved.id);
    const listed = await call('calendar.list', {});
    expect(listed.calendars).toEqual([again]);
    expect(listed.schools).toContain('Riverside');
    expect(await call('calendar.remove', { id: saved.id })).toEqual({ removed: true });
    expect((await call('calendar.list', {})).calendars).toEqual([]);
    await expect(call('calendar.remove', { id: saved.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a calendar that breaks a rule, each with its own code and plain words, and saves nothing', async () => {
    const { call } = await unlockedApp();
    const [q1, q2] = RIVERSIDE.reportingPeriods;
    if (!q1 || !q2) throw new Error('fixture');
    const refusals: [Partial<SchoolCalendarInput>, string][] = [
      [{ lastDay: '2026-08-20' }, 'calendar_last_before_first'],
      [{ breaks: [{ name: 'Summer', from: '2027-06-14', to: '2027-08-20' }] }, 'calendar_break_outside_year'],
      [{ reportingPeriods: [{ ...q1, startsOn: '2026-08-01' }] }, 'calendar_period_outside_year'],
      [{ reportingPeriods: [q2, q1] }, 'calendar_periods_overlap'],
      [{ year: '2026-2028' }, 'calendar_year_invalid'],
    ];
    for (const [change, code] of refusals) {
      await expect(call('calendar.save', { ...RIVERSIDE, ...change })).rejects.toMatchObject({
        code,
        message: expect.stringMatching(/^[A-Z].+\.$/),
      });
    }
    expect((await call('calendar.list', {})).calendars).toEqual([]);
  });

  it('previews an .ics file: first and last day, a multi-day break, a one-day holiday, each occurrence of a recurring day off, four quarters; timed and summer events skipped', async () => {
    const { call } = await unlockedApp();
    const preview = await call('calendar.importIcs', { school: 'Riverside', year: '2026-2027', icsText: ICS });
    expect(preview.firstDay).toBe('2026-08-26');
    expect(preview.lastDay).toBe('2027-06-11');
    expect(preview.breaks).toEqual([
      { name: 'Labor Day - No School', from: '2026-09-07', to: '2026-09-07' },
      { name: 'Staff Development Day - No Students', from: '2026-10-09', to: '2026-10-09' },
      { name: 'Staff Development Day - No Students', from: '2026-11-13', to: '2026-11-13' },
      // DTEND of an all-day event is the day after: Wednesday 25 to Friday 27 November.
      { name: 'Thanksgiving Break', from: '2026-11-25', to: '2026-11-27' },
      { name: 'Staff Development Day - No Students', from: '2026-12-11', to: '2026-12-11' },
      { name: 'Winter Break', from: '2026-12-21', to: '2027-01-01' },
      { name: 'Spring Break', from: '2027-03-29', to: '2027-04-02' },
    ]);
    expect(preview.reportingPeriods).toEqual([
      { label: 'Q1', startsOn: '2026-08-26', endsOn: '2026-10-30' },
      { label: 'Q2', startsOn: '2026-10-31', endsOn: '2027-01-22' },
      { label: 'Q3', startsOn: '2027-01-23', endsOn: '2027-03-26' },
      { label: 'Q4', startsOn: '2027-03-27', endsOn: '2027-06-11' },
    ]);
    expect(preview.skipped).toEqual(
      expect.arrayContaining([
        { summary: 'Early Release Wednesday', date: '2026-09-02', reason: 'timed' },
        { summary: 'Summer Camp', date: '2027-07-05', reason: 'outside_year' },
      ]),
    );
    // Nothing is saved until the user confirms; the preview itself is a calendar the service accepts.
    expect((await call('calendar.list', {})).calendars).toEqual([]);
    const { skipped: _skipped, firstDay, lastDay, ...rest } = preview;
    await call('calendar.save', { ...rest, firstDay: firstDay ?? '', lastDay: lastDay ?? '' });
    expect((await call('calendar.list', {})).calendars).toHaveLength(1);
  });

  it('refuses a file that is not iCalendar with its own code', async () => {
    const { call } = await unlockedApp();
    await expect(
      call('calendar.importIcs', { school: 'Riverside', year: '2026-2027', icsText: 'name,date\nWinter break,2026-12-21\n' }),
    ).rejects.toMatchObject({ code: 'calendar_ics_unreadable' });
  });
});
