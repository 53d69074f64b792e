/**
 * A mentor's activity and service hours: only held sessions count, a session with two mentors counts
 * in full for each, and the school year turns over on 1 July. The clock stands on Friday 2026-07-03,
 * just after the turn, with sessions on both sides of it. Synthetic data only.
 */
import { describe, expect, it } from 'vitest';
import type { MentorInput } from '../../src-main/contract';
import { minutesToHours, schoolYearOf, serviceHours } from '../../src-main/services/progress/service-hours';
import { mentorInput, openProgramVault } from '../fixtures/program';
import { accommodationInput, planInput, studentInput } from '../fixtures/program-input';

const TRAINED_IN_FEBRUARY: Partial<MentorInput> = {
  consentGivenOn: '2026-02-02',
  guardianConsentGivenOn: '2026-02-02',
  training: [
    { module: 'confidentiality', completedOn: '2026-02-05' },
    { module: 'sensitivity', completedOn: '2026-02-05' },
    { module: 'instructional_techniques', completedOn: '2026-02-05' },
    { module: 'fostering_independence', completedOn: '2026-02-05' },
    { module: 'getting_an_adult', completedOn: '2026-02-05' },
  ],
};

/** A plan across the turn of the school year: a Math 7 peer tutor (Sam and Rosa) and a lunch buddy (Sam). */
async function acrossTheSchoolYear() {
  const app = await openProgramVault('2026-07-03');
  const { call } = app;
  const student = await call('students.create', studentInput());
  const plan = await call(
    'plans.create',
    planInput(student.id, { startDate: '2026-03-02', endDate: '2027-02-26', annualReviewDue: '2027-02-01', status: 'draft' }),
  );
  const dates = { startDate: '2026-03-02', endDate: '2027-02-26' };
  const tutor = await call('accommodations.create', accommodationInput(plan.id, { ...dates, mentorsNeeded: 2 }));
  const buddy = await call(
    'accommodations.create',
    accommodationInput(plan.id, {
      ...dates,
      role: 'peer_buddy',
      settingClass: 'Lunch',
      slots: [{ day: 'tue', period: 5 }],
      sessionsPerWeek: 1,
    }),
  );
  await call('plans.activate', { id: plan.id });
  const sam = await call('mentors.create', mentorInput({ ...TRAINED_IN_FEBRUARY, preferredName: 'Sam' }));
  const rosa = await call('mentors.create', mentorInput({ ...TRAINED_IN_FEBRUARY, firstName: 'Rosa', preferredName: undefined }));
  const assignments: [string, string][] = [
    [sam.id, tutor.id],
    [rosa.id, tutor.id],
    [sam.id, buddy.id],
  ];
  for (const [mentorId, accommodationId] of assignments) {
    await call('assignments.create', { mentorId, accommodationId, startDate: '2026-03-02' });
  }
  const held = (accommodationId: string, date: string, minutes: number, mentorIds: string[]) =>
    call('sessions.create', { accommodationId, date, status: 'held', minutes, mentorIds });
  await held(tutor.id, '2026-06-29', 30, [sam.id]);
  await held(tutor.id, '2026-06-30', 25, [sam.id, rosa.id]);
  await held(tutor.id, '2026-07-01', 20, [sam.id, rosa.id]);
  await call('sessions.create', {
    accommodationId: tutor.id,
    date: '2026-07-02',
    status: 'missed',
    missReason: 'mentor_absent',
    mentorIds: [sam.id],
  });
  await held(buddy.id, '2026-07-03', 15, [sam.id]);
  return { ...app, tutor, buddy, sam, rosa };
}

