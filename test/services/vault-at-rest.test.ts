import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createPeerpath } from '../../src-main/api/app';
import { systemWrite } from '../../src-main/services/context';
import { insertMember } from '../../src-main/services/members';
import { vaultDb } from '../../src-main/services/vault-db';
import { closeVault, createVault } from '../../src-main/vault/vault';
import { PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

const NAMES = ['Zebulon Quixote-Marchetti', 'Philippa Oyelaran-Sturm'];

function filesContaining(dir: string, needle: string): string[] {
  return readdirSync(dir).filter((name) => {
    const path = join(dir, name);
    return statSync(path).isFile() && readFileSync(path).includes(Buffer.from(needle, 'utf8'));
  });
}

describe('encryption at rest', () => {
  it('keeps names and the SQLite header out of every file in the vault folder, open or locked', async () => {
    const dir = join(tempDir(), 'vault');
    const { dispatch, session } = createPeerpath({ dir, kdfCost: TEST_KDF });
    await dispatch('vault.create', { memberName: NAMES[0] ?? '', memberRole: 'case_manager', passphrase: PASSPHRASE });
    await dispatch('vault.addMember', { name: NAMES[1] ?? '', role: 'counselor', passphrase: 'second member long phrase here' });
    // While unlocked the newest pages sit in the WAL: it must be encrypted too.
    expect(readdirSync(dir)).toContain('peerpath.db-wal');
    for (const needle of [...NAMES, 'SQLite format 3', 'vault_members']) expect(filesContaining(dir, needle)).toEqual([]);
    session.lock('user');
    for (const needle of [...NAMES, 'SQLite format 3', 'vault_members']) expect(filesContaining(dir, needle)).toEqual([]);
  });

  it('cannot be read without the key, and can be with it from a second process', async () => {
    const dir = join(tempDir(), 'vault');
    const { vault } = await createVault({ dir, passphrase: PASSPHRASE, kdfCost: TEST_KDF });
    systemWrite(vaultDb(vault.db), (tx) =>
      insertMember(tx, {
        slotId: vault.slot.id,
        name: NAMES[0] ?? '',
        role: 'case_manager',
        addedAt: new Date().toISOString(),
      }),
    );
    const keyHex = vault.dataKey.toString('hex');
    closeVault(vault);

    const plain = new Database(join(dir, 'peerpath.db'), { readonly: true });
    expect(() => plain.prepare('SELECT name FROM vault_members').all()).toThrow(/not a database/);
    plain.close();

    const child = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import Database from 'better-sqlite3';
         import { readFileSync } from 'node:fs';
         const key = readFileSync(0, 'utf8').trim();
         const db = new Database(process.argv[1], { readonly: true });
         db.pragma("cipher = 'sqlcipher'"); db.pragma('legacy = 4'); db.pragma(\`key = "x'\${key}'"\`);
         console.log(JSON.stringify(db.prepare('SELECT name FROM vault_members').all()));`,
        join(dir, 'peerpath.db'),
      ],
      { input: keyHex, encoding: 'utf8', cwd: process.cwd() },
    );
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual([{ name: NAMES[0] }]);
  });

  it('creates the folder 0700 and every file in it 0600', async () => {
    const dir = join(tempDir(), 'vault');
    const { dispatch } = createPeerpath({ dir, kdfCost: TEST_KDF });
    await dispatch('vault.create', { memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dir);
    expect(files).toEqual(expect.arrayContaining(['peerpath.db', 'peerpath.db-wal', 'peerpath.db-shm', 'keyslots.json']));
    for (const name of files) expect({ name, mode: statSync(join(dir, name)).mode & 0o777 }).toEqual({ name, mode: 0o600 });
  });

  it('keeps nothing but ids, salts, KDF parameters, public keys and wrapped or sealed keys in the slot file', async () => {
    const dir = join(tempDir(), 'vault');
    const { dispatch } = createPeerpath({ dir, kdfCost: TEST_KDF });
    await dispatch('vault.create', { memberName: NAMES[0] ?? '', memberRole: 'case_manager', passphrase: PASSPHRASE });
    const file = JSON.parse(readFileSync(join(dir, 'keyslots.json'), 'utf8'));
    expect(Object.keys(file).sort()).toEqual(['databaseSalts', 'epoch', 'format', 'retired', 'slots', 'vaultId', 'version']);
    for (const slot of file.slots) {
      expect(Object.keys(slot).sort()).toEqual(['id', 'kdf', 'kind', 'privateKeys', 'publicKeys', 'sealed']);
      expect(Object.keys(slot.kdf).sort()).toEqual(['alg', 'iterations', 'memoryKiB', 'parallelism', 'salt']);
      expect(Object.keys(slot.publicKeys).sort()).toEqual(['box', 'sign']);
      expect(Object.keys(slot.privateKeys).sort()).toEqual(['alg', 'ciphertext', 'iv', 'tag']);
      for (const sealed of slot.sealed) expect(Object.keys(sealed).sort()).toEqual(['ciphertext', 'enc', 'epoch']);
    }
    expect(JSON.stringify(file)).not.toContain('Zebulon');
  });
});
