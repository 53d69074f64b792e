/**
 * Meeting mode: entering it records a disclosure to the attendees; while it is on, the session
 * refuses every channel but the meeting's own and the vault's status/lock/unlock — through the real
 * dispatch and by calling every handler directly; only the meeting's student is reachable; leaving
 * takes the acting member's passphrase, with the growing wait after wrong ones.
 */
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src-main/api/handlers';
import { MEETING_MODE_CHANNELS } from '../../src-main/api/handlers/meetings';
import { AppError, CHANNELS, type Channel } from '../../src-main/contract';
import { studentInput } from '../fixtures/program-input';
import { OTHER_PASSPHRASE, PASSPHRASE } from '../fixtures/vault';
import { reportStudent } from './reports-fixture';

/** The channels meeting mode answers; every other one must be refused. */
const ALLOWED = MEETING_MODE_CHANNELS;

const ATTENDEES = [
  { name: 'Marisol Quixote', relation: 'mother' },
  { name: 'Avery Quill', relation: 'case manager' },
];

async function inMeeting() {
  const app = await reportStudent();
  const other = await app.call('students.create', studentInput({ localId: 'S-999001', firstName: 'Otto', lastName: 'Other' }));
  const meeting = await app.call('meetings.start', { studentId: app.student.id, language: 'en', attendees: ATTENDEES });
  return { ...app, other, meeting };
}

describe('meeting mode', () => {
  it('refuses every channel but the meeting and the lock while it is on', { timeout: 120_000 }, async () => {
    const app = await inMeeting();
    expect(app.session.meetingMode()).toEqual({ meetingId: app.meeting.id, studentId: app.student.id });

    // Through the dispatch, with valid input: another student, the list, reports, exports, settings.
    for (const [channel, input] of [
      ['students.get', { id: app.other.id }],
      ['students.get', { id: app.student.id }],
      ['students.list', {}],
      ['mentors.list', {}],
      ['caseload.dashboard', {}],
      ['reports.preview', { request: { kind: 'team_summary', studentId: app.student.id } }],
      ['vault.members', {}],
      ['settings.update', { autoLockMinutes: 30 }],
      ['meetings.start', { studentId: app.other.id, attendees: ATTENDEES }],
      ['meetings.list', { studentId: app.student.id }],
      ['vault.createDemo', {}],
    ] as const) {
      const result = await app.dispatch(channel, input);
      expect(result, channel).toMatchObject({ ok: false });
      if (!result.ok && result.error.code !== 'invalid_input' && result.error.code !== 'unknown_channel') {
        expect(result.error.code, channel).toBe('forbidden');
      }
    }

    // Every handler of the contract, called directly (no input validation in the way).
    const handlers = createHandlers(app.session) as Record<Channel, (input: unknown) => unknown>;
    const refused: string[] = [];
    for (const channel of CHANNELS) {
      if (ALLOWED.has(channel)) continue;
      let code: string | null = null;
      try {
        await handlers[channel]({ id: app.other.id, studentId: app.other.id });
      } catch (error) {
        code = error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
      }
      if (code !== 'forbidden') refused.push(`${channel}: ${code}`);
    }
    expect(refused).toEqual([]);

    // The meeting's own channels answer, and only about its student.
    expect((await app.call('meetings.current', {}))?.studentId).toBe(app.student.id);
    const view = await app.call('meetings.presenter', {});
    expect(view.studentName).toContain('Quixote-Marchetti');
    expect((await app.call('vault.status', {})).state).toBe('unlocked');
  });

  it('survives a lock, and leaving takes the acting member’s passphrase with a growing wait', { timeout: 120_000 }, async () => {
    const app = await inMeeting();
    await app.call('vault.lock', {});
    await app.call('vault.unlock', { passphrase: PASSPHRASE });
    expect((await app.dispatch('students.list', {})).ok).toBe(false);

    const first = await app.dispatch('meetings.leave', { passphrase: OTHER_PASSPHRASE });
    expect(first).toMatchObject({ ok: false, error: { code: 'wrong_secret' } });
    const second = await app.dispatch('meetings.leave', { passphrase: 'not it either' });
    expect(second).toMatchObject({ ok: false, error: { code: 'wrong_secret' } });
    // After the second failure the next attempt must wait, even with the right passphrase.
    const third = await app.dispatch('meetings.leave', { passphrase: PASSPHRASE });
    expect(third).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(app.session.meetingMode()).not.toBeNull();
  });

  it('ends with the right passphrase and is listed as a disclosure to the attendees', { timeout: 120_000 }, async () => {
    const app = await inMeeting();
    const ended = await app.call('meetings.leave', { passphrase: PASSPHRASE });
    expect(ended.endedAt).not.toBeNull();
    expect(app.session.meetingMode()).toBeNull();
    expect((await app.call('students.list', {})).total).toBeGreaterThan(1);

    const disclosures = await app.call('reports.disclosures', { studentId: app.student.id });
    expect(disclosures).toEqual([
      expect.objectContaining({
        use: 'disclosure',
        subject: 'student',
        subjectId: app.student.id,
        recipient: 'Marisol Quixote (mother); Avery Quill (case manager)',
        purpose: 'IEP meeting on 2026-10-15, shown on screen in meeting mode',
        preparedOn: '2026-10-15',
        language: 'en',
      }),
    ]);
    // Not reachable once left: the meeting is over.
    expect(await app.dispatch('meetings.presenter', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('shows mentors only by role and grade, with names scrubbed from the check-ins', { timeout: 120_000 }, async () => {
    const app = await inMeeting();
    const view = await app.call('meetings.presenter', {});
    const shown = JSON.stringify(view);
    for (const mentor of [app.mentor, app.priya, app.bart]) {
      for (const word of [mentor.firstName, mentor.lastName, mentor.localId, mentor.preferredName].filter(Boolean)) {
        expect(shown).not.toContain(word);
      }
      expect(shown).not.toContain(mentor.id);
    }
    expect(shown).not.toContain('Otto');
    // The fixture's school has too few peer tutors per grade to name one: the description widens.
    expect(shown).toContain('a trained peer');
    expect(view.checkIns.map((checkIn) => checkIn.whatsWorking)).toContain(
      '[a peer] models the first step, then Zebulon finishes the problem alone.',
    );
    const spanish = await app.call('meetings.presenter', { language: 'es' });
    expect(spanish.goals[0]?.title).toMatch(/^Meta 1/);
    expect(spanish.language).toBe('es');
  });
});
