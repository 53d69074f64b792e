import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPeerpath } from '../../src-main/api/app';
import { listMembers } from '../../src-main/services/members';
import { vaultDb } from '../../src-main/services/vault-db';
import { restoreBackup } from '../../src-main/vault/backup';
import { closeVault } from '../../src-main/vault/vault';
import { hashFolder, OTHER_PASSPHRASE, PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

async function vaultWithMembers() {
  const root = tempDir();
  const app = createPeerpath({ dir: join(root, 'vault'), kdfCost: TEST_KDF });
  const created = await app.session.create({ memberName: 'Zebulon Quixote-Marchetti', memberRole: 'case_manager', passphrase: PASSPHRASE });
  await app.session.addMember({ name: 'Philippa Oyelaran-Sturm', role: 'paraprofessional', passphrase: OTHER_PASSPHRASE });
  return { root, ...app, recoveryKey: created.recoveryKey };
}

describe('backup and restore', () => {
  it('restores the same data into a new folder, with the passphrase or the recovery key', async () => {
    const { root, session, recoveryKey } = await vaultWithMembers();
    const file = join(root, 'peerpath-backup.ppbak');
    session.backup(file);
    const original = session.members();

    const restored = await restoreBackup({
      file,
      dir: join(root, 'restored'),
      secret: OTHER_PASSPHRASE,
      kind: 'passphrase',
      liveDir: join(root, 'vault'),
    });
    expect(
      listMembers(
        vaultDb(restored.db),
        original.map((m) => m.slotId),
      ),
    ).toEqual(original);
    closeVault(restored);

    const viaRecovery = await restoreBackup({ file, dir: join(root, 'restored-2'), secret: recoveryKey, kind: 'recovery' });
    expect(
      listMembers(
        vaultDb(viaRecovery.db),
        original.map((m) => m.slotId),
      ),
    ).toEqual(original);
    closeVault(viaRecovery);
  });

  it('writes one user-only file that reveals no names and no SQLite header', async () => {
    const { root, session } = await vaultWithMembers();
    const file = join(root, 'backup.ppbak');
    session.backup(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(file);
    for (const needle of ['Zebulon', 'Philippa', 'SQLite format 3', 'vault_members'])
      expect(bytes.includes(Buffer.from(needle))).toBe(false);
  });

  it('never overwrites: an existing backup file, the live vault, or a folder holding a vault', async () => {
    const { root, session } = await vaultWithMembers();
    const file = join(root, 'backup.ppbak');
    writeFileSync(file, 'something else');
    expect(() => session.backup(file)).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(readFileSync(file, 'utf8')).toBe('something else');

    const good = join(root, 'good.ppbak');
    session.backup(good);
    const live = join(root, 'vault');
    const before = hashFolder(live);
    await expect(restoreBackup({ file: good, dir: live, secret: PASSPHRASE, kind: 'passphrase', liveDir: live })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(restoreBackup({ file: good, dir: live, secret: PASSPHRASE, kind: 'passphrase' })).rejects.toMatchObject({
      code: 'vault_exists',
    });
    session.lock('user');
    expect(hashFolder(live)['keyslots.json']).toBe(before['keyslots.json']);
  });

  it('a wrong secret or a damaged backup restores nothing', async () => {
    const { root, session } = await vaultWithMembers();
    const file = join(root, 'backup.ppbak');
    session.backup(file);
    const target = join(root, 'restored');
    await expect(restoreBackup({ file, dir: target, secret: 'not the passphrase at all', kind: 'passphrase' })).rejects.toMatchObject({
      code: 'wrong_secret',
    });
    expect(existsSync(target)).toBe(false);

    const bytes = readFileSync(file);
    const at = bytes.length - 3000;
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    const damaged = join(root, 'damaged.ppbak');
    writeFileSync(damaged, bytes);
    await expect(restoreBackup({ file: damaged, dir: target, secret: PASSPHRASE, kind: 'passphrase' })).rejects.toMatchObject({
      code: 'vault_damaged',
    });
    expect(hashFolder(target)).toEqual({});

    writeFileSync(damaged, 'PEERPATH-BACKUP\nnonsense');
    await expect(restoreBackup({ file: damaged, dir: target, secret: PASSPHRASE, kind: 'passphrase' })).rejects.toMatchObject({
      code: 'vault_damaged',
    });
  });
});
