/**
 * Committed means kept: a vault whose WAL lost committed transactions — a truncated last frame, a
 * flipped byte, a deleted `-wal` — is refused at unlock (`changes_lost`), never opened with rows
 * silently missing. The folder is copied while the app is still open, which is what a crash leaves
 * behind (the WAL not yet checkpointed), then damaged.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPeerpath } from '../../src-main/api/app';
import { listAudit } from '../../src-main/services/audit';
import { HEAD_FILE } from '../../src-main/vault/commit-head';
import { closeVault, unlockVault } from '../../src-main/vault/vault';
import { studentInput } from '../fixtures/program-input';
import { PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

const ROWS = 5;
const LOST = { code: 'changes_lost', message: 'The last changes could not be read — restore from backup.' };

/** Copies what a crash would leave (database, WAL, key slots, head) into a fresh folder. */
function crashCopy(from: string, files = ['peerpath.db', 'peerpath.db-wal', 'keyslots.json', HEAD_FILE]): string {
  const to = join(tempDir(), 'crashed');
  mkdirSync(to, { mode: 0o700 });
  for (const name of files) if (existsSync(join(from, name))) copyFileSync(join(from, name), join(to, name));
  return to;
}

/** An open vault with ROWS students committed since the unlock, all still in the WAL. */
async function openWithRows(rows = ROWS) {
  const dir = join(tempDir(), 'vault');
  const app = createPeerpath({ dir, kdfCost: TEST_KDF });
  await app.dispatch('vault.create', { memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE });
  for (let i = 0; i < rows; i += 1) {
    const created = await app.dispatch('students.create', studentInput({ localId: `S-${100 + i}`, firstName: `Row${i}` }));
    expect(created.ok).toBe(true);
  }
  expect(statSync(join(dir, 'peerpath.db-wal')).size).toBeGreaterThan(0);
  return { dir, app };
}

async function unlockIn(dir: string) {
  const app = createPeerpath({ dir, kdfCost: TEST_KDF });
  const result = await app.dispatch('vault.unlock', { passphrase: PASSPHRASE });
  return { app, result };
}

async function studentCount(app: ReturnType<typeof createPeerpath>): Promise<number> {
  const listed = await app.dispatch('students.list', {});
  if (!listed.ok) throw new Error(listed.error.code);
  return (listed.value as { total: number }).total;
}

function lastUnlockDetail(app: ReturnType<typeof createPeerpath>): unknown {
  const [event] = listAudit(app.session.db(), { action: 'vault.unlocked', limit: 1 });
  return event?.detail ? JSON.parse(event.detail) : null;
}

describe('committed means kept', () => {
  it('a crash copy with its WAL intact opens with every committed row', async () => {
    const { dir } = await openWithRows();
    const copy = crashCopy(dir);
    const { app, result } = await unlockIn(copy);
    expect(result).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    expect(await studentCount(app)).toBe(ROWS);
    expect(lastUnlockDetail(app)).toBeNull();
    app.session.lock('user');
  });

  it('a truncated last WAL frame is refused, not opened with a row missing — and stays refused', async () => {
    const { dir } = await openWithRows();
    const copy = crashCopy(dir);
    const wal = join(copy, 'peerpath.db-wal');
    truncateSync(wal, statSync(wal).size - 1000);
    expect((await unlockIn(copy)).result).toEqual({ ok: false, error: LOST });
    expect((await unlockIn(copy)).result).toEqual({ ok: false, error: LOST });
  });

  it('a flipped byte in the WAL is refused', async () => {
    const { dir } = await openWithRows();
    const copy = crashCopy(dir);
    const wal = join(copy, 'peerpath.db-wal');
    const bytes = readFileSync(wal);
    const at = bytes.length - 2000;
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    writeFileSync(wal, bytes);
    expect((await unlockIn(copy)).result).toEqual({ ok: false, error: LOST });
  });

  it('a deleted WAL is refused', async () => {
    const { dir } = await openWithRows();
    const copy = crashCopy(dir);
    rmSync(join(copy, 'peerpath.db-wal'));
    expect((await unlockIn(copy)).result).toEqual({ ok: false, error: LOST });
  });

  it('a database ahead of its head file (a crash between commit and head) opens, says so, and rewrites the file', async () => {
    const { dir, app: first } = await openWithRows(2);
    const earlier = readFileSync(join(dir, HEAD_FILE));
    for (let i = 0; i < 3; i += 1) await first.dispatch('students.create', studentInput({ localId: `S-${200 + i}` }));
    const copy = crashCopy(dir);
    writeFileSync(join(copy, HEAD_FILE), earlier);
    const { app, result } = await unlockIn(copy);
    expect(result).toMatchObject({ ok: true });
    expect(await studentCount(app)).toBe(5);
    expect(lastUnlockDetail(app)).toEqual({ commitHead: 'ahead' });
    expect(readFileSync(join(copy, HEAD_FILE)).equals(earlier)).toBe(false);
    app.session.lock('user');
  });

  it('a missing head file on a vault that kept one opens (nothing in the database is missing), noted in the audit trail', async () => {
    const { dir } = await openWithRows();
    const copy = crashCopy(dir, ['peerpath.db', 'peerpath.db-wal', 'keyslots.json']);
    const { app, result } = await unlockIn(copy);
    expect(result).toMatchObject({ ok: true });
    expect(await studentCount(app)).toBe(ROWS);
    expect(lastUnlockDetail(app)).toEqual({ commitHead: 'missing' });
    expect(existsSync(join(copy, HEAD_FILE))).toBe(true);
    app.session.lock('user');
  });

  it('an edited head file does not verify: opened, noted, rewritten', async () => {
    const { dir } = await openWithRows();
    const copy = crashCopy(dir);
    const head = JSON.parse(readFileSync(join(copy, HEAD_FILE), 'utf8'));
    writeFileSync(join(copy, HEAD_FILE), JSON.stringify({ ...head, id: head.id + 50 }));
    const { app, result } = await unlockIn(copy);
    expect(result).toMatchObject({ ok: true });
    expect(lastUnlockDetail(app)).toEqual({ commitHead: 'unreadable' });
    app.session.lock('user');
  });

  it('a vault from before the head file gets one at its first unlock, silently', async () => {
    const { dir, app: first } = await openWithRows();
    first.session.lock('user');
    rmSync(join(dir, HEAD_FILE));
    const vault = await unlockVault({ dir, secret: PASSPHRASE, kind: 'passphrase' });
    vault.db.prepare("DELETE FROM settings WHERE key = 'commitHeadKept'").run();
    closeVault(vault);
    rmSync(join(dir, HEAD_FILE));
    const { app, result } = await unlockIn(dir);
    expect(result).toMatchObject({ ok: true });
    expect(lastUnlockDetail(app)).toBeNull();
    const written = JSON.parse(readFileSync(join(dir, HEAD_FILE), 'utf8'));
    expect(Object.keys(written).sort()).toEqual(['checkpointed', 'format', 'hash', 'id', 'mac', 'signers', 'version']);
    expect(statSync(join(dir, HEAD_FILE)).mode & 0o777).toBe(0o600);
    app.session.lock('user');
  });

  it('records the head after every committed write', async () => {
    const { dir, app } = await openWithRows(1);
    const before = JSON.parse(readFileSync(join(dir, HEAD_FILE), 'utf8'));
    await app.dispatch('students.create', studentInput({ localId: 'S-999' }));
    const after = JSON.parse(readFileSync(join(dir, HEAD_FILE), 'utf8'));
    expect(after.id).toBe(before.id + 1);
    app.session.lock('user');
  });
});
