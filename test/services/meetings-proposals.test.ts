/**
 * Decisions at a meeting are proposals dated with the meeting; nothing in the plan changes until the
 * case manager applies each one after the meeting (audit-logged). The meeting summary PDF: the team
 * version names the mentors, the family's (English or Spanish) names none of them.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accommodations, assignments, auditEvents } from '../../db/schema';
import { AppError } from '../../src-main/contract';
import { PASSPHRASE } from '../fixtures/vault';
import { pdfText, reportStudent } from './reports-fixture';

async function meetingWithDecisions() {
  const app = await reportStudent();
  const meeting = await app.call('meetings.start', {
    studentId: app.student.id,
    language: 'es',
    attendees: [
      { name: 'Marisol Quixote', relation: 'madre' },
      { name: 'Avery Quill', relation: 'case manager' },
    ],
  });
  const view = await app.call('meetings.presenter', {});
  const buddy = view.accommodations.find((support) => support.role === 'peer_buddy');
  const tutor = view.accommodations.find((support) => support.role === 'peer_tutor');
  if (!buddy || !tutor) throw new Error('fixture: both supports are shown');
  const end = await app.call('meetings.decide', { decision: 'accommodation_end', accommodationId: buddy.accommodationId });
  const change = await app.call('meetings.decide', {
    decision: 'accommodation_change',
    accommodationId: tutor.accommodationId,
    text: 'Three times a week; Sam Rivera keeps the first step check.',
  });
  const mastered = await app.call('meetings.decide', { decision: 'goal_mastered', goalId: app.math.id });
  const note = await app.call('meetings.decide', { decision: 'note', text: 'Family asks for a monthly update by email.' });
  return { ...app, meeting, end, change, mastered, note };
}

describe('meeting decisions', () => {
  it('are kept as proposals, refused when incomplete, and change nothing until applied', { timeout: 120_000 }, async () => {
    const app = await meetingWithDecisions();
    expect(app.end).toMatchObject({ meetingDate: '2026-10-15', appliedAt: null, decision: 'accommodation_end' });
    expect(await app.dispatch('meetings.decide', { decision: 'accommodation_change', accommodationId: app.tutor.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await app.dispatch('meetings.decide', { decision: 'goal_keep' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // Nothing was applied during the meeting: the buddy support and its assignment still run.
    const buddyRow = app.db.select().from(accommodations).where(eq(accommodations.id, app.buddy.id)).get();
    expect(buddyRow?.endDate).toBe(app.buddy.endDate);

    await app.call('meetings.leave', { passphrase: PASSPHRASE });
    const [listed] = await app.call('meetings.list', { studentId: app.student.id });
    expect(listed?.proposals.map((proposal) => proposal.decision)).toEqual([
      'accommodation_end',
      'accommodation_change',
      'goal_mastered',
      'note',
    ]);

    const applied = await app.call('meetings.apply', { proposalId: app.end.id });
    expect(applied.appliedAt).not.toBeNull();
    expect(applied.appliedByName).toBe('Avery Quill');
    expect(app.db.select().from(accommodations).where(eq(accommodations.id, app.buddy.id)).get()?.endDate).toBe('2026-10-15');
    const running = app.db.select().from(assignments).where(eq(assignments.accommodationId, app.buddy.id)).all();
    expect(running.map((row) => [row.endDate, row.endReason])).toEqual([['2026-10-15', 'finished']]);
    expect(await app.dispatch('meetings.apply', { proposalId: app.end.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const mastered = await app.call('meetings.apply', { proposalId: app.mastered.id });
    expect(mastered).toMatchObject({ decision: 'goal_mastered', goalId: app.math.id });
    const events = app.db.select().from(auditEvents).where(eq(auditEvents.action, 'meeting.proposal_applied')).all();
    expect(events.map((event) => [event.entity, event.entityId])).toEqual([
      ['accommodation', app.buddy.id],
      ['goal', app.math.id],
    ]);
    // The trail holds the decision kinds, never the words typed at the meeting.
    expect(JSON.stringify(app.db.select().from(auditEvents).all())).not.toContain('monthly update');
  });

  it('cannot be applied while the meeting is on', { timeout: 120_000 }, async () => {
    const app = await meetingWithDecisions();
    expect(await app.dispatch('meetings.apply', { proposalId: app.end.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(() => app.session.context()).toThrow(AppError);
  });

  it('print in a summary for the team and one for the family with no mentor named', { timeout: 120_000 }, async () => {
    const app = await meetingWithDecisions();
    await app.call('meetings.leave', { passphrase: PASSPHRASE });
    await app.call('meetings.apply', { proposalId: app.end.id });

    const team = await app.call('meetings.summary', { meetingId: app.meeting.id, version: 'team' });
    const teamText = pdfText(Buffer.from(team.pdfBase64, 'base64'));
    for (const phrase of [
      'IEP meeting: decisions',
      'Marisol Quixote (madre)',
      'Avery Quill (case manager)',
      'October 15, 2026',
      'End',
      'Applied to the plan on October 15, 2026.',
      'Three times a week; Sam Rivera keeps the first step check.',
      'Goal mastered',
      'Family asks for a monthly update by email.',
      'Bartholomew Nakamura',
    ]) {
      expect(teamText).toContain(phrase);
    }

    const parent = await app.call('meetings.summary', { meetingId: app.meeting.id, version: 'parent', language: 'es' });
    const parentText = pdfText(Buffer.from(parent.pdfBase64, 'base64'));
    for (const phrase of ['Reunión del IEP: decisiones', 'Quiénes estuvieron', 'Marisol Quixote (madre)', 'Meta lograda', 'Terminar']) {
      expect(parentText).toContain(phrase);
    }
    expect(parentText).toContain('Three times a week; [a peer] keeps the first step check.'.replace('[a peer]', '[un compañero]'));
    for (const mentor of [app.mentor, app.priya, app.bart]) {
      for (const word of [mentor.firstName, mentor.lastName, mentor.localId, mentor.preferredName].filter(Boolean) as string[]) {
        expect(parentText).not.toContain(word);
      }
    }
    expect(parentText).not.toMatch(/undefined|NaN|null/);
    expect(teamText).not.toMatch(/undefined|NaN|null/);
  });
});
