import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, progressPoints, sessions } from '../../db/schema';
import { sessionProblems } from '../../src-main/services/progress/rules';
import { mentorInput } from '../fixtures/program';
import { accommodationInput, planInput } from '../fixtures/program-input';
import { auditText, supportedStudent, TODAY } from './progress-fixture';

type App = Awaited<ReturnType<typeof supportedStudent>>;

function rowCounts(app: App) {
  return {
    sessions: app.db.select({ n: count() }).from(sessions).get()?.n,
    points: app.db.select({ n: count() }).from(progressPoints).get()?.n,
    audit: app.db.select({ n: count() }).from(auditEvents).get()?.n,
  };
}

function held(app: App, date: string, extra: Record<string, unknown> = {}) {
  return app.call('sessions.create', {
    accommodationId: app.tutor.id,
    date,
    status: 'held',
    minutes: 20,
    mentorIds: [app.mentor.id],
    ...extra,
  });
}

describe('logging a session', () => {
  it('starts from smart defaults: today, the planned minutes, the assigned mentors and every goal served', async () => {
    const app = await supportedStudent();
    expect(await app.call('sessions.defaults', { accommodationId: app.tutor.id })).toEqual({
      date: TODAY,
      minutes: 20,
      minutesFrom: 'plan',
      mentorIds: [app.mentor.id],
      goalIds: [app.math.id, app.engagement.id].sort(),
    });
  });

  it('the default length is the support’s planned minutes, whatever recent sessions lasted', async () => {
    const app = await supportedStudent();
    await held(app, '2026-10-05', { minutes: 25 });
    await held(app, '2026-10-07', { minutes: 30 });
    expect(await app.call('sessions.defaults', { accommodationId: app.tutor.id })).toMatchObject({ minutes: 20, minutesFrom: 'plan' });
    // Defaults for an earlier day look at who was assigned then.
    expect(await app.call('sessions.defaults', { accommodationId: app.tutor.id, date: '2026-10-06' })).toMatchObject({
      date: '2026-10-06',
      minutes: 20,
      mentorIds: [app.mentor.id],
    });
  });

  it('the default date is today on a school day, else the last school day before it (a break counts)', async () => {
    const app = await supportedStudent();
    // Today is Thursday 15 October.
    expect(await app.call('sessions.defaults', { accommodationId: app.tutor.id })).toMatchObject({ date: '2026-10-15' });
    await app.call('calendar.save', {
      school: app.student.school,
      year: '2026-2027',
      firstDay: '2026-08-26',
      lastDay: '2027-06-11',
      breaks: [{ name: 'Fall break', from: '2026-10-14', to: '2026-10-16' }],
      reportingPeriods: [],
    });
    expect(await app.call('sessions.defaults', { accommodationId: app.tutor.id })).toMatchObject({ date: '2026-10-13' });
  });

  it('records a held session with its mentors, goals and a progress point per goal, in one go', async () => {
    const app = await supportedStudent();
    const session = await held(app, '2026-10-14', {
      goalIds: [app.math.id, app.engagement.id],
      note: 'Worked on word problems with a number line.',
      progress: [{ goalId: app.math.id, value: 55, setting: 'Math 7, guided practice' }],
    });
    expect(session).toEqual({
      id: expect.any(String),
      accommodationId: app.tutor.id,
      date: '2026-10-14',
      status: 'held',
      missReason: null,
      minutes: 20,
      note: 'Worked on word problems with a number line.',
      mentorIds: [app.mentor.id],
      goalIds: [app.math.id, app.engagement.id].sort(),
      progressPoints: [
        {
          id: expect.any(String),
          goalId: app.math.id,
          date: '2026-10-14',
          value: 55,
          setting: 'Math 7, guided practice',
          collectedBy: app.ctx.actor.staffId,
          source: 'session',
          sessionId: session.id,
          observationId: null,
          note: null,
        },
      ],
    });
    expect(await app.call('progressPoints.listForGoal', { goalId: app.math.id })).toEqual(session.progressPoints);
    const [event] = await app.call('audit.list', { action: 'session.created' });
    expect(event).toMatchObject({ entity: 'session', entityId: session.id });
    expect(event?.fields.sort()).toEqual(['accommodationId', 'date', 'goalIds', 'mentorIds', 'minutes', 'note', 'progress', 'status']);
    expect(auditText(app)).not.toContain('number line');
    expect(auditText(app)).not.toContain('guided practice');
  });

  it('answers with the session exactly as reading it back gives it (the answer is built from what was written)', async () => {
    const app = await supportedStudent();
    const [first, second] = [app.math.id, app.engagement.id].sort().reverse();
    const session = await held(app, '2026-10-14', {
      goalIds: [first, second, first],
      mentorIds: [app.mentor.id, app.mentor.id],
      note: '',
      progress: [
        { goalId: first, value: 3 },
        { goalId: second, value: -0 },
      ],
    });
    const [read] = await app.call('sessions.listForAccommodation', { accommodationId: app.tutor.id });
    expect(Object.is(session.progressPoints.find((point) => point.goalId === second)?.value, 0)).toBe(true);
    expect(session).toStrictEqual(read);
  });

  it('records a missed session with its reason and no minutes', async () => {
    const app = await supportedStudent();
    const session = await app.call('sessions.create', {
      accommodationId: app.tutor.id,
      date: '2026-10-12',
      status: 'missed',
      missReason: 'mentor_absent',
      minutes: 0,
      mentorIds: [app.mentor.id],
    });
    expect(session).toMatchObject({ status: 'missed', missReason: 'mentor_absent', minutes: 0, goalIds: [], progressPoints: [] });
  });

  it('refuses, in plain words, every session that does not fit the accommodation, and writes nothing', async () => {
    const app = await supportedStudent();
    await held(app, '2026-10-14');
    const stranger = await app.call('mentors.create', mentorInput({ preferredName: 'Rosa' }));
    const late = await app.call('mentors.create', mentorInput({ preferredName: 'Ines' }));
    await app.call('assignments.create', { mentorId: late.id, accommodationId: app.tutor.id, startDate: '2026-10-01' });
    const before = rowCounts(app);
    const base = { accommodationId: app.tutor.id, status: 'held' as const, minutes: 20, mentorIds: [app.mentor.id] };
    const cases: [Record<string, unknown>, string][] = [
      [{ date: '2026-10-19' }, 'A session cannot be logged for a day after today (2026-10-15).'],
      [{ date: '2026-10-10' }, 'Sessions are logged on school days, Monday to Friday.'],
      [{ date: '2026-09-07' }, "The date must fall inside the accommodation's dates (2026-09-08 to 2027-06-01)."],
      [{ date: '2026-10-12', minutes: 0 }, 'A held session lasts 1 to 240 minutes.'],
      [{ date: '2026-10-12', minutes: undefined }, 'A held session lasts 1 to 240 minutes.'],
      [{ date: '2026-10-12', missReason: 'other' }, 'A held session has no reason for missing it.'],
      [
        { date: '2026-10-12', status: 'missed', missReason: 'student_absent', minutes: 20 },
        'A missed session has no minutes: leave them at 0.',
      ],
      [{ date: '2026-10-12', status: 'missed', minutes: 0 }, 'Say why the session was missed.'],
      [
        {
          date: '2026-10-12',
          status: 'missed',
          missReason: 'other',
          minutes: 0,
          goalIds: [app.math.id],
          progress: [{ goalId: app.math.id, value: 50 }],
        },
        'A missed session has no progress to record.',
      ],
      [{ date: '2026-10-12', mentorIds: [stranger.id] }, 'Rosa is not assigned to this accommodation on that day.'],
      [{ date: '2026-09-30', mentorIds: [late.id] }, 'Ines is not assigned to this accommodation on that day.'],
      [{ date: '2026-10-12', goalIds: [app.rubric.id] }, 'A session can only address goals this accommodation serves.'],
      [
        { date: '2026-10-12', goalIds: [app.engagement.id], progress: [{ goalId: app.math.id, value: 50 }] },
        'A progress point can only be recorded for a goal the session addressed.',
      ],
      [
        {
          date: '2026-10-12',
          goalIds: [app.math.id],
          progress: [
            { goalId: app.math.id, value: 50 },
            { goalId: app.math.id, value: 60 },
          ],
        },
        'Record one progress point per goal addressed.',
      ],
      [
        { date: '2026-10-12', goalIds: [app.math.id], progress: [{ goalId: app.math.id, value: 120 }] },
        'This goal is measured as a percent: use 0 to 100.',
      ],
      [{ date: '2026-10-14' }, 'This accommodation already has a session logged on that day; edit that one instead.'],
    ];
    for (const [overrides, message] of cases) {
      await expect(app.call('sessions.create', { ...base, ...overrides } as never), message).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringContaining(message),
      });
    }
    // Every problem at once, so the teacher fixes them together.
    await expect(app.call('sessions.create', { ...base, date: '2026-10-10', minutes: 0, goalIds: [app.rubric.id] })).rejects.toMatchObject({
      message:
        'Sessions are logged on school days, Monday to Friday. A held session lasts 1 to 240 minutes. A session can only address goals this accommodation serves.',
    });
    await expect(app.call('sessions.create', { ...base, date: '2026-10-12', minutes: 241 })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('minutes'),
    });
    expect(rowCounts(app)).toEqual(before);
  });

  it('allows as many sessions on a day as the accommodation has slots that weekday', async () => {
    const app = await supportedStudent(({ call, tutor }) =>
      call('accommodations.update', {
        id: tutor.id,
        changes: {
          slots: [
            { day: 'mon', period: 3 },
            { day: 'mon', period: 6 },
            { day: 'wed', period: 3 },
          ],
        },
      }),
    );
    await held(app, '2026-10-12');
    await held(app, '2026-10-12');
    await expect(held(app, '2026-10-12')).rejects.toMatchObject({ message: expect.stringContaining('already has a session logged') });
  });

  it('is refused on a draft plan and on a superseded one', async () => {
    const app = await supportedStudent();
    const draft = await app.call('plans.create', planInput(app.student.id, { type: '504', status: 'draft' }));
    const draftSupport = await app.call('accommodations.create', accommodationInput(draft.id));
    await expect(
      app.call('sessions.create', { accommodationId: draftSupport.id, date: '2026-10-12', status: 'held', minutes: 20 }),
    ).rejects.toMatchObject({ code: 'forbidden', message: 'This plan is still a draft; sessions are logged once it is active.' });
    const amended = await app.call('plans.amend', { id: app.plan.id });
    await app.call('plans.activate', { id: amended.plan.id });
    await expect(held(app, '2026-10-12')).rejects.toMatchObject({
      code: 'forbidden',
      message: 'This plan is superseded and kept read-only. Sessions belong to the current plan.',
    });
  });
});

