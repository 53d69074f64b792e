import { copyFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { scrubNames } from '../../src-main/services/students/retention';
import { applyKey } from '../../src-main/vault/database';
import { unlockVault } from '../../src-main/vault/vault';
import { accommodationInput, goalInput, planInput, studentInput } from '../fixtures/program-input';
import { unlockedApp } from '../fixtures/unlocked-app';
import { PASSPHRASE, tempDir } from '../fixtures/vault';

const TRACES = ['Zebulon', 'Quixote', 'Marisol', 'S-100234'];

/** Decrypts a copy of the whole database file, free pages included, and returns its bytes. */
async function decryptedCopy(vaultDir: string): Promise<Buffer> {
  const vault = await unlockVault({ dir: vaultDir, secret: PASSPHRASE, kind: 'passphrase' });
  const key = Buffer.from(vault.dataKey);
  vault.db.pragma('wal_checkpoint(TRUNCATE)');
  vault.db.close();
  vault.dataKey.fill(0);
  const copy = join(tempDir(), 'copy.db');
  copyFileSync(join(vaultDir, 'peerpath.db'), copy);
  const db = new Database(copy);
  applyKey(db, key);
  db.pragma('journal_mode = DELETE');
  // Rekeying to no key rewrites every page of the file in plain form.
  db.pragma(`rekey = ''`);
  db.close();
  const bytes = readFileSync(copy);
  expect(bytes.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  return bytes;
}

/** A student with their name typed into every kind of free text a teacher writes. */
async function studentWithRecords() {
  const app = await unlockedApp();
  const student = await app.call('students.create', studentInput());
  const plan = await app.call('plans.create', planInput(student.id, { status: 'draft' }));
  const goal = await app.call('goals.create', goalInput(plan.id, { objectives: ['Zebulon explains each step aloud.'] }));
  const support = await app.call(
    'accommodations.create',
    accommodationInput(plan.id, { goalIds: [goal.id], notes: 'Zebulon (Z.Q., S-100234) prefers to sit near the window; ZQ said so.' }),
  );
  await app.call('plans.activate', { id: plan.id });
  await app.call('students.update', { id: student.id, changes: { preferredName: 'Zeb' } });
  await app.call('sessions.create', {
    accommodationId: support.id,
    date: '2026-09-30',
    status: 'held',
    minutes: 20,
    goalIds: [goal.id],
    note: 'Zebulon finished the set with his tutor.',
    progress: [{ goalId: goal.id, value: 55, note: 'Zeb checked his own work.' }],
  });
  await app.call('checkIns.create', {
    accommodationId: support.id,
    date: '2026-09-30',
    whatsWorking: 'Zebulon asks for help.',
    nextSteps: 'Let Quixote-Marchetti lead.',
  });
  await app.call('observations.record', {
    studentId: student.id,
    date: '2026-09-29',
    intervalSeconds: 15,
    intervals: [{ engaged: true, initiated: false, responded: true, nearAdult: false }],
    note: 'Zebulon was calm.',
  });
  await app.call('progressMarks.save', {
    goalId: goal.id,
    period: { label: 'Quarter 1', endsOn: '2026-11-06' },
    changes: { narrative: 'Zebulon is making steady progress.' },
  });
  // Attendees are the disclosure's recipients, which the audit trail keeps by design: a name of its own here.
  await app.call('meetings.start', { studentId: student.id, attendees: [{ name: 'Dana Whitlock', relation: 'aunt' }] });
  await app.call('meetings.decide', { decision: 'note', text: 'Zebulon wants to keep his tutor.' });
  await app.call('meetings.leave', { passphrase: PASSPHRASE });
  return { ...app, student, plan };
}

describe('purge', () => {
  it('leaves no trace of the student anywhere in the database file, free pages included', async () => {
    const { call, session, dir, student } = await studentWithRecords();
    // A second student stays, so the file is not simply empty afterwards.
    await call('students.create', studentInput({ localId: 'S-2', firstName: 'Philippa', lastName: 'Oyelaran', guardians: [] }));
    session.lock('user');
    const before = await decryptedCopy(dir);
    for (const trace of TRACES) expect(before.includes(Buffer.from(trace))).toBe(true);

    await session.unlock(PASSPHRASE);
    await expect(call('students.purge', { id: student.id, confirmLocalId: 'wrong' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await call('students.purge', { id: student.id, confirmLocalId: 'S-100234' })).toEqual({ mentionsScrubbed: 0 });
    expect(statSync(join(dir, 'peerpath.db-wal')).size).toBe(0);
    await expect(call('students.get', { id: student.id })).rejects.toMatchObject({ code: 'not_found' });
    expect((await call('students.list', {})).rows.map((row) => row.displayName)).toEqual(['Philippa Oyelaran']);
    const events = await call('audit.list', { entityId: student.id });
    expect(events[0]).toMatchObject({ action: 'student.purged', fields: [] });
    session.lock('user');

    const after = await decryptedCopy(dir);
    for (const trace of TRACES) expect({ trace, found: after.includes(Buffer.from(trace)) }).toEqual({ trace, found: false });
    expect(after.includes(Buffer.from('Philippa'))).toBe(true);
  });
});

describe('purge scrubs mentions in other records', () => {
  it("takes the purged student's names, number and initials out of another student's notes, in the same change", async () => {
    const { call, session, dir, student } = await studentWithRecords();
    const other = await call(
      'students.create',
      studentInput({ localId: 'S-2', firstName: 'Philippa', lastName: 'Oyelaran', guardians: [] }),
    );
    // Written while a draft, then made active: an active plan's goals change only by amendment.
    const plan = await call('plans.create', planInput(other.id, { status: 'draft' }));
    const goal = await call('goals.create', goalInput(plan.id, { objectives: ['Works with Zebulon on step one.'] }));
    const support = await call(
      'accommodations.create',
      accommodationInput(plan.id, { goalIds: [goal.id], notes: 'Philippa and Zeb Quixote-Marchetti (S-100234) share a table.' }),
    );
    await call('plans.activate', { id: plan.id });
    const note = 'Philippa read with Zebulon Quixote-Marchetti; Z.Q. helped her. Marisol Quixote came to watch.';
    await call('sessions.create', {
      accommodationId: support.id,
      date: '2026-09-30',
      status: 'held',
      minutes: 20,
      goalIds: [goal.id],
      note,
    });
    await call('checkIns.create', { accommodationId: support.id, date: '2026-09-30', whatsWorking: 'Philippa likes S-100234.' });

    const result = await call('students.purge', { id: student.id, confirmLocalId: 'S-100234' });
    expect(result).toEqual({ mentionsScrubbed: 5 });
    const [session0] = await call('sessions.listForAccommodation', { accommodationId: support.id });
    expect(session0?.note).toBe('Philippa read with a former student; a former student helped her. a former student came to watch.');
    const detail = await call('plans.get', { id: plan.id });
    expect(detail.accommodations[0]?.notes).toBe('Philippa and a former student (a former student) share a table.');
    expect(detail.goals[0]?.objectives).toEqual(['Works with a former student on step one.']);
    expect(detail.goals[0]?.statement).toBe('Given a set of two-step word problems, a former student will solve them with 80% accuracy.');
    const [event] = await call('audit.list', { entityId: student.id });
    expect(event).toMatchObject({ action: 'student.purged', fields: [] });
    const detailJson = session
      .db()
      .all<{ detail: string }>(sql`SELECT detail FROM audit_events WHERE action = 'student.purged'`)
      .map((row) => JSON.parse(row.detail));
    expect(detailJson).toEqual([{ mentionsScrubbed: 5 }]);
    const [checkIn] = await call('checkIns.listForStudent', { studentId: other.id });
    expect(checkIn?.whatsWorking).toBe('Philippa likes a former student.');

    session.lock('user');
    const after = await decryptedCopy(dir);
    for (const trace of TRACES) expect({ trace, found: after.includes(Buffer.from(trace)) }).toEqual({ trace, found: false });
    expect(after.includes(Buffer.from('Philippa read with'))).toBe(true);
  });

  it('leaves a name alone that someone still in the vault shares', async () => {
    const { call, student } = await studentWithRecords();
    const other = await call(
      'students.create',
      studentInput({ localId: 'S-2', firstName: 'Zebulon', lastName: 'Oyelaran', guardians: [] }),
    );
    const plan = await call('plans.create', planInput(other.id, { status: 'draft' }));
    const support = await call('accommodations.create', accommodationInput(plan.id, { notes: 'Zebulon sits with Quixote-Marchetti.' }));
    expect(await call('students.purge', { id: student.id, confirmLocalId: 'S-100234' })).toEqual({ mentionsScrubbed: 1 });
    const detail = await call('plans.get', { id: plan.id });
    expect(detail.accommodations.find((a) => a.id === support.id)?.notes).toBe('Zebulon sits with a former student.');
  });
});

describe('de-identify', () => {
  it('keeps the program data and removes identity, including names in free text', async () => {
    const { call, session, dir, student, plan } = await studentWithRecords();
    const result = await call('students.deidentify', { id: student.id, confirmLocalId: 'S-100234' });
    expect(result).toMatchObject({ status: 'deidentified', firstName: 'Student', preferredName: null, dateOfBirth: null, guardians: [] });
    const detail = await call('plans.get', { id: plan.id });
    expect(detail.goals[0]?.statement).toBe('Given a set of two-step word problems, the student will solve them with 80% accuracy.');
    // The same name rule as a parent report's: the student number and initials go too.
    expect(detail.accommodations[0]?.notes).toBe(
      'the student (the student, the student) prefers to sit near the window; the student said so.',
    );
    await expect(call('students.update', { id: student.id, changes: { grade: 9 } })).rejects.toMatchObject({ code: 'forbidden' });
    const [meeting] = await call('meetings.list', { studentId: student.id });
    expect(meeting?.attendees).toEqual([{ name: 'Attendee 1', relation: 'aunt' }]);
    expect(meeting?.proposals[0]?.text).toBe('the student wants to keep his tutor.');
    session.lock('user');
    const bytes = await decryptedCopy(dir);
    for (const trace of TRACES) expect({ trace, found: bytes.includes(Buffer.from(trace)) }).toEqual({ trace, found: false });
  });

  it('scrubs whole words only, any case, hyphenated parts too', () => {
    expect(scrubNames('ZEBULON and zebulon; Zebulonian stays; Quixote-Marchetti too', ['Zebulon', 'Quixote-Marchetti'])).toBe(
      'the student and the student; Zebulonian stays; the student too',
    );
  });
});
