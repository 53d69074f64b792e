import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPeerpath } from '../../src-main/api/app';
import type { VaultCheck, VaultStatus } from '../../src-main/contract';
import { recordAudit } from '../../src-main/services/audit';
import { systemWrite } from '../../src-main/services/context';
import { restoreBackup } from '../../src-main/vault/backup';
import { createSlot, readKeySlotFile, writeKeySlotFile } from '../../src-main/vault/keyslots';
import { tempName } from '../../src-main/vault/temp-files';
import { closeVault, unlockVault, vaultExists } from '../../src-main/vault/vault';
import { databaseVaultId, VAULT_ID_SETTING } from '../../src-main/vault/vault-id';
import { hashFolder, OTHER_PASSPHRASE, PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

const EMPTY = { code: 'vault_damaged', message: 'The vault database is empty — restore from backup.' };
const FOREIGN = { code: 'vault_damaged', message: 'The vault database does not belong to these key slots — restore from backup.' };

async function lockedVault(): Promise<{ dir: string; root: string }> {
  const root = tempDir();
  const dir = join(root, 'vault');
  const { session } = createPeerpath({ dir, kdfCost: TEST_KDF });
  await session.create({ memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE });
  session.lock('user');
  return { dir, root };
}

async function unlockError(dir: string) {
  const { dispatch } = createPeerpath({ dir, kdfCost: TEST_KDF });
  const result = await dispatch('vault.unlock', { passphrase: PASSPHRASE });
  expect(result.ok).toBe(false);
  return result.ok ? null : result.error;
}

/** The backup file split into its header (JSON) and its database part. */
function splitBackup(file: string) {
  const bytes = readFileSync(file);
  const magic = 'PEERPATH-BACKUP\n'.length;
  const length = bytes.readUInt32BE(magic);
  const header = JSON.parse(bytes.subarray(magic + 4, magic + 4 + length).toString('utf8'));
  return { header, database: bytes.subarray(magic + 4 + length) };
}

function joinBackup(file: string, header: unknown, database: Buffer): void {
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  writeFileSync(file, Buffer.concat([Buffer.from('PEERPATH-BACKUP\n'), length, headerBytes, database]), { mode: 0o600 });
}

describe('a vault opens as itself or not at all', () => {
  it('a zero-length database beside the key slots is refused as empty, and nothing is written', async () => {
    const { dir } = await lockedVault();
    truncateSync(join(dir, 'peerpath.db'), 0);
    // A vault from before the head file was kept: nothing says commits were made, so "empty".
    rmSync(join(dir, 'peerpath.head'), { force: true });
    const before = hashFolder(dir);
    expect(await unlockError(dir)).toEqual(EMPTY);
    expect(hashFolder(dir)).toEqual(before);
  });

  it('a zero-length database beside a recorded head is refused as changes lost, and nothing is written', async () => {
    const { dir } = await lockedVault();
    expect(existsSync(join(dir, 'peerpath.head'))).toBe(true);
    truncateSync(join(dir, 'peerpath.db'), 0);
    const before = hashFolder(dir);
    expect(await unlockError(dir)).toEqual({ code: 'changes_lost', message: 'The last changes could not be read — restore from backup.' });
    expect(hashFolder(dir)).toEqual(before);
  });

  it('a database holding another vault id is refused', async () => {
    const { dir } = await lockedVault();
    const vault = await unlockVault({ dir, secret: PASSPHRASE, kind: 'passphrase' });
    vault.db
      .prepare('UPDATE settings SET value = ? WHERE key = ?')
      .run(JSON.stringify('00000000-0000-4000-8000-000000000000'), VAULT_ID_SETTING);
    closeVault(vault);
    expect(await unlockError(dir)).toEqual(FOREIGN);
  });

  it('another vault’s database next to these key slots is refused (its key file belongs elsewhere)', async () => {
    const { dir } = await lockedVault();
    const other = await lockedVault();
    writeFileSync(join(dir, 'peerpath.db'), readFileSync(join(other.dir, 'peerpath.db')));
    // The slot file records its database's salt: a database with another one is not what its keys open.
    expect(await unlockError(dir)).toMatchObject({ code: 'wrong_secret', message: expect.stringContaining('another vault') });
  });

  it('a vault made before ids were kept is given its id at the next unlock, and opens', async () => {
    const { dir } = await lockedVault();
    const vault = await unlockVault({ dir, secret: PASSPHRASE, kind: 'passphrase' });
    expect(databaseVaultId(vault.db)).toBe(vault.vaultId);
    vault.db.prepare('DELETE FROM settings WHERE key = ?').run(VAULT_ID_SETTING);
    closeVault(vault);
    const again = await unlockVault({ dir, secret: PASSPHRASE, kind: 'passphrase' });
    expect(databaseVaultId(again.db)).toBe(again.vaultId);
    closeVault(again);
  });
});

describe('restore says done only for what the backup held', () => {
  async function backedUp() {
    const { dir, root } = await lockedVault();
    const { session } = createPeerpath({ dir, kdfCost: TEST_KDF });
    await session.unlock(PASSPHRASE);
    const small = join(root, 'small.ppbak');
    session.backup(small);
    systemWrite(session.db(), (tx) => {
      for (let i = 0; i < 50; i += 1) recordAudit(tx, { actorSlotId: null, action: 'test.filler', subject: `row-${i}` });
    });
    const big = join(root, 'big.ppbak');
    session.backup(big);
    session.lock('user');
    return { root, small, big };
  }

  it('records row counts in the header', async () => {
    const { small, big } = await backedUp();
    expect(splitBackup(small).header.counts).toMatchObject({ students: 0, plans: 0, goals: 0, sessions: 0, progress_points: 0 });
    expect(splitBackup(big).header.counts.audit_events).toBeGreaterThanOrEqual(splitBackup(small).header.counts.audit_events + 50);
  });

  it('a backup whose database part is empty restores nothing', async () => {
    const { root, big } = await backedUp();
    const { header } = splitBackup(big);
    const empty = join(root, 'empty.ppbak');
    joinBackup(empty, header, Buffer.alloc(0));
    const target = join(root, 'restored');
    await expect(restoreBackup({ file: empty, dir: target, secret: PASSPHRASE, kind: 'passphrase' })).rejects.toMatchObject({
      code: 'vault_damaged',
      message: expect.stringContaining('empty'),
    });
    expect(vaultExists(target)).toBe(false);
  });

  it('a database part that does not hold what the header counted is refused, and what was written is removed', async () => {
    const { root, small, big } = await backedUp();
    const spliced = join(root, 'spliced.ppbak');
    joinBackup(spliced, splitBackup(big).header, splitBackup(small).database);
    const target = join(root, 'restored');
    await expect(restoreBackup({ file: spliced, dir: target, secret: PASSPHRASE, kind: 'passphrase' })).rejects.toMatchObject({
      code: 'vault_damaged',
      message: expect.stringContaining('does not hold what its header lists'),
    });
    expect(readdirSync(target)).toEqual([]);
  });

  it('a backup made before counts were kept still restores after the id and integrity checks', async () => {
    const { root, big } = await backedUp();
    const { header, database } = splitBackup(big);
    delete header.counts;
    const old = join(root, 'old.ppbak');
    joinBackup(old, header, database);
    const restored = await restoreBackup({ file: old, dir: join(root, 'restored'), secret: PASSPHRASE, kind: 'passphrase' });
    expect(databaseVaultId(restored.db)).toBe(header.keyslots.vaultId);
    closeVault(restored);
  });

  it('a database part from another vault is refused', async () => {
    const { root, big } = await backedUp();
    const other = await backedUp();
    const swapped = join(root, 'swapped.ppbak');
    joinBackup(swapped, splitBackup(big).header, splitBackup(other.big).database);
    const target = join(root, 'restored');
    await expect(restoreBackup({ file: swapped, dir: target, secret: PASSPHRASE, kind: 'passphrase' })).rejects.toMatchObject({
      code: 'vault_damaged',
    });
    expect(readdirSync(target)).toEqual([]);
  });
});

describe('membership: a key slot and its member row', () => {
  it('a slot no member names (as a crash in an older add-member left) is reported, and removeMember takes it away', async () => {
    const { dir } = await lockedVault();
    const { dispatch, session } = createPeerpath({ dir, kdfCost: TEST_KDF });
    await session.unlock(PASSPHRASE);
    const vault = await unlockVault({ dir, secret: PASSPHRASE, kind: 'passphrase' });
    const file = readKeySlotFile(join(dir, 'keyslots.json'));
    const { slot: hidden } = await createSlot({
      vaultId: file.vaultId,
      secret: OTHER_PASSPHRASE,
      kind: 'passphrase',
      dataKeys: [{ epoch: vault.epoch, key: vault.dataKey }],
      cost: TEST_KDF,
    });
    closeVault(vault);
    writeKeySlotFile(join(dir, 'keyslots.json'), { ...file, slots: [...file.slots, hidden] });

    const status = await dispatch('vault.status', {});
    expect(status.ok && (status.value as VaultStatus).accessProblems).toEqual([{ slotId: hidden.id, problem: 'slot_without_member' }]);
    const check = await dispatch('vault.check', {});
    expect(check.ok && (check.value as VaultCheck).accessProblems).toEqual([{ slotId: hidden.id, problem: 'slot_without_member' }]);
    expect(await dispatch('vault.removeMember', { slotId: hidden.id })).toEqual({ ok: true, value: {} });
    const after = await dispatch('vault.status', {});
    expect(after.ok && (after.value as VaultStatus).accessProblems).toBeUndefined();
    session.lock('user');
    await expect(unlockVault({ dir, secret: OTHER_PASSPHRASE, kind: 'passphrase' })).rejects.toMatchObject({ code: 'wrong_secret' });
  });

  it('the slot limit is checked before a new member’s passphrase is derived', async () => {
    const { dir } = await lockedVault();
    const { session } = createPeerpath({ dir, kdfCost: TEST_KDF });
    await session.unlock(PASSPHRASE);
    const file = readKeySlotFile(join(dir, 'keyslots.json'));
    const filler = Array.from({ length: 30 }, (_, i) => ({ ...file.slots[0], id: `filler-slot-${String(i).padStart(4, '0')}` }));
    writeKeySlotFile(join(dir, 'keyslots.json'), { ...file, slots: [...file.slots, ...filler] as typeof file.slots });
    await expect(session.addMember({ name: 'Blair Ondine', role: 'counselor', passphrase: OTHER_PASSPHRASE })).rejects.toMatchObject({
      code: 'forbidden',
    });
    session.lock('user');
  });
});

describe('temp files of a killed backup', () => {
  it('the next backup into the folder removes its own kind left by a process that is gone, and nothing else', async () => {
    const { dir, root } = await lockedVault();
    const { session } = createPeerpath({ dir, kdfCost: TEST_KDF });
    await session.unlock(PASSPHRASE);
    const first = join(root, 'first.ppbak');
    session.backup(first);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    // A name as tempName gives: prefix, this computer's tag, a pid, random hex.
    const tag = tempName('.peerpath-backup').split('.')[2];
    const stale = [`.peerpath-backup.${tag}.${gone}.0123456789ab.tmp`, `.peerpath-backup.${tag}.${gone}.0123456789ab.tmp-wal`];
    const alive = `.peerpath-backup.${tag}.${process.ppid}.0123456789ab.tmp`;
    const otherHost = `.peerpath-backup.ffffffff.${gone}.0123456789ab.tmp`;
    for (const name of [...stale, alive, otherHost, '.unrelated.tmp']) writeFileSync(join(root, name), 'x');
    session.backup(join(root, 'second.ppbak'));
    session.lock('user');
    const names = readdirSync(root);
    for (const name of stale) expect(names).not.toContain(name);
    for (const name of [alive, otherHost, '.unrelated.tmp']) expect(names).toContain(name);
  });
});

describe('temp files of a failed write', () => {
  it('a backup that fails after its snapshot is written leaves no temp file and no backup', async () => {
    const { dir, root } = await lockedVault();
    const { session } = createPeerpath({ dir, kdfCost: TEST_KDF });
    await session.unlock(PASSPHRASE);
    const out = join(root, 'out');
    mkdirSync(out);
    // The key-slot file is read after the database snapshot is taken: damage it so the backup throws there.
    const slots = readFileSync(join(dir, 'keyslots.json'));
    writeFileSync(join(dir, 'keyslots.json'), '{ not json');
    expect(() => session.backup(join(out, 'backup.ppbak'))).toThrow(expect.objectContaining({ code: 'vault_damaged' }));
    expect(readdirSync(out)).toEqual([]);
    writeFileSync(join(dir, 'keyslots.json'), slots);
    session.lock('user');
  });

  it('a slot file that cannot be renamed into place leaves no temp file', async () => {
    const { dir } = await lockedVault();
    const file = readKeySlotFile(join(dir, 'keyslots.json'));
    const blocked = join(dir, 'blocked');
    mkdirSync(join(blocked, 'keyslots.json'), { recursive: true });
    writeFileSync(join(blocked, 'keyslots.json', 'inside'), 'x');
    expect(() => writeKeySlotFile(join(blocked, 'keyslots.json'), file)).toThrow();
    expect(readdirSync(blocked)).toEqual(['keyslots.json']);
  });
});
