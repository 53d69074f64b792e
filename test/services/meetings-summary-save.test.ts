/**
 * Saving the meeting summary like any report: only where the save dialog said, never over a file,
 * never during the meeting; the family's version (no mentor named) recorded as a disclosure to the
 * people at the meeting, the team's as internal use.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import type { FileDialogs } from '../../src-main/api/handlers/files';
import type { Channel, InputOf, OutputOf } from '../../src-main/contract';
import { PASSPHRASE, tempDir } from '../fixtures/vault';
import { pdfText, reportStudent } from './reports-fixture';

async function meetingWithDecisions() {
  const app = await reportStudent();
  const folder = tempDir();
  const dialogs: FileDialogs = {
    chooseSavePath: async ({ suggestedName }) => join(folder, suggestedName),
    chooseFolder: async () => folder,
  };
  const dispatch = createDispatch(createHandlers(app.session, { dialogs }));
  async function ui<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
    const result = await dispatch(channel, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value as OutputOf<C>;
  }
  const meeting = await app.call('meetings.start', {
    studentId: app.student.id,
    language: 'es',
    attendees: [
      { name: 'Marisol Quixote', relation: 'madre' },
      { name: 'Avery Quill', relation: 'case manager' },
    ],
  });
  const view = await app.call('meetings.presenter', {});
  const tutor = view.accommodations.find((support) => support.role === 'peer_tutor');
  if (!tutor) throw new Error('fixture: the tutor support is shown');
  await app.call('meetings.decide', {
    decision: 'accommodation_change',
    accommodationId: tutor.accommodationId,
    text: 'Three times a week; Sam Rivera keeps the first step check.',
  });
  await app.call('meetings.decide', { decision: 'goal_mastered', goalId: app.math.id });
  await app.call('meetings.decide', { decision: 'note', text: 'Family asks for a monthly update by email.' });
  return { ...app, meeting, folder, ui };
}

describe('saving the meeting summary', () => {
  it('writes where the dialog said, never over a file; the family version is a disclosure to the attendees', {
    timeout: 120_000,
  }, async () => {
    const app = await meetingWithDecisions();
    const parent = { meetingId: app.meeting.id, version: 'parent' as const, language: 'es' };
    const chosen = join(app.folder, 'family.pdf');
    // Not during the meeting: the room cannot take a file away.
    await expect(app.ui('meetings.saveSummary', { ...parent, path: chosen })).rejects.toMatchObject({ code: 'forbidden' });
    await app.call('meetings.leave', { passphrase: PASSPHRASE });

    // Only a path chosen in the save dialog.
    await expect(app.ui('meetings.saveSummary', { ...parent, path: chosen })).rejects.toMatchObject({ code: 'forbidden' });
    expect(existsSync(chosen)).toBe(false);
    const { fileName } = await app.ui('meetings.summary', parent);
    const { path } = await app.ui('files.chooseSavePath', { title: 'Save the meeting summary', suggestedName: fileName, filter: 'pdf' });
    const saved = await app.ui('meetings.saveSummary', { ...parent, path: path ?? '' });
    expect(saved).toMatchObject({ path: join(app.folder, 'S-100234 Quixote-Marchetti – meeting summary (family, es) – 2026-10-15.pdf') });

    const familyText = pdfText(readFileSync(saved.path));
    for (const phrase of [
      'Reunión del IEP: decisiones',
      'Marisol Quixote (madre)',
      'Meta lograda',
      'Three times a week; [un compañero] keeps the first step check.',
      'Family asks for a monthly update by email.',
    ]) {
      expect(familyText).toContain(phrase);
    }
    for (const mentor of [app.mentor, app.priya, app.bart]) {
      for (const word of [mentor.firstName, mentor.lastName, mentor.localId, mentor.preferredName].filter(Boolean) as string[]) {
        expect(familyText).not.toContain(word);
      }
    }

    // The team's version, saved from the command line's side (no dialog there): mentors named, internal use.
    const teamPath = join(app.folder, 'team.pdf');
    await app.call('meetings.saveSummary', { meetingId: app.meeting.id, version: 'team', language: 'en', path: teamPath });
    const teamText = pdfText(readFileSync(teamPath));
    for (const phrase of ['IEP meeting: decisions', 'Goal mastered', 'Three times a week; Sam Rivera keeps the first step check.']) {
      expect(teamText).toContain(phrase);
    }

    // Never over a file, and a refused save records nothing.
    writeFileSync(join(app.folder, 'taken.pdf'), 'keep me');
    await expect(app.call('meetings.saveSummary', { ...parent, path: join(app.folder, 'taken.pdf') })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(readFileSync(join(app.folder, 'taken.pdf'), 'utf8')).toBe('keep me');

    const disclosures = await app.call('reports.disclosures', { studentId: app.student.id });
    expect(disclosures.filter((row) => row.report === 'meeting_summary')).toEqual([
      expect.objectContaining({ use: 'internal_use', recipient: null, purpose: null, language: 'en', preparedOn: '2026-10-15' }),
      expect.objectContaining({
        use: 'disclosure',
        subject: 'student',
        subjectId: app.student.id,
        recipient: 'Marisol Quixote (madre); Avery Quill (case manager)',
        purpose: 'Summary of the IEP meeting on 2026-10-15',
        language: 'es',
        from: app.meeting.from,
        to: app.meeting.to,
      }),
    ]);
  });
});
