/**
 * A week of sessions at once (`sessions.createMany`, all or nothing, refusals naming the entry), the
 * defaults the week view starts each day with, and the weekend default: sessions are refused on
 * Saturday and Sunday, so "today" for a new session is the Friday before.
 */
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, progressPoints, sessions } from '../../db/schema';
import { latestSchoolDay } from '../../src-main/contract/calendar';
import { sessionDefaults } from '../../src-main/services/progress/session-views';
import { auditText, supportedStudent } from './progress-fixture';

type App = Awaited<ReturnType<typeof supportedStudent>>;

function rowCounts(app: App) {
  return {
    sessions: app.db.select({ n: count() }).from(sessions).get()?.n,
    points: app.db.select({ n: count() }).from(progressPoints).get()?.n,
    audit: app.db.select({ n: count() }).from(auditEvents).get()?.n,
  };
}

/** Monday and Wednesday of the fixture's week (the clock stands on Thursday 2026-10-15). */
function routineWeek(app: App) {
  return [
    {
      accommodationId: app.tutor.id,
      date: '2026-10-12',
      status: 'held' as const,
      minutes: 20,
      mentorIds: [app.mentor.id],
      goalIds: [app.math.id, app.engagement.id],
      progress: [{ goalId: app.math.id, value: 60 }],
    },
    {
      accommodationId: app.tutor.id,
      date: '2026-10-14',
      status: 'missed' as const,
      missReason: 'mentor_absent' as const,
      mentorIds: [],
      goalIds: [],
      progress: [],
    },
  ];
}

describe('saving a whole week at once', () => {
  it('writes every session with its progress points, and audits each one as sessions.create does', async () => {
    const app = await supportedStudent();
    const saved = await app.call('sessions.createMany', { sessions: routineWeek(app) });
    expect(saved.map((session) => [session.date, session.status, session.minutes, session.missReason])).toEqual([
      ['2026-10-12', 'held', 20, null],
      ['2026-10-14', 'missed', 0, 'mentor_absent'],
    ]);
    expect(saved[0]?.progressPoints).toEqual([expect.objectContaining({ goalId: app.math.id, value: 60, source: 'session' })]);
    expect(await app.call('progressPoints.listForGoal', { goalId: app.math.id })).toEqual(saved[0]?.progressPoints);

    const week = await app.call('sessions.week', { studentId: app.student.id, weekOf: '2026-10-12' });
    const math = week.accommodations.find((row) => row.accommodation.id === app.tutor.id);
    expect(math?.days.map((day) => day.sessions.map((session) => session.id))).toEqual([[saved[0]?.id], [], [saved[1]?.id], [], []]);

    const events = await app.call('audit.list', { action: 'session.created' });
    expect(events.map((event) => event.entityId).sort()).toEqual(saved.map((session) => session.id).sort());
    expect(events.every((event) => event.entity === 'session')).toBe(true);
  });

  it('one bad entry writes nothing, and the message names the accommodation and the day of each bad one', async () => {
    const app = await supportedStudent();
    const before = rowCounts(app);
    const [monday, wednesday] = routineWeek(app);
    if (!monday || !wednesday) throw new Error('routineWeek: two entries expected');
    await expect(app.call('sessions.createMany', { sessions: [monday, { ...wednesday, missReason: undefined }] })).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'Math 7 (peer tutor), Wednesday 2026-10-14: Say why the session was missed. Nothing was saved.',
    });
    await expect(
      app.call('sessions.createMany', {
        sessions: [
          { ...monday, minutes: 0 },
          { ...wednesday, date: '2026-10-16', status: 'held', minutes: 20, missReason: undefined },
        ],
      }),
    ).rejects.toMatchObject({
      message:
        'Math 7 (peer tutor), Monday 2026-10-12: A held session lasts 1 to 240 minutes. ' +
        'Math 7 (peer tutor), Friday 2026-10-16: A session cannot be logged for a day after today (2026-10-15). Nothing was saved.',
    });
    expect(rowCounts(app)).toEqual(before);
  });

  it('counts the entries before it in the same batch: two for one day are refused like a day already logged', async () => {
    const app = await supportedStudent();
    const [monday] = routineWeek(app);
    if (!monday) throw new Error('routineWeek: an entry expected');
    await expect(app.call('sessions.createMany', { sessions: [monday, { ...monday, progress: [] }] })).rejects.toMatchObject({
      message:
        'Math 7 (peer tutor), Monday 2026-10-12: This accommodation already has a session logged on that day; edit that one instead. Nothing was saved.',
    });
    await app.call('sessions.createMany', { sessions: [monday] });
    await expect(app.call('sessions.createMany', { sessions: [{ ...monday, progress: [] }] })).rejects.toMatchObject({
      message: expect.stringContaining('Monday 2026-10-12: This accommodation already has a session logged on that day'),
    });
  });

  it('names an entry whose plan is no longer the active one, and keeps notes out of the audit trail', async () => {
    const app = await supportedStudent();
    const [monday] = routineWeek(app);
    if (!monday) throw new Error('routineWeek: an entry expected');
    await app.call('sessions.createMany', { sessions: [{ ...monday, note: 'Used fraction tiles.' }] });
    expect(auditText(app)).not.toContain('fraction tiles');
    const amended = await app.call('plans.amend', { id: app.plan.id });
    await app.call('plans.activate', { id: amended.plan.id });
    await expect(app.call('sessions.createMany', { sessions: [{ ...monday, date: '2026-10-13', progress: [] }] })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^Math 7 \(peer tutor\), Tuesday 2026-10-13: This plan is superseded/),
    });
  });
});

