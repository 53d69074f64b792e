/**
 * The session's own writes (members, settings, secrets, backups) each land with their vault event
 * in the audit trail, and the audited write path refuses a change that records nothing.
 */
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { settings } from '../../db/schema';
import { change } from '../../src-main/services/context';
import { unlockedApp } from '../fixtures/unlocked-app';
import { OTHER_PASSPHRASE, PASSPHRASE, tempDir } from '../fixtures/vault';

describe('the session writes through its one path, and says so in the audit trail', () => {
  it('records each change to the team, the settings and the secrets as a vault event', async () => {
    const { session, call } = await unlockedApp();
    const member = await session.addMember({ name: 'Blair Ondine', role: 'counselor', passphrase: OTHER_PASSPHRASE });
    expect((await call('staff.list', {})).find((s) => s.name === 'Blair Ondine')).toMatchObject({ hasVaultAccess: true });
    await session.removeMember(member.slotId);
    expect(session.members().map((m) => m.name)).toEqual(['Avery Quill']);
    expect((await call('staff.list', {})).find((s) => s.name === 'Blair Ondine')).toMatchObject({ hasVaultAccess: false });
    expect(session.updateSettings({ autoLockMinutes: 25 })).toEqual({ autoLockMinutes: 25 });
    await session.changePassphrase({ currentPassphrase: PASSPHRASE, newPassphrase: 'orchid glacier tambourine velvet' });
    await session.newRecoveryKey();
    session.backup(join(tempDir(), 'team.ppbak'));

    const events = await call('audit.list', { entity: 'vault', limit: 50 });
    expect(events.map((event) => [event.action, event.entityId]).reverse()).toEqual([
      ['vault.unlocked', 'vault'],
      ['vault.created', 'vault'],
      ['vault.member_added', member.slotId],
      ['vault.member_removed', member.slotId],
      // Removing a member, changing a passphrase and replacing the recovery key each re-key the vault.
      ['vault.key_rotated', 'vault'],
      ['settings.updated', 'vault'],
      ['vault.passphrase_changed', session.status().member?.slotId],
      ['vault.key_rotated', 'vault'],
      ['vault.recovery_key_replaced', 'vault'],
      ['vault.key_rotated', 'vault'],
      ['vault.backup_written', expect.any(String)],
    ]);
    expect(events.every((event) => event.actorName === 'Avery Quill')).toBe(true);
    expect(await call('audit.verify', {})).toMatchObject({ ok: true });

    session.lock('user');
    await session.unlock('orchid glacier tambourine velvet');
    expect(session.getSettings()).toEqual({ autoLockMinutes: 25 });
  });

  it('lets go of the database when it locks, and then refuses every read', async () => {
    const { session } = await unlockedApp();
    const db = session.db();
    expect(session.lock('idle').state).toBe('locked');
    expect(db.$client.open).toBe(false);
    expect(() => session.context()).toThrow(expect.objectContaining({ code: 'locked' }));
    expect(() => session.readerAccess()).toThrow(expect.objectContaining({ code: 'locked' }));
  });

  it('refuses a change that records nothing, and keeps nothing of it', async () => {
    const { session } = await unlockedApp();
    const ctx = session.context();
    expect(() =>
      change(ctx, (tx) => {
        tx.insert(settings).values({ key: 'unrecorded', value: 'true' }).run();
        return { result: undefined, record: [] };
      }),
    ).toThrow(/must record what it changed/);
    expect(ctx.db.select().from(settings).where(eq(settings.key, 'unrecorded')).all()).toEqual([]);
  });
});
