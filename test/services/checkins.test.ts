import { describe, expect, it } from 'vitest';
import { mentorInput } from '../fixtures/program';
import { accommodationInput } from '../fixtures/program-input';
import { auditText, supportedStudent } from './progress-fixture';

describe('check-ins', () => {
  it('records a structured check-in and shows it on the student’s and the mentor’s timelines, newest first', async () => {
    const app = await supportedStudent(({ call, planId }) =>
      call(
        'accommodations.create',
        accommodationInput(planId, { role: 'peer_buddy', settingClass: 'Lunch', slots: [{ day: 'tue', period: 5 }] }),
      ),
    );
    const buddy = app.extra;
    const first = await app.call('checkIns.create', {
      accommodationId: app.tutor.id,
      date: '2026-10-01',
      whatsWorking: 'Zebulon asks Sam before asking the teacher.',
      whatsNot: 'Sam sometimes gives answers away.',
      belonging: 3,
      engagement: 4,
      mentorWorkload: 2,
      mentorConfidence: 4,
      nextSteps: 'Practise hinting instead of telling.',
      mentorId: app.mentor.id,
    });
    expect(first).toEqual({
      id: expect.any(String),
      accommodationId: app.tutor.id,
      role: 'peer_tutor',
      settingClass: 'Math 7',
      studentId: app.student.id,
      date: '2026-10-01',
      whatsWorking: 'Zebulon asks Sam before asking the teacher.',
      whatsNot: 'Sam sometimes gives answers away.',
      belonging: 3,
      engagement: 4,
      mentorWorkload: 2,
      mentorConfidence: 4,
      nextSteps: 'Practise hinting instead of telling.',
      mentorId: app.mentor.id,
      conductedBy: app.ctx.actor.staffId,
    });
    const lunch = await app.call('checkIns.create', { accommodationId: buddy.id, date: '2026-10-14', belonging: 5 });
    expect(lunch).toMatchObject({ whatsWorking: null, engagement: null, mentorId: null, role: 'peer_buddy' });

    expect((await app.call('checkIns.listForStudent', { studentId: app.student.id })).map((c) => c.id)).toEqual([lunch.id, first.id]);
    expect((await app.call('checkIns.listForMentor', { mentorId: app.mentor.id })).map((c) => c.id)).toEqual([first.id]);

    const [event] = await app.call('audit.list', { action: 'check_in.created' });
    expect(event?.fields.sort()).toEqual(['accommodationId', 'belonging', 'date']);
    for (const text of ['gives answers away', 'hinting instead', 'asks Sam']) expect(auditText(app)).not.toContain(text);
  });

  it('refuses a future date, a date outside the plan, mentor ratings without a mentor, and a mentor never on it', async () => {
    const app = await supportedStudent();
    const stranger = await app.call('mentors.create', mentorInput({ preferredName: 'Rosa' }));
    const base = { accommodationId: app.tutor.id, date: '2026-10-01' };
    const cases: [Record<string, unknown>, string][] = [
      [{ date: '2026-10-16' }, 'A check-in cannot be dated after today (2026-10-15).'],
      [{ date: '2026-08-31' }, 'A check-in must be dated inside the plan (2026-09-01 to 2027-06-15).'],
      [{ mentorWorkload: 4 }, 'Choose which mentor the workload and confidence ratings are about.'],
      [{ mentorId: stranger.id }, 'That mentor has never been assigned to this accommodation.'],
      [{ conductedBy: 'staff-nobody' }, 'The person who held the check-in is not on the staff list.'],
    ];
    for (const [overrides, message] of cases) {
      await expect(app.call('checkIns.create', { ...base, ...overrides }), message).rejects.toMatchObject({
        code: 'invalid_input',
        message,
      });
    }
    await expect(app.call('checkIns.create', { ...base, belonging: 6 })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('Ratings are 1 to 5.'),
    });
    expect(await app.call('checkIns.listForStudent', { studentId: app.student.id })).toEqual([]);
  });

  it('updates only what is sent (null or blank clears), deletes, and keeps the rules on edit', async () => {
    const app = await supportedStudent();
    const checkIn = await app.call('checkIns.create', {
      accommodationId: app.tutor.id,
      date: '2026-10-01',
      whatsWorking: 'Good start.',
      mentorId: app.mentor.id,
      mentorConfidence: 3,
    });
    const updated = await app.call('checkIns.update', {
      id: checkIn.id,
      changes: { whatsWorking: '  ', engagement: 4, mentorConfidence: null },
    });
    expect(updated).toMatchObject({
      whatsWorking: null,
      engagement: 4,
      mentorConfidence: null,
      mentorId: app.mentor.id,
      date: '2026-10-01',
    });
    await expect(app.call('checkIns.update', { id: checkIn.id, changes: { mentorId: null, mentorWorkload: 2 } })).rejects.toMatchObject({
      message: 'Choose which mentor the workload and confidence ratings are about.',
    });
    const [event] = await app.call('audit.list', { action: 'check_in.updated' });
    expect(event?.fields).toEqual(['whatsWorking', 'engagement', 'mentorConfidence']);
    expect(await app.call('checkIns.delete', { id: checkIn.id })).toEqual({});
    expect(await app.call('checkIns.listForMentor', { mentorId: app.mentor.id })).toEqual([]);
    await expect(app.call('checkIns.update', { id: checkIn.id, changes: { engagement: 2 } })).rejects.toMatchObject({ code: 'not_found' });
  });
});
