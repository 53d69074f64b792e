/**
 * Meeting mode hands the room only scrubbed text: every channel it allows, called during a meeting
 * whose proposals and attendees name another student and the peers, answers JSON in which none of
 * their names, numbers or ids appears. Table-driven over `MEETING_MODE_CHANNELS`: a channel added to
 * meeting mode later fails here until it has a row (and then is checked like the rest).
 */
import { describe, expect, it } from 'vitest';
import { MEETING_MODE_CHANNELS } from '../../src-main/api/handlers/meetings';
import type { Channel } from '../../src-main/contract';
import { studentInput } from '../fixtures/program-input';
import { PASSPHRASE } from '../fixtures/vault';
import { reportStudent } from './reports-fixture';

type App = Awaited<ReturnType<typeof inMeetingNamingOthers>>;

async function inMeetingNamingOthers() {
  const app = await reportStudent();
  const other = await app.call('students.create', studentInput({ localId: 'S-999001', firstName: 'Ottoline', lastName: 'Vexley' }));
  const { recoveryKey } = await app.call('vault.newRecoveryKey', {});
  const meeting = await app.call('meetings.start', {
    studentId: app.student.id,
    language: 'en',
    attendees: [
      { name: 'Marisol Quixote', relation: 'mother' },
      // A peer in the room is still shown by role.
      { name: `${app.bart.firstName} ${app.bart.lastName}`, relation: 'peer buddy' },
    ],
  });
  return { ...app, other, recoveryKey, meeting };
}

/** Each allowed channel's call, in the order run: the lock comes before the unlocks, leaving last. */
const CALLS: Record<string, (app: App) => unknown> = {
  'vault.status': () => ({}),
  'vault.activity': () => ({}),
  'vault.assessPassphrase': (app) => ({ passphrase: 'x', context: [app.other.firstName] }),
  'settings.get': () => ({}),
  'meetings.decide': (app) => ({
    decision: 'note',
    text: `Like ${app.other.firstName} ${app.other.lastName} (${app.other.localId}), ${app.priya.preferredName} and ${app.bart.firstName} help; ${app.mentor.firstName} ${app.mentor.lastName} too.`,
  }),
  'meetings.current': () => ({}),
  'meetings.presenter': () => ({}),
  'vault.lock': () => ({}),
  'vault.unlockWithRecoveryKey': (app) => ({ recoveryKey: app.recoveryKey }),
  // Unlocked again with the passphrase, so leaving checks the member's own slot.
  'vault.unlock': (app) => {
    app.session.lock('user');
    return { passphrase: PASSPHRASE };
  },
  'meetings.leave': () => ({ passphrase: PASSPHRASE }),
};

function namesOf(person: { id: string; firstName: string; lastName: string; preferredName?: string | null; localId: string }): string[] {
  return [person.id, person.firstName, person.lastName, person.preferredName ?? '', person.localId].filter((word) => word.length > 1);
}

describe('meeting mode answers only scrubbed content', () => {
  it('names no other student and no peer in any allowed channel’s answer', { timeout: 120_000 }, async () => {
    expect(Object.keys(CALLS).sort()).toEqual([...MEETING_MODE_CHANNELS].sort());
    const app = await inMeetingNamingOthers();
    const hidden = [app.other, app.mentor, app.priya, app.bart].flatMap(namesOf);
    // A decision recorded before the calls, so `meetings.current` has text to leak from the start.
    await app.call('meetings.decide', { decision: 'note', text: `${app.other.firstName} and ${app.priya.firstName} sat in.` });

    const leaks: string[] = [];
    for (const [channel, input] of Object.entries(CALLS)) {
      const result = await app.dispatch(channel as Channel, input(app));
      expect(result, channel).toMatchObject({ ok: true });
      const answer = JSON.stringify(result);
      for (const word of hidden) if (answer.includes(word)) leaks.push(`${channel}: ${word}`);
    }
    expect(leaks).toEqual([]);
    // The answers were about something: the scrubbed words stand where the names were.
    const ended = await app.call('meetings.list', { studentId: app.student.id });
    expect(ended[0]?.proposals[0]?.text).toContain(app.other.firstName);
  });

  it('keeps the meeting’s own student named in what it returns', { timeout: 120_000 }, async () => {
    const app = await inMeetingNamingOthers();
    const proposal = await app.call('meetings.decide', {
      decision: 'note',
      text: `${app.student.firstName} and ${app.other.firstName} agree.`,
    });
    expect(proposal.text).toBe(`${app.student.firstName} and [a peer] agree.`);
    const current = await app.call('meetings.current', {});
    expect(current?.attendees.map((attendee) => attendee.name)).toEqual(['Marisol Quixote', '[a peer]']);
  });
});
