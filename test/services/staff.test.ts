import { describe, expect, it } from 'vitest';
import { unlockedApp } from '../fixtures/unlocked-app';

describe('staff', () => {
  it('creates, edits (clearing email and staff id), archives and restores', async () => {
    const { call } = await unlockedApp();
    const created = await call('staff.create', { name: 'Blair Ondine', role: 'counselor', email: 'b.ondine@example.org', localId: 'T-42' });
    expect(created).toMatchObject({ email: 'b.ondine@example.org', localId: 'T-42', hasVaultAccess: false, archived: false });
    expect(await call('staff.update', { id: created.id, changes: { email: null, localId: null } })).toMatchObject({
      email: null,
      localId: null,
    });
    await call('staff.archive', { id: created.id });
    expect((await call('staff.list', {})).map((s) => s.name)).toEqual(['Avery Quill']);
    await call('staff.restore', { id: created.id });
    expect((await call('staff.list', {})).map((s) => s.name)).toEqual(['Avery Quill', 'Blair Ondine']);
  });

  it('refuses to archive a staff member who can open the vault', async () => {
    const { call } = await unlockedApp();
    const [me] = await call('staff.list', {});
    await expect(call('staff.archive', { id: me?.id ?? '' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('vault events are filed under the vault in the audit trail', async () => {
    const { call } = await unlockedApp();
    const events = await call('audit.list', { entity: 'vault' });
    expect(events.map((event) => event.action)).toEqual(['vault.created', 'vault.unlocked']);
  });
});

describe('staff refusals in plain words, never "internal"', () => {
  it('refuses a duplicate staff id on create and update with its own code', async () => {
    const { call } = await unlockedApp();
    const first = await call('staff.create', { name: 'Blair Ondine', role: 'counselor', localId: 'T-42' });
    await expect(call('staff.create', { name: 'Casey Prill', role: 'counselor', localId: ' T-42 ' })).rejects.toMatchObject({
      code: 'conflict',
      message: 'A staff member already has that staff id.',
    });
    const second = await call('staff.create', { name: 'Casey Prill', role: 'counselor', localId: 'T-43' });
    await expect(call('staff.update', { id: second.id, changes: { localId: 'T-42' } })).rejects.toMatchObject({
      code: 'conflict',
      message: 'A staff member already has that staff id.',
    });
    // Keeping one's own id is not a duplicate.
    expect(await call('staff.update', { id: first.id, changes: { localId: 'T-42', name: 'Blair Ondine-Ray' } })).toMatchObject({
      localId: 'T-42',
      name: 'Blair Ondine-Ray',
    });
  });

  it('refuses a blank staff id (create and update) and an empty change', async () => {
    const { call } = await unlockedApp();
    await expect(call('staff.create', { name: 'Blair Ondine', role: 'counselor', localId: '   ' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^Staff id: /),
    });
    const member = await call('staff.create', { name: 'Blair Ondine', role: 'counselor' });
    await expect(call('staff.update', { id: member.id, changes: { localId: '' } })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call('staff.update', { id: member.id, changes: {} })).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'Nothing to change: give at least one field.',
    });
    expect((await call('staff.list', {})).map((s) => s.localId)).toEqual([null, null]);
  });
});
