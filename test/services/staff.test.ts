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
