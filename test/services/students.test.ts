import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPeerpath } from '../../src-main/api/app';
import { studentInput } from '../fixtures/program-input';
import { PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

async function unlocked() {
  const app = createPeerpath({ dir: join(tempDir(), 'vault'), kdfCost: TEST_KDF, now: () => Date.parse('2026-10-01T15:00:00Z') });
  await app.session.create({ memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE });
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await app.dispatch(channel, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value as T;
  };
  return { ...app, call };
}

type Row = { id: string; displayName: string; localId: string; grade: number };

describe('students', () => {
  it('creates a student with guardians and shows the detail', async () => {
    const { call } = await unlocked();
    const created = await call<{ id: string; guardians: unknown[]; status: string }>('students.create', studentInput());
    expect(created).toMatchObject({ firstName: 'Zebulon', status: 'active', noLongerNeeded: false });
    expect(created.guardians).toEqual([expect.objectContaining({ name: 'Marisol Quixote', preferredLanguage: 'es' })]);
    expect(await call('students.get', { id: created.id })).toEqual(created);
  });

  it('refuses a second student with the same student number, in plain words', async () => {
    const { call } = await unlocked();
    await call('students.create', studentInput());
    await expect(call('students.create', studentInput({ firstName: 'Other' }))).rejects.toMatchObject({
      code: 'conflict',
      message: 'Another student already has student number S-100234.',
    });
  });

  it('validates at the boundary: grade range, real dates, an email that is an email', async () => {
    const { dispatch } = await unlocked();
    for (const bad of [
      studentInput({ grade: 14 }),
      studentInput({ dateOfBirth: '2013-02-30' }),
      { ...studentInput(), guardians: [{ name: 'X', relationship: 'aunt', email: 'not-an-email' }] },
    ]) {
      expect(await dispatch('students.create', bad)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('searches by name and id, filters and sorts, and counts the total', async () => {
    const { call } = await unlocked();
    const people = [
      ['S-1', 'José', 'Núñez', 8, 'North High'],
      ['S-2', 'Aaliyah', "O'Connor", 6, 'Riverside Middle School'],
      ['S-3', 'Nguyễn', 'Mai', 7, 'Riverside Middle School'],
      ['S-4', 'Søren', 'Ødegaard', 7, 'North High'],
    ] as const;
    for (const [localId, firstName, lastName, grade, school] of people) {
      await call('students.create', studentInput({ localId, firstName, lastName, grade, school, guardians: [] }));
    }
    const byName = await call<{ rows: Row[]; total: number }>('students.list', { query: 'núñ' });
    expect(byName.rows.map((row) => row.displayName)).toEqual(['José Núñez']);
    expect((await call<{ rows: Row[] }>('students.list', { query: 'S-3' })).rows.map((row) => row.localId)).toEqual(['S-3']);
    expect((await call<{ rows: Row[] }>('students.list', { query: "o'con" })).rows).toHaveLength(1);
    const grade7 = await call<{ rows: Row[]; total: number }>('students.list', { grade: 7, sort: 'name' });
    expect(grade7.rows.map((row) => row.displayName)).toEqual(['Nguyễn Mai', 'Søren Ødegaard']);
    const page = await call<{ rows: Row[]; total: number }>('students.list', { sort: 'grade', direction: 'desc', limit: 2 });
    expect(page.total).toBe(4);
    expect(page.rows.map((row) => row.grade)).toEqual([8, 7]);
    expect((await call<{ rows: Row[] }>('students.list', { query: '100%_' })).rows).toEqual([]);
  });

  it('archives (hidden from the list) and restores', async () => {
    const { call } = await unlocked();
    const { id } = await call<{ id: string }>('students.create', studentInput());
    await call('students.archive', { id });
    expect((await call<{ total: number }>('students.list', {})).total).toBe(0);
    expect((await call<{ total: number }>('students.list', { status: 'archived' })).total).toBe(1);
    await call('students.restore', { id });
    expect((await call<{ total: number }>('students.list', {})).total).toBe(1);
  });

  it('lists "no longer needed" candidates', async () => {
    const { call } = await unlocked();
    const { id } = await call<{ id: string }>('students.create', studentInput());
    await call('students.create', studentInput({ localId: 'S-2' }));
    await call('students.markNoLongerNeeded', { id, noLongerNeeded: true });
    expect((await call<{ rows: Row[] }>('students.list', { status: 'no_longer_needed' })).rows.map((row) => row.id)).toEqual([id]);
  });

  it('records who changed which fields, never the values', async () => {
    const { call, session } = await unlocked();
    const { id } = await call<{ id: string }>('students.create', studentInput());
    await call('students.update', { id, changes: { preferredName: 'Zeb', grade: 8 } });
    const events = await call<{ action: string; actorName: string; fields: string[]; entityId: string }[]>('audit.list', {
      entity: 'student',
    });
    expect(events.map((event) => [event.action, event.actorName, event.fields])).toEqual([
      ['student.updated', 'Avery Quill', ['preferredName', 'grade']],
      ['student.created', 'Avery Quill', ['localId', 'firstName', 'lastName', 'grade', 'school', 'guardians']],
    ]);
    const raw = JSON.stringify(session.db().$client.prepare('SELECT * FROM audit_events').all());
    for (const value of ['Zebulon', 'Quixote', 'Zeb"', 'Marisol', 'S-100234']) expect(raw).not.toContain(value);
  });
});

describe('editing a student', () => {
  it('clears the date of birth, preferred name and case manager with null, leaving the rest', async () => {
    const { call } = await unlocked();
    const [me] = await call<{ id: string }[]>('staff.list', {});
    const { id } = await call<{ id: string }>(
      'students.create',
      studentInput({ dateOfBirth: '2013-04-02', preferredName: 'Zeb', caseManagerId: me?.id }),
    );
    const edited = await call('students.update', { id, changes: { dateOfBirth: null, preferredName: null, caseManagerId: null } });
    expect(edited).toMatchObject({
      dateOfBirth: null,
      preferredName: null,
      caseManagerId: null,
      firstName: 'Zebulon',
      guardians: [expect.anything()],
    });
  });
});