describe('the defaults a new session starts with', () => {
  it('each day of the week view carries them: the usual minutes so far and the mentors assigned that day', async () => {
    const app = await supportedStudent();
    await app.call('sessions.create', {
      accommodationId: app.tutor.id,
      date: '2026-10-07',
      status: 'held',
      minutes: 25,
      mentorIds: [app.mentor.id],
      goalIds: [],
      progress: [],
    });
    const week = await app.call('sessions.week', { studentId: app.student.id, weekOf: '2026-10-05' });
    const days = week.accommodations[0]?.days ?? [];
    expect(days.map((day) => [day.date, day.defaults.minutes, day.defaults.minutesFrom])).toEqual([
      ['2026-10-05', 20, 'plan'],
      ['2026-10-06', 20, 'plan'],
      // The planned minutes every day, though a 25-minute session was logged on the Wednesday.
      ['2026-10-07', 20, 'plan'],
      ['2026-10-08', 20, 'plan'],
      ['2026-10-09', 20, 'plan'],
    ]);
    expect(days[0]?.defaults).toMatchObject({ mentorIds: [app.mentor.id], goalIds: [app.math.id, app.engagement.id].sort() });
  });

  it('on a weekend, a session without a date starts on the Friday before', async () => {
    const app = await supportedStudent();
    for (const [now, expected] of [
      ['2026-10-17T15:00:00Z', '2026-10-16'],
      ['2026-10-18T23:30:00Z', '2026-10-16'],
      ['2026-10-19T08:00:00Z', '2026-10-19'],
    ] as const) {
      const ctx = { ...app.ctx, now: () => new Date(now) };
      expect(sessionDefaults(ctx, { accommodationId: app.tutor.id }).date).toBe(expected);
    }
    // The channel answers the same way for the fixture's Thursday.
    expect((await app.call('sessions.defaults', { accommodationId: app.tutor.id })).date).toBe('2026-10-15');
  });

  it('latestSchoolDay keeps a school day and moves Saturday and Sunday back to Friday', () => {
    expect(['2026-10-12', '2026-10-16', '2026-10-17', '2026-10-18', '2027-01-02'].map(latestSchoolDay)).toEqual([
      '2026-10-12',
      '2026-10-16',
      '2026-10-16',
      '2026-10-16',
      '2027-01-01',
    ]);
  });
});
