import { describe, expect, it } from 'vitest';
import type { SchoolCalendar } from '../../src-main/contract/school-year';
import { type FidelitySession, fidelityOf } from '../../src-main/services/progress/fidelity';
import { supportedStudent } from './progress-fixture';

/** Riverside's autumn, as a teacher would read it off the printed calendar. */
const RIVERSIDE: SchoolCalendar = {
  id: 'calendar-riverside',
  school: 'Riverside Middle School',
  year: '2026-2027',
  firstDay: '2026-08-26',
  lastDay: '2027-06-11',
  breaks: [
    { name: 'Veterans Day', from: '2026-11-11', to: '2026-11-11' },
    { name: 'Thanksgiving break', from: '2026-11-25', to: '2026-11-27' },
  ],
  reportingPeriods: [],
};

const threeAWeek = { sessionsPerWeek: 3, minutesPerSession: 20, startDate: '2026-11-02', endDate: '2026-12-04' };
const held = (date: string): FidelitySession => ({ date, status: 'held', minutes: 20, missReason: null });

describe('fidelity counts the school calendar (hand-worked)', () => {
  it('plans 3 a week only on school days: a one-day holiday and a three-day break take their share', () => {
    // Counted on paper, 3 sessions a week = 0.6 a school day:
    //   2–6 Nov      5 school days → 3
    //   9–13 Nov     4 (Wed 11 is Veterans Day) → 2.4
    //   16–20 Nov    5 → 3
    //   23–27 Nov    2 (Wed–Fri is Thanksgiving break) → 1.2
    //   30 Nov–4 Dec 5 → 3
    // 21 school days → 12.6 sessions, 252 minutes. Twelve held: 12 / 12.6 = 95 %.
    const sessions = [
      ...['2026-11-02', '2026-11-04', '2026-11-06', '2026-11-09', '2026-11-13', '2026-11-16'].map(held),
      ...['2026-11-18', '2026-11-20', '2026-11-23', '2026-11-30', '2026-12-02', '2026-12-04'].map(held),
    ];
    const range = { from: '2026-11-02', to: '2026-12-04' };
    const result = fidelityOf(threeAWeek, sessions, range, [RIVERSIDE]);
    expect(result).toMatchObject({ plannedSessions: 12.6, plannedMinutes: 252, heldSessions: 12, sessionsPercent: 95, minutesPercent: 95 });
    expect(result.weeks.map((week) => [week.weekStart, week.schoolDays, week.plannedSessions])).toEqual([
      ['2026-11-02', 5, 3],
      ['2026-11-09', 4, 2.4],
      ['2026-11-16', 5, 3],
      ['2026-11-23', 2, 1.2],
      ['2026-11-30', 5, 3],
    ]);
    // Without a calendar the same five weeks plan 25 days × 0.6 = 15, and the team looks at 80 %.
    expect(fidelityOf(threeAWeek, sessions, range, [])).toMatchObject({ plannedSessions: 15, sessionsPercent: 80 });
  });

  it('plans nothing over winter break and the summer after the last day (to 30 June, where the school year ends)', () => {
    const winter = { ...RIVERSIDE, breaks: [{ name: 'Winter break', from: '2026-12-21', to: '2027-01-01' }] };
    expect(fidelityOf({ ...threeAWeek, endDate: '2027-06-30' }, [], { from: '2026-12-21', to: '2027-01-01' }, [winter])).toMatchObject({
      plannedSessions: 0,
      sessionsPercent: null,
    });
    expect(
      fidelityOf({ ...threeAWeek, endDate: '2027-08-30' }, [], { from: '2027-06-14', to: '2027-06-30' }, [winter]).plannedSessions,
    ).toBe(0);
  });

  it('the fidelity channels read the student’s school calendar', async () => {
    const app = await supportedStudent();
    const week = { studentId: app.student.id, from: '2026-10-05', to: '2026-10-09' };
    // Twice a week, Monday to Friday: 2 planned.
    expect((await app.call('fidelity.forStudent', week)).total.plannedSessions).toBe(2);
    await app.call('calendar.save', {
      school: app.student.school,
      year: '2026-2027',
      firstDay: '2026-08-26',
      lastDay: '2027-06-11',
      breaks: [{ name: 'Staff development day', from: '2026-10-09', to: '2026-10-09' }],
      reportingPeriods: [],
    });
    // Four school days: 2 × 4/5 = 1.6 for the tutor.
    const after = await app.call('fidelity.forStudent', week);
    expect(after.accommodations.map((a) => a.fidelity.plannedSessions)).toEqual([1.6]);
    expect(
      (await app.call('fidelity.forSchool', { school: app.student.school, from: '2026-10-05', to: '2026-10-09' })).total.plannedSessions,
    ).toBe(1.6);
    expect(
      (await app.call('fidelity.forAccommodation', { accommodationId: app.tutor.id, from: '2026-10-05', to: '2026-10-09' })).fidelity
        .plannedSessions,
    ).toBe(1.6);
  });
});