describe('editing and deleting a session', () => {
  it('a new date moves the progress points recorded with it; lists replace; null clears the note', async () => {
    const app = await supportedStudent();
    const session = await held(app, '2026-10-12', {
      goalIds: [app.math.id],
      note: 'Fractions.',
      progress: [{ goalId: app.math.id, value: 50 }],
    });
    const updated = await app.call('sessions.update', {
      id: session.id,
      changes: { date: '2026-10-14', goalIds: [app.math.id, app.engagement.id], note: null, minutes: 25 },
    });
    expect(updated).toMatchObject({
      date: '2026-10-14',
      minutes: 25,
      note: null,
      goalIds: [app.math.id, app.engagement.id].sort(),
      mentorIds: [app.mentor.id],
      progressPoints: [{ date: '2026-10-14', value: 50 }],
    });
    const [event] = await app.call('audit.list', { action: 'session.updated' });
    expect(event?.fields.sort()).toEqual(['date', 'goalIds', 'minutes', 'note']);
  });

  it('refuses changes that break it: a missed session with progress, a goal with a point left out, a taken day', async () => {
    const app = await supportedStudent();
    await held(app, '2026-10-14');
    const session = await held(app, '2026-10-12', { goalIds: [app.math.id], progress: [{ goalId: app.math.id, value: 50 }] });
    await expect(
      app.call('sessions.update', { id: session.id, changes: { status: 'missed', missReason: 'student_absent' } }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: 'A missed session has no progress to record.' });
    await expect(app.call('sessions.update', { id: session.id, changes: { goalIds: [] } })).rejects.toMatchObject({
      message: 'A goal with a progress point from this session stays addressed; delete the point first.',
    });
    await expect(app.call('sessions.update', { id: session.id, changes: { date: '2026-10-14' } })).rejects.toMatchObject({
      message: 'This accommodation already has a session logged on that day; edit that one instead.',
    });
    // Held → missed zeroes the minutes; missed → held asks for them again.
    const other = await held(app, '2026-10-07');
    expect(await app.call('sessions.update', { id: other.id, changes: { status: 'missed', missReason: 'schedule_change' } })).toMatchObject(
      {
        status: 'missed',
        minutes: 0,
        missReason: 'schedule_change',
      },
    );
    await expect(app.call('sessions.update', { id: other.id, changes: { status: 'held' } })).rejects.toMatchObject({
      message: 'A held session lasts 1 to 240 minutes.',
    });
    expect(await app.call('sessions.update', { id: other.id, changes: { status: 'held', minutes: 15 } })).toMatchObject({
      status: 'held',
      minutes: 15,
      missReason: null,
    });
  });

  it('deleting a session keeps its progress points as data without a session', async () => {
    const app = await supportedStudent();
    const session = await held(app, '2026-10-12', { goalIds: [app.math.id], progress: [{ goalId: app.math.id, value: 50 }] });
    expect(await app.call('sessions.delete', { id: session.id })).toEqual({});
    expect(await app.call('sessions.listForAccommodation', { accommodationId: app.tutor.id })).toEqual([]);
    expect(await app.call('progressPoints.listForGoal', { goalId: app.math.id })).toEqual([
      expect.objectContaining({ value: 50, source: 'session', sessionId: null }),
    ]);
    await expect(app.call('sessions.delete', { id: session.id })).rejects.toMatchObject({ code: 'not_found' });
    expect((await app.call('audit.list', { action: 'session.deleted' }))[0]).toMatchObject({ entityId: session.id });
  });

  it('lists an accommodation’s sessions newest first, within a range', async () => {
    const app = await supportedStudent();
    for (const date of ['2026-09-28', '2026-10-05', '2026-10-12']) await held(app, date);
    const all = await app.call('sessions.listForAccommodation', { accommodationId: app.tutor.id });
    expect(all.map((s) => s.date)).toEqual(['2026-10-12', '2026-10-05', '2026-09-28']);
    const some = await app.call('sessions.listForAccommodation', { accommodationId: app.tutor.id, from: '2026-10-01', to: '2026-10-09' });
    expect(some.map((s) => s.date)).toEqual(['2026-10-05']);
  });
});

