import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src-main/contract/calendar';
import { type FidelitySession, fidelityOf } from '../../src-main/services/progress/fidelity';
import { mondayOf } from '../../src-main/services/progress/school-days';
import { accommodationInput, planInput, studentInput } from '../fixtures/program-input';
import { supportedStudent } from './progress-fixture';

const twiceAWeek = { sessionsPerWeek: 2, minutesPerSession: 20, startDate: '2026-09-09', endDate: '2027-06-01' };

function heldOn(date: string, minutes = 20): FidelitySession {
  return { date, status: 'held', minutes, missReason: null };
}

describe('fidelity arithmetic (pure)', () => {
  it('prorates a partial first week by its school days and counts misses by reason', () => {
    // The accommodation starts on Wednesday 9 September: that week has 3 of 5 school days → 1.2 planned sessions.
    const sessions: FidelitySession[] = [
      heldOn('2026-09-09'),
      heldOn('2026-09-14'),
      heldOn('2026-09-16', 15),
      { date: '2026-09-21', status: 'missed', minutes: 0, missReason: 'student_absent' },
      { date: '2026-09-23', status: 'missed', minutes: 0, missReason: 'mentor_absent' },
      heldOn('2026-09-24'),
      heldOn('2026-09-26'), // a Saturday: not a school day, not counted
      heldOn('2026-09-28'), // after the range
    ];
    expect(fidelityOf(twiceAWeek, sessions, { from: '2026-09-01', to: '2026-09-25' })).toEqual({
      from: '2026-09-09',
      to: '2026-09-25',
      plannedSessions: 5.2,
      plannedMinutes: 104,
      heldSessions: 4,
      deliveredMinutes: 75,
      missedSessions: 2,
      sessionsPercent: 77, // 4 / 5.2
      minutesPercent: 72, // 75 / 104
      missesByReason: { student_absent: 1, mentor_absent: 1, schedule_change: 0, other: 0 },
      weeks: [
        { weekStart: '2026-09-07', schoolDays: 3, plannedSessions: 1.2, heldSessions: 1, plannedMinutes: 24, deliveredMinutes: 20 },
        { weekStart: '2026-09-14', schoolDays: 5, plannedSessions: 2, heldSessions: 2, plannedMinutes: 40, deliveredMinutes: 35 },
        { weekStart: '2026-09-21', schoolDays: 5, plannedSessions: 2, heldSessions: 1, plannedMinutes: 40, deliveredMinutes: 20 },
      ],
    });
  });

  it('prorates a partial last week (the range ends on a Tuesday) and can go over 100%', () => {
    const result = fidelityOf(twiceAWeek, [heldOn('2026-09-14'), heldOn('2026-09-15')], { from: '2026-09-14', to: '2026-09-15' });
    expect(result).toMatchObject({ plannedSessions: 0.8, plannedMinutes: 16, heldSessions: 2, sessionsPercent: 250, minutesPercent: 250 });
  });

  it('plans nothing where the accommodation did not run, and says so with nulls rather than 0%', () => {
    expect(fidelityOf(twiceAWeek, [], { from: '2026-08-01', to: '2026-08-31' })).toMatchObject({
      from: null,
      to: null,
      plannedSessions: 0,
      sessionsPercent: null,
      minutesPercent: null,
      weeks: [],
    });
    // A range of one weekend plans nothing either.
    expect(fidelityOf(twiceAWeek, [], { from: '2026-09-12', to: '2026-09-13' })).toMatchObject({
      plannedSessions: 0,
      sessionsPercent: null,
    });
  });

  it('property: over whole school weeks, planned sessions = weeks × sessions per week; every session held gives 100%', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 40 }),
        (weeks, perWeek, offset) => {
          const monday = addDays('2026-09-14', offset * 7);
          const friday = addDays(monday, weeks * 7 - 3);
          const plan = { sessionsPerWeek: perWeek, minutesPerSession: 30, startDate: '2026-09-01', endDate: '2030-12-31' };
          const held = Array.from({ length: weeks }, (_, week) =>
            Array.from({ length: perWeek }, (_, day) => heldOn(addDays(monday, week * 7 + day), 30)),
          ).flat();
          const result = fidelityOf(plan, held, { from: monday, to: friday });
          expect(mondayOf(friday)).toBe(addDays(monday, (weeks - 1) * 7));
          expect(result.plannedSessions).toBe(weeks * perWeek);
          expect(result.plannedMinutes).toBe(weeks * perWeek * 30);
          expect(result.sessionsPercent).toBe(100);
          expect(result.weeks).toHaveLength(weeks);
        },
      ),
    );
  });
});

