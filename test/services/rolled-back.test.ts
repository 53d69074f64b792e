/**
 * Going back in time is noticed: an older copy of `peerpath.db` put back alone (the head file beside
 * it kept) is refused at unlock with its own code and words — not `changes_lost`, which stays the
 * answer for a lost WAL — and an older page of the audit table swapped in does not pass unseen.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPeerpath } from '../../src-main/api/app';
import { ROLLED_BACK_MESSAGE } from '../../src-main/contract';
import { listAudit } from '../../src-main/services/audit';
import { databaseHead, HEAD_FILE } from '../../src-main/vault/commit-head';
import { closeVault, unlockVault } from '../../src-main/vault/vault';
import { studentInput } from '../fixtures/program-input';
import { PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

const ROLLED_BACK = { code: 'vault_rolled_back', message: ROLLED_BACK_MESSAGE };
const LOST = { code: 'changes_lost', message: 'The last changes could not be read — restore from backup.' };

async function unlockIn(dir: string) {
  const app = createPeerpath({ dir, kdfCost: TEST_KDF });
  const result = await app.dispatch('vault.unlock', { passphrase: PASSPHRASE });
  return { app, result };
}

async function addStudents(app: ReturnType<typeof createPeerpath>, from: number, count: number): Promise<void> {
  for (let i = from; i < from + count; i += 1) {
    expect((await app.dispatch('students.create', studentInput({ localId: `S-${i}`, firstName: `Row${i}` }))).ok).toBe(true);
  }
}

/** A vault closed once with two students (its database copied aside then), reopened, given three more, and closed again. */
async function vaultWithOlderCopy() {
  const dir = join(tempDir(), 'vault');
  const first = createPeerpath({ dir, kdfCost: TEST_KDF });
  await first.dispatch('vault.create', { memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE });
  await addStudents(first, 100, 2);
  first.session.lock('user');
  expect(existsSync(join(dir, 'peerpath.db-wal'))).toBe(false);
  const older = readFileSync(join(dir, 'peerpath.db'));
  const { app } = await unlockIn(dir);
  await addStudents(app, 200, 3);
  app.session.lock('user');
  return { dir, older };
}

function copyOf(dir: string, files = ['peerpath.db', 'peerpath.db-wal', 'keyslots.json', HEAD_FILE]): string {
  const to = join(tempDir(), 'copy');
  mkdirSync(to, { mode: 0o700 });
  for (const name of files) if (existsSync(join(dir, name))) copyFileSync(join(dir, name), join(to, name));
  return to;
}

describe('a database rolled back alone', () => {
  it('an older peerpath.db put back is refused at unlock with its own code — and stays refused', async () => {
    const { dir, older } = await vaultWithOlderCopy();
    writeFileSync(join(dir, 'peerpath.db'), older);
    expect((await unlockIn(dir)).result).toEqual({ ok: false, error: ROLLED_BACK });
    expect((await unlockIn(dir)).result).toEqual({ ok: false, error: ROLLED_BACK });
  });

  it('the current database beside the same head file opens', async () => {
    const { dir } = await vaultWithOlderCopy();
    const { app, result } = await unlockIn(dir);
    expect(result).toMatchObject({ ok: true });
    app.session.lock('user');
  });

  it('a lost WAL after a clean close and reopen still says changes_lost, not rolled back', async () => {
    const { dir } = await vaultWithOlderCopy();
    const { app } = await unlockIn(dir);
    await addStudents(app, 300, 3);
    // What a crash leaves, minus its WAL: the database file holds everything up to the last lock.
    const copy = copyOf(dir, ['peerpath.db', 'keyslots.json', HEAD_FILE]);
    app.session.lock('user');
    expect((await unlockIn(copy)).result).toEqual({ ok: false, error: LOST });
  });

  it('every page of the audit table swapped in from the older copy is caught: refused at unlock, or named by audit verify', async () => {
    const { dir, older } = await vaultWithOlderCopy();
    const current = readFileSync(join(dir, 'peerpath.db'));
    const pageSize = 4096;
    const differing: number[] = [];
    for (let page = 0; page * pageSize < Math.min(older.length, current.length); page += 1) {
      const at = page * pageSize;
      if (!older.subarray(at, at + pageSize).equals(current.subarray(at, at + pageSize))) differing.push(page);
    }
    expect(differing.length).toBeGreaterThan(0);
    let auditPages = 0;
    for (const page of differing) {
      const copy = copyOf(dir);
      const swapped = Buffer.from(current);
      older.copy(swapped, page * pageSize, page * pageSize, (page + 1) * pageSize);
      writeFileSync(join(copy, 'peerpath.db'), swapped);
      const { app, result } = await unlockIn(copy);
      if (!result.ok) {
        expect(['vault_rolled_back', 'vault_damaged']).toContain(result.error.code);
        auditPages += 1;
        continue;
      }
      const verdict = await app.dispatch('audit.verify', {});
      const students = await app.dispatch('students.list', {});
      app.session.lock('user');
      // A page that changed neither the audit trail nor the records listed (a free page, an index's) is not what this test is about.
      if (verdict.ok && (verdict.value as { ok: boolean }).ok && students.ok && (students.value as { total: number }).total === 5) continue;
      if (verdict.ok && !(verdict.value as { ok: boolean }).ok) auditPages += 1;
      else throw new Error(`page ${page} swapped in went unseen`);
    }
    expect(auditPages).toBeGreaterThan(0);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('a head file from before rollback detection (version 1)', () => {
  /** The record as Peerpath wrote it before `checkpointed` and `signers`: id, hash and their MAC. */
  async function writeVersion1(dir: string, tamper: (head: { id: number; hash: string }) => { id: number; hash: string }) {
    const vault = await unlockVault({ dir, secret: PASSPHRASE, kind: 'passphrase' });
    const macKey = Buffer.from(hkdfSync('sha256', vault.dataKey, Buffer.from('peerpath-head'), 'peerpath commit head mac v1', 32));
    const head = tamper(databaseHead(vault.db));
    closeVault(vault);
    const mac = createHmac('sha256', macKey).update(`peerpath-head\n1\n${head.id}\n${head.hash}`).digest('hex');
    writeFileSync(join(dir, HEAD_FILE), JSON.stringify({ format: 'peerpath-head', version: 1, ...head, mac }).padEnd(256, ' '));
  }

  it('is read and kept: the unlock notes nothing, and the file is rewritten in the new form at the next lock', async () => {
    const { dir } = await vaultWithOlderCopy();
    await writeVersion1(dir, (head) => head);
    const { app, result } = await unlockIn(dir);
    expect(result).toMatchObject({ ok: true });
    const [event] = listAudit(app.session.db(), { action: 'vault.unlocked', limit: 1 });
    expect(event?.detail ?? null).toBeNull();
    app.session.lock('user');
    expect(JSON.parse(readFileSync(join(dir, HEAD_FILE), 'utf8'))).toMatchObject({ version: 2, checkpointed: expect.any(Object) });
  });

  it('still refuses a database missing its recorded event (changes_lost: it has no checkpointed head to tell more)', async () => {
    const { dir } = await vaultWithOlderCopy();
    await writeVersion1(dir, (head) => ({ id: head.id + 5, hash: head.hash }));
    expect((await unlockIn(dir)).result).toEqual({ ok: false, error: LOST });
  });
});