describe('the week view', () => {
  it('shows Monday to Friday for every accommodation of the student’s active plans, with its sessions by day', async () => {
    // Accommodations that do not run that week, or belong to a draft plan, stay out.
    const app = await supportedStudent(async ({ call, planId }) => {
      const buddy = await call(
        'accommodations.create',
        accommodationInput(planId, {
          role: 'peer_buddy',
          settingClass: 'Lunch',
          slots: [
            { day: 'tue', period: 5 },
            { day: 'thu', period: 5 },
          ],
          startDate: '2026-10-15',
        }),
      );
      await call('accommodations.create', accommodationInput(planId, { settingClass: 'Art', startDate: '2026-11-02' }));
      return buddy;
    });
    const buddy = app.extra;
    const draft = await app.call('plans.create', planInput(app.student.id, { type: '504', status: 'draft' }));
    await app.call('accommodations.create', accommodationInput(draft.id, { settingClass: 'Science' }));
    const monday = await held(app, '2026-10-12');
    const wednesday = await app.call('sessions.create', {
      accommodationId: app.tutor.id,
      date: '2026-10-14',
      status: 'missed',
      missReason: 'schedule_change',
    });
    await held(app, '2026-10-07');

    const week = await app.call('sessions.week', { studentId: app.student.id, weekOf: '2026-10-15' });
    expect(week.weekStart).toBe('2026-10-12');
    expect(week.days).toEqual(['2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16']);
    expect(week.accommodations.map((a) => a.accommodation.settingClass)).toEqual(['Lunch', 'Math 7']);
    const [lunch, math] = week.accommodations;
    expect(lunch?.accommodation.id).toBe(buddy.id);
    // Tuesday is a slot day but before the accommodation starts.
    expect(lunch?.days.map((d) => [d.day, d.scheduled, d.sessions.length])).toEqual([
      ['mon', false, 0],
      ['tue', false, 0],
      ['wed', false, 0],
      ['thu', true, 0],
      ['fri', false, 0],
    ]);
    expect(math?.days.map((d) => [d.day, d.scheduled, d.sessions.map((s) => s.id)])).toEqual([
      ['mon', true, [monday.id]],
      ['tue', false, []],
      ['wed', true, [wednesday.id]],
      ['thu', false, []],
      ['fri', false, []],
    ]);
    expect(math?.accommodation).toMatchObject({ id: app.tutor.id, serves: [app.math.id, app.engagement.id].sort() });
    // A Sunday belongs to the week before it.
    expect((await app.call('sessions.week', { studentId: app.student.id, weekOf: '2026-10-18' })).weekStart).toBe('2026-10-12');
    await expect(app.call('sessions.week', { studentId: 'student-nobody', weekOf: TODAY })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('session rules (pure)', () => {
  it('names the plan’s dates when a session falls outside them', () => {
    const dates = {
      accommodation: { startDate: '2026-09-01', endDate: '2027-06-30' },
      plan: { startDate: '2026-09-08', endDate: '2027-06-15' },
    };
    expect(sessionProblems({ date: '2026-09-04', status: 'held', minutes: 20, missReason: null, progressCount: 0 }, dates, TODAY)).toEqual([
      'The date must fall inside the plan (2026-09-08 to 2027-06-15).',
    ]);
  });
});
