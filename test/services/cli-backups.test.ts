/**
 * `peerpath vault backups [--delete <id>]`: backups written with `vault backup` are listed, the ones
 * made before a data-key rotation marked so; `--delete` removes one by its listed id, and a path in
 * its place is refused before anything is opened. Runs the built CLI.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KEY_ROTATED } from '../../src-main/services/backups';
import { change } from '../../src-main/services/context';
import { createVaultSession } from '../../src-main/services/vault-session';
import { peerpath, requireBuiltCli } from '../fixtures/cli';
import { PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

const UNLOCK = { PEERPATH_PASSPHRASE: PASSPHRASE };

describe('peerpath vault backups', () => {
  beforeAll(requireBuiltCli);

  it('lists backups, marks those made before a key rotation, and deletes one by id', { timeout: 180_000 }, async () => {
    const root = tempDir();
    const vault = join(root, 'vault');
    const session = createVaultSession({ dir: vault, kdfCost: TEST_KDF });
    await session.create({ memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE });
    session.lock('user');

    const old = join(root, 'old.ppbak');
    expect(peerpath(['vault', 'backup', old, '--vault', vault], UNLOCK)).toMatchObject({ code: 0 });
    // The rotation, as its audit event: all the listing reads of it.
    await session.unlock(PASSPHRASE);
    change(session.context(), () => ({ result: null, record: { action: KEY_ROTATED, entity: 'vault', entityId: 'vault' } }));
    session.lock('user');
    const fresh = join(root, 'fresh.ppbak');
    expect(peerpath(['vault', 'backup', fresh, '--vault', vault], UNLOCK)).toMatchObject({ code: 0 });

    const listed = peerpath(['vault', 'backups', '--vault', vault], UNLOCK);
    expect(listed.code).toBe(0);
    const rows = listed.out
      .trim()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(rows.slice(0, 2).map((row) => [row[3], row[4]])).toEqual([
      ['current key', fresh],
      ['before key rotation', old],
    ]);
    expect(listed.out).toContain('delete them with --delete <id>');

    expect(peerpath(['vault', 'backups', '--delete', old, '--vault', vault], UNLOCK)).toMatchObject({ code: 2 });
    expect(existsSync(old)).toBe(true);

    const id = rows[1]?.[0] ?? '';
    expect(peerpath(['vault', 'backups', '--delete', id, '--vault', vault], UNLOCK)).toMatchObject({
      code: 0,
      out: `Deleted backup ${id}.\n`,
    });
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(peerpath(['vault', 'backups', '--delete', id, '--vault', vault], UNLOCK)).toMatchObject({
      code: 1,
      err: 'peerpath: No backup with that id is recorded; see the list of backups.\n',
    });
  });
});
