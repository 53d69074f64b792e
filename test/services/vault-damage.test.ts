import { readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPeerpath } from '../../src-main/api/app';
import { recordAudit } from '../../src-main/services/audit';
import { systemWrite } from '../../src-main/services/context';
import { ATTEMPTS_FILE } from '../../src-main/vault/unlock-attempts';
import { closeVault, unlockVault } from '../../src-main/vault/vault';
import { hashFolder as everyFile, OTHER_PASSPHRASE, PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

/** The vault's files; a refused unlock may count a wrong secret in the attempts file, which is its job. */
function hashFolder(dir: string): Record<string, string> {
  const { [ATTEMPTS_FILE]: _counted, ...vault } = everyFile(dir);
  return vault;
}

/** A locked vault with enough rows to span many pages, so damage can land in the middle. */
async function lockedVault(): Promise<string> {
  const dir = join(tempDir(), 'vault');
  const { session } = createPeerpath({ dir, kdfCost: TEST_KDF });
  await session.create({ memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE });
  const db = session.db();
  systemWrite(db, (tx) => {
    for (let i = 0; i < 600; i += 1) recordAudit(tx, { actorSlotId: null, action: 'test.filler', subject: `row-${i}` });
  });
  session.lock('user');
  expect(statSync(join(dir, 'peerpath.db')).size).toBeGreaterThan(40_000);
  return dir;
}

async function unlockError(dir: string, passphrase = PASSPHRASE) {
  const { dispatch } = createPeerpath({ dir, kdfCost: TEST_KDF });
  const result = await dispatch('vault.unlock', { passphrase });
  expect(result.ok).toBe(false);
  return result.ok ? null : result.error;
}

describe('a vault that cannot be opened says why and changes nothing', () => {
  it('wrong passphrase', async () => {
    const dir = await lockedVault();
    const before = hashFolder(dir);
    expect(await unlockError(dir, OTHER_PASSPHRASE)).toEqual({
      code: 'wrong_secret',
      message: 'That passphrase does not open this vault.',
    });
    expect(hashFolder(dir)).toEqual(before);
  });

  it('truncated database file', async () => {
    const dir = await lockedVault();
    const file = join(dir, 'peerpath.db');
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const before = hashFolder(dir);
    expect(await unlockError(dir)).toEqual({ code: 'vault_damaged', message: 'The vault is damaged — restore from backup.' });
    expect(hashFolder(dir)).toEqual(before);
  });

  it('one flipped byte in the middle of the database file', async () => {
    const dir = await lockedVault();
    const file = join(dir, 'peerpath.db');
    const bytes = readFileSync(file);
    const middle = Math.floor(bytes.length / 2) + 100;
    bytes[middle] = (bytes[middle] ?? 0) ^ 0x01;
    writeFileSync(file, bytes);
    const before = hashFolder(dir);
    expect(await unlockError(dir)).toEqual({ code: 'vault_damaged', message: 'The vault is damaged — restore from backup.' });
    expect(hashFolder(dir)).toEqual(before);
  });

  it('a flipped byte in the first page', async () => {
    const dir = await lockedVault();
    const file = join(dir, 'peerpath.db');
    const bytes = readFileSync(file);
    bytes[200] = (bytes[200] ?? 0) ^ 0x80;
    writeFileSync(file, bytes);
    const before = hashFolder(dir);
    expect(await unlockError(dir)).toMatchObject({ code: 'vault_damaged' });
    expect(hashFolder(dir)).toEqual(before);
  });

  it('missing key-slot file', async () => {
    const dir = await lockedVault();
    rmSync(join(dir, 'keyslots.json'));
    const before = hashFolder(dir);
    expect(await unlockError(dir)).toMatchObject({ code: 'keyslots_missing', message: expect.stringContaining('keyslots.json') });
    expect(hashFolder(dir)).toEqual(before);
  });

  it('edited KDF parameters in the slot file', async () => {
    const dir = await lockedVault();
    const path = join(dir, 'keyslots.json');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    file.slots[0].kdf.iterations += 1;
    writeFileSync(path, JSON.stringify(file));
    const before = hashFolder(dir);
    expect(await unlockError(dir)).toMatchObject({ code: 'wrong_secret' });
    expect(hashFolder(dir)).toEqual(before);
  });

  it('a vault written by a newer schema', async () => {
    const dir = await lockedVault();
    const vault = await unlockVault({ dir, secret: PASSPHRASE, kind: 'passphrase' });
    vault.db.pragma('user_version = 99');
    closeVault(vault);
    const before = hashFolder(dir);
    expect(await unlockError(dir)).toMatchObject({ code: 'vault_too_new', message: expect.stringContaining('newer version of Peerpath') });
    expect(hashFolder(dir)).toEqual(before);
  });

  it('no vault at all', async () => {
    expect(await unlockError(join(tempDir(), 'nothing-here'))).toMatchObject({ code: 'vault_missing' });
  });
});