describe('fidelity of an accommodation and of a student', () => {
  it('compares planned with delivered for the accommodation, stopping at today', async () => {
    const app = await supportedStudent();
    // Math 7 runs from Tuesday 8 September, twice a week, 20 minutes.
    for (const [date, minutes] of [
      ['2026-10-05', 20],
      ['2026-10-07', 25],
      ['2026-10-12', 20],
    ] as const) {
      await app.call('sessions.create', { accommodationId: app.tutor.id, date, status: 'held', minutes, mentorIds: [app.mentor.id] });
    }
    await app.call('sessions.create', {
      accommodationId: app.tutor.id,
      date: '2026-10-14',
      status: 'missed',
      missReason: 'schedule_change',
    });
    const result = await app.call('fidelity.forAccommodation', { accommodationId: app.tutor.id, from: '2026-10-05', to: '2026-10-30' });
    // 5 school days of the week of 5 October + Monday to Thursday (today) of the next: 9 days × 2/5 = 3.6 sessions.
    expect(result).toMatchObject({
      accommodationId: app.tutor.id,
      planId: app.plan.id,
      role: 'peer_tutor',
      settingClass: 'Math 7',
      fidelity: {
        from: '2026-10-05',
        to: '2026-10-15',
        plannedSessions: 3.6,
        plannedMinutes: 72,
        heldSessions: 3,
        deliveredMinutes: 65,
        missedSessions: 1,
        sessionsPercent: 83,
        minutesPercent: 90,
        missesByReason: { student_absent: 0, mentor_absent: 0, schedule_change: 1, other: 0 },
      },
    });
    await expect(
      app.call('fidelity.forAccommodation', { accommodationId: app.tutor.id, from: '2026-10-30', to: '2026-10-05' }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: 'The range must end on or after the day it starts.' });
  });

  it('adds up every accommodation of the student, and does not plan the same weeks twice across an amendment', async () => {
    const app = await supportedStudent(({ call, planId }) =>
      call(
        'accommodations.create',
        accommodationInput(planId, {
          role: 'peer_buddy',
          settingClass: 'Lunch',
          slots: [{ day: 'fri', period: 5 }],
          sessionsPerWeek: 1,
          minutesPerSession: 30,
        }),
      ),
    );
    await app.call('sessions.create', {
      accommodationId: app.tutor.id,
      date: '2026-10-12',
      status: 'held',
      minutes: 20,
      mentorIds: [app.mentor.id],
    });
    const range = { studentId: app.student.id, from: '2026-10-05', to: '2026-10-09' };
    const before = await app.call('fidelity.forStudent', range);
    expect(before.accommodations.map((a) => [a.settingClass, a.fidelity.plannedSessions])).toEqual([
      ['Lunch', 1],
      ['Math 7', 2],
    ]);
    expect(before.total).toMatchObject({ plannedSessions: 3, plannedMinutes: 70, heldSessions: 0, sessionsPercent: 0 });

    // Amended and activated today (Thursday 15 October): the old version counts to Wednesday, the new one from today.
    const amended = await app.call('plans.amend', { id: app.plan.id });
    await app.call('plans.activate', { id: amended.plan.id });
    const week = await app.call('fidelity.forStudent', { studentId: app.student.id, from: '2026-10-12', to: '2026-10-16' });
    const math = week.accommodations.filter((a) => a.settingClass === 'Math 7');
    expect(math.map((a) => [a.planId, a.fidelity.from, a.fidelity.to, a.fidelity.plannedSessions, a.fidelity.heldSessions])).toEqual([
      [app.plan.id, '2026-10-12', '2026-10-14', 1.2, 1],
      [amended.plan.id, '2026-10-15', '2026-10-15', 0.4, 0],
    ]);
    // Monday to Thursday (today): Math 7 at 2 a week = 1.6, Lunch at 1 a week = 0.8 — prorated by school
    // days, not by the weekday of its slot, so Lunch plans 0.8 although its Friday has not come yet.
    expect(week.total).toMatchObject({ plannedSessions: 2.4, heldSessions: 1, sessionsPercent: 42 });
  });
});

describe('fidelity of a school', () => {
  it('adds up the active students of that school only, with one line per role', async () => {
    const app = await supportedStudent();
    await app.call('sessions.create', {
      accommodationId: app.tutor.id,
      date: '2026-10-12',
      status: 'held',
      minutes: 20,
      mentorIds: [app.mentor.id],
    });
    await app.call('sessions.create', {
      accommodationId: app.tutor.id,
      date: '2026-10-14',
      status: 'missed',
      missReason: 'student_absent',
    });
    const other = await app.call('students.create', studentInput({ localId: 'S-900001', school: 'Lakeside Elementary' }));
    const otherPlan = await app.call('plans.create', planInput(other.id, { status: 'draft' }));
    await app.call('accommodations.create', accommodationInput(otherPlan.id, { role: 'peer_buddy', settingClass: 'Lunch' }));
    await app.call('plans.activate', { id: otherPlan.id });

    const result = await app.call('fidelity.forSchool', { school: app.student.school, from: '2026-10-12', to: '2026-10-16' });
    // Monday to Thursday (today) of one week, twice a week: 1.6 planned; one held, one missed.
    expect(result).toMatchObject({ school: app.student.school, students: 1, accommodations: 1 });
    expect(result.total).toMatchObject({ plannedSessions: 1.6, heldSessions: 1, missedSessions: 1, missesByReason: { student_absent: 1 } });
    expect(result.byRole.map((line) => [line.role, line.fidelity.heldSessions])).toEqual([['peer_tutor', 1]]);
    const elsewhere = await app.call('fidelity.forSchool', { school: 'Lakeside Elementary', from: '2026-10-12', to: '2026-10-16' });
    expect(elsewhere).toMatchObject({ students: 1, accommodations: 1, total: { heldSessions: 0 } });
  });
});