describe('mentor activity', () => {
  it('counts held sessions only, in full for each mentor there, and splits this school year (from 1 July) from all time', async () => {
    const app = await acrossTheSchoolYear();
    const sam = await app.call('mentors.activity', { mentorId: app.sam.id });
    expect(sam.hours.schoolYear).toEqual({
      from: '2026-07-01',
      to: '2027-06-30',
      heldSessions: 2,
      minutes: 35,
      hours: 0.6,
      roles: [
        { role: 'peer_tutor', heldSessions: 1, minutes: 20 },
        { role: 'peer_buddy', heldSessions: 1, minutes: 15 },
      ],
      firstDate: '2026-07-01',
      lastDate: '2026-07-03',
    });
    expect(sam.hours.allTime).toMatchObject({ from: null, to: null, heldSessions: 4, minutes: 90, hours: 1.5, firstDate: '2026-06-29' });
    expect(sam.sessionCounts).toEqual({ held: 4, missed: 1 });
    expect(sam.sessions.map((session) => [session.date, session.status, session.minutes, session.settingClass])).toEqual([
      ['2026-07-03', 'held', 15, 'Lunch'],
      ['2026-07-02', 'missed', 0, 'Math 7'],
      ['2026-07-01', 'held', 20, 'Math 7'],
      ['2026-06-30', 'held', 25, 'Math 7'],
      ['2026-06-29', 'held', 30, 'Math 7'],
    ]);
    expect(sam.sessions[1]).toMatchObject({ missReason: 'mentor_absent', role: 'peer_tutor', accommodationId: app.tutor.id });

    // Rosa was at the two shared sessions: their minutes count for her too, not split.
    const rosa = await app.call('mentors.activity', { mentorId: app.rosa.id });
    expect(rosa.hours.schoolYear).toMatchObject({ heldSessions: 1, minutes: 20, hours: 0.3 });
    expect(rosa.hours.allTime).toMatchObject({
      heldSessions: 2,
      minutes: 45,
      hours: 0.8,
      roles: [{ role: 'peer_tutor', heldSessions: 2, minutes: 45 }],
    });
    expect(rosa.sessionCounts).toEqual({ held: 2, missed: 0 });
  });

  it('lists as many sessions as asked, most recent first, while the counts stay whole', async () => {
    const app = await acrossTheSchoolYear();
    const first = await app.call('mentors.activity', { mentorId: app.sam.id, sessionsLimit: 2 });
    expect(first.sessions.map((session) => session.date)).toEqual(['2026-07-03', '2026-07-02']);
    expect(first.sessionCounts).toEqual({ held: 4, missed: 1 });
    expect(first.hours.allTime.minutes).toBe(90);
  });

  it('gives the hours of many mentors at once, with zero for a mentor who served none, within any date range', async () => {
    const app = await acrossTheSchoolYear();
    const newcomer = await app.call('mentors.create', mentorInput({ ...TRAINED_IN_FEBRUARY, firstName: 'Ines', preferredName: undefined }));
    const june = serviceHours(app.db, [app.sam.id, app.rosa.id, newcomer.id], { from: '2026-06-01', to: '2026-06-30' });
    expect(june.get(app.sam.id)).toMatchObject({
      heldSessions: 2,
      minutes: 55,
      hours: 0.9,
      firstDate: '2026-06-29',
      lastDate: '2026-06-30',
    });
    expect(june.get(app.rosa.id)).toMatchObject({ heldSessions: 1, minutes: 25 });
    expect(june.get(newcomer.id)).toEqual({
      from: '2026-06-01',
      to: '2026-06-30',
      heldSessions: 0,
      minutes: 0,
      hours: 0,
      roles: [],
      firstDate: null,
      lastDate: null,
    });
  });

  it('shows the mentor’s own workload and confidence ratings over time, oldest first', async () => {
    const app = await acrossTheSchoolYear();
    const later = await app.call('checkIns.create', {
      accommodationId: app.tutor.id,
      date: '2026-07-01',
      mentorId: app.sam.id,
      mentorWorkload: 4,
      mentorConfidence: 2,
    });
    const earlier = await app.call('checkIns.create', {
      accommodationId: app.buddy.id,
      date: '2026-06-16',
      mentorId: app.sam.id,
      mentorWorkload: 2,
    });
    // About the student only, or about another mentor: not Sam's ratings.
    await app.call('checkIns.create', { accommodationId: app.tutor.id, date: '2026-06-30', mentorId: app.sam.id, belonging: 4 });
    await app.call('checkIns.create', { accommodationId: app.tutor.id, date: '2026-06-30', mentorId: app.rosa.id, mentorWorkload: 5 });
    const { ratings } = await app.call('mentors.activity', { mentorId: app.sam.id });
    expect(ratings).toEqual([
      { checkInId: earlier.id, date: '2026-06-16', workload: 2, confidence: null },
      { checkInId: later.id, date: '2026-07-01', workload: 4, confidence: 2 },
    ]);
  });

  it('refuses a mentor who does not exist', async () => {
    const app = await openProgramVault();
    await expect(app.call('mentors.activity', { mentorId: 'mentor-nobody' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('school year and hours arithmetic', () => {
  it('runs a school year from 1 July to 30 June', () => {
    expect(schoolYearOf('2026-06-30')).toEqual({ from: '2025-07-01', to: '2026-06-30' });
    expect(schoolYearOf('2026-07-01')).toEqual({ from: '2026-07-01', to: '2027-06-30' });
    expect(schoolYearOf('2027-01-15')).toEqual({ from: '2026-07-01', to: '2027-06-30' });
  });

  it('writes hours to one decimal', () => {
    expect([0, 20, 35, 45, 90, 100].map(minutesToHours)).toEqual([0, 0.3, 0.6, 0.8, 1.5, 1.7]);
  });
});
