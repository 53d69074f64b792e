/**
 * The backups the vault wrote are recorded, so after a data-key rotation the ones made before it —
 * which still open with the passphrases of their day — are listed as such and can be deleted: by
 * their recorded id only, never a path, and only while the file is still that backup. The rotation
 * is simulated by its audit event (`vault.key_rotated`), which is all the listing reads.
 */
import { copyFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPeerpath } from '../../src-main/api/app';
import type { RecordedBackup } from '../../src-main/contract';
import { KEY_ROTATED } from '../../src-main/services/backups';
import { change } from '../../src-main/services/context';
import { PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

async function vaultWithClock() {
  const root = tempDir();
  let now = Date.parse('2026-10-01T15:00:00Z');
  const app = createPeerpath({ dir: join(root, 'vault'), kdfCost: TEST_KDF, now: () => now, commandLine: true });
  await app.session.create({ memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE });
  return {
    ...app,
    root,
    /** Moves the clock on by an hour. */
    later: () => {
      now += 3_600_000;
    },
    rotate: () =>
      change(app.session.context(), () => ({ result: null, record: { action: KEY_ROTATED, entity: 'vault', entityId: 'vault' } })),
    backups: async () => {
      const result = await app.dispatch('vault.backups', {});
      if (!result.ok) throw new Error(result.error.message);
      return result.value as RecordedBackup[];
    },
    auditActions: () => app.session.context().db.all<{ action: string }>('SELECT action FROM audit_events ORDER BY id'),
  };
}

describe('backups made before a key rotation', () => {
  it('lists a recorded backup made before the rotation as pre-rotation, and deletes it by id', { timeout: 60_000 }, async () => {
    const app = await vaultWithClock();
    const before = join(app.root, 'before.ppbak');
    const after = join(app.root, 'after.ppbak');
    expect((await app.dispatch('vault.backup', { file: before })).ok).toBe(true);
    expect(await app.backups()).toEqual([
      expect.objectContaining({ path: before, madeAt: '2026-10-01T15:00:00.000Z', preRotation: false }),
    ]);

    app.later();
    app.rotate();
    app.later();
    expect((await app.dispatch('vault.backup', { file: after })).ok).toBe(true);
    const listed = await app.backups();
    expect(listed.map(({ path, preRotation }) => ({ path, preRotation }))).toEqual([
      { path: after, preRotation: false },
      { path: before, preRotation: true },
    ]);

    const old = listed[1];
    if (!old) throw new Error('the pre-rotation backup was not listed');
    expect(await app.dispatch('vault.deleteBackup', { id: old.id })).toEqual({ ok: true, value: {} });
    expect(existsSync(before)).toBe(false);
    expect(existsSync(after)).toBe(true);
    expect((await app.backups()).map((backup) => backup.path)).toEqual([after]);
    expect(app.auditActions().map((row) => row.action)).toContain('vault.backup_deleted');
    // Deleted once: the id names nothing any more.
    expect(await app.dispatch('vault.deleteBackup', { id: old.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // A backup removed outside Peerpath is no longer listed.
    rmSync(after);
    expect(await app.backups()).toEqual([]);
  });

  it('cannot delete a file it did not record, nor a recorded path that now holds something else', { timeout: 60_000 }, async () => {
    const app = await vaultWithClock();
    const recorded = join(app.root, 'recorded.ppbak');
    await app.dispatch('vault.backup', { file: recorded });
    const copy = join(app.root, 'copy.ppbak');
    copyFileSync(recorded, copy);

    // A path is not an id, and an id never recorded names nothing.
    expect(await app.dispatch('vault.deleteBackup', { id: copy } as never)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await app.dispatch('vault.deleteBackup', { id: '0f0e8a4e-4f51-4c2a-9d7e-3c2b1a000000' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(existsSync(copy)).toBe(true);
    expect((await app.backups()).map((backup) => backup.path)).toEqual([recorded]);

    // The recorded path now holds another file: left alone.
    const [listed] = await app.backups();
    writeFileSync(recorded, 'not the backup any more');
    expect(await app.dispatch('vault.deleteBackup', { id: listed?.id ?? '' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(existsSync(recorded)).toBe(true);
  });
});
