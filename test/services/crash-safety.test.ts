import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPeerpath } from '../../src-main/api/app';
import type { AccessProblem, VaultStatus } from '../../src-main/contract';
import { restoreBackup } from '../../src-main/vault/backup';
import { integrityCheck, openEncryptedDatabase } from '../../src-main/vault/database';
import { readKeySlotFile, unwrapDataKey } from '../../src-main/vault/keyslots';
import { closeVault, createVault, unlockVault, vaultExists } from '../../src-main/vault/vault';
import { PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

const ROUNDS = 30;
const WRITER = join(import.meta.dirname, '../fixtures/crash-writer.ts');
const GLOB_HOOK = join(import.meta.dirname, '../fixtures/vite-glob-hook.mjs');

/** As crash-writer.ts gives member n. */
const memberPassphrase = (n: number) => `quartz harbor ${n} lantern meadow`;

/**
 * Starts the writer and resolves with every number it reported done before it died of SIGKILL —
 * sent by us `killAfterMs` after its first report, or (killAfterMs null) by itself.
 */
function runUntilKilled(args: string[], secret: string, killAfterMs: number | null): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', '--import', GLOB_HOOK, WRITER, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const done: number[] = [];
    let buffered = '';
    let errors = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) done.push(Number(line));
      if (killAfterMs !== null) timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString('utf8');
    });
    child.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer ended without being killed: ${errors}`));
      else resolve(done);
    });
    child.stdin?.end(`${secret}\n`);
  });
}

const randomKill = () => 20 + Math.floor(Math.random() * 300);

/** Files a killed writer may leave: never a vault's name, and hidden or `.tmp`. */
function strays(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.tmp') || /\.tmp-(wal|shm)$/.test(name));
}

/**
 * After a crash the vault opens, every passphrase slot is a listed member whose passphrase opens it,
 * and the only mismatch left is a member without a slot (who cannot unlock), which can be removed.
 */
async function checkMembership(dir: string): Promise<void> {
  const { dispatch, session } = createPeerpath({ dir, kdfCost: TEST_KDF });
  const unlocked = await dispatch('vault.unlock', { passphrase: PASSPHRASE });
  if (!unlocked.ok) throw new Error(`unlock failed: ${unlocked.error.message}`);
  expect(strays(dir)).toEqual([]);
  const problems: AccessProblem[] = (unlocked.value as VaultStatus).accessProblems ?? [];
  expect(problems.filter((problem) => problem.problem !== 'member_without_slot')).toEqual([]);
  const file = readKeySlotFile(join(dir, 'keyslots.json'));
  const slots = file.slots.filter((slot) => slot.kind === 'passphrase');
  const members = session.members();
  expect(members.map((m) => m.slotId).sort()).toEqual(slots.map((s) => s.id).sort());
  for (const member of members) {
    const n = /^Member (\d+)$/.exec(member.name)?.[1];
    if (n === undefined) continue;
    const slot = slots.find((s) => s.id === member.slotId);
    const key = slot && (await unwrapDataKey(file.vaultId, slot, memberPassphrase(Number(n))));
    expect(key?.length).toBe(32);
    key?.fill(0);
  }
  // Clear what the crash left, and the members added, so the next round stays under the slot limit.
  for (const problem of problems) session.removeMember(problem.slotId);
  for (const member of members) if (member.name.startsWith('Member ')) session.removeMember(member.slotId);
  expect(session.accessProblems()).toEqual([]);
  session.lock('user');
}

async function teamVault(): Promise<string> {
  const dir = join(tempDir(), 'vault');
  const { session } = createPeerpath({ dir, kdfCost: TEST_KDF });
  await session.create({ memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE });
  session.lock('user');
  return dir;
}

describe('crash safety', () => {
  it(`survives ${ROUNDS} SIGKILLs mid-write: integrity ok and every committed row present`, { timeout: 240_000 }, async () => {
    const dir = join(tempDir(), 'vault');
    const { vault } = await createVault({ dir, passphrase: PASSPHRASE, kdfCost: TEST_KDF });
    const key = Buffer.from(vault.dataKey);
    closeVault(vault);
    const file = join(dir, 'peerpath.db');
    let next = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const committed = await runUntilKilled(['rows', file, String(next)], key.toString('hex'), randomKill());
      expect(committed.length).toBeGreaterThan(0);
      next = (committed.at(-1) ?? next) + 1;

      const db = openEncryptedDatabase(file, key, { verify: true });
      expect(integrityCheck(db)).toBe(true);
      const present = new Set(
        (db.prepare("SELECT subject FROM audit_events WHERE action = 'crash.test'").all() as { subject: string }[]).map(
          (row) => row.subject,
        ),
      );
      const missing = committed.filter((n) => !present.has(String(n)) || !present.has(`${n}-b`));
      expect(missing).toEqual([]);
      db.close();
    }
    key.fill(0);
  });

  it('add-member killed just after the slot file is written: the new slot is a listed member', { timeout: 60_000 }, async () => {
    const dir = await teamVault();
    expect(await runUntilKilled(['add-member', dir, '0', 'after-slot'], PASSPHRASE, null)).toEqual([]);
    expect(readKeySlotFile(join(dir, 'keyslots.json')).slots).toHaveLength(3);
    await checkMembership(dir);
  });

  it('add-member killed just before the slot file is written: a member without a slot, reported and removable', {
    timeout: 60_000,
  }, async () => {
    const dir = await teamVault();
    expect(await runUntilKilled(['add-member', dir, '0', 'before-slot'], PASSPHRASE, null)).toEqual([]);
    const { dispatch, session } = createPeerpath({ dir, kdfCost: TEST_KDF });
    const status = await dispatch('vault.unlock', { passphrase: PASSPHRASE });
    expect(status.ok && (status.value as VaultStatus).accessProblems).toEqual([
      { slotId: expect.any(String), problem: 'member_without_slot', name: 'Member 0' },
    ]);
    expect(session.members().map((m) => m.name)).toEqual(['Avery Quill']);
    session.lock('user');
    await checkMembership(dir);
  });

  it('add-member killed at random moments: members listed are the slots that open', { timeout: 240_000 }, async () => {
    const dir = await teamVault();
    let next = 0;
    for (let round = 0; round < 10; round += 1) {
      const added = await runUntilKilled(['add-member', dir, String(next)], PASSPHRASE, randomKill());
      next += added.length + 1;
      await checkMembership(dir);
    }
  });

  it('backup killed at random moments: every backup file is whole, and the next backup clears the temp files', {
    timeout: 240_000,
  }, async () => {
    const dir = await teamVault();
    const folder = join(tempDir(), 'backups');
    mkdirSync(folder);
    let next = 0;
    for (let round = 0; round < 6; round += 1) {
      const written = await runUntilKilled(['backup', dir, String(next), folder], PASSPHRASE, randomKill());
      next += written.length + 1;
      const { session } = createPeerpath({ dir, kdfCost: TEST_KDF });
      await session.unlock(PASSPHRASE);
      session.backup(join(folder, `after-${round}.ppbak`));
      session.lock('user');
      expect(strays(folder)).toEqual([]);
      const newest = join(folder, `after-${round}.ppbak`);
      closeVault(await restoreBackup({ file: newest, dir: join(tempDir(), 'check'), secret: PASSPHRASE, kind: 'passphrase' }));
    }
    for (const name of readdirSync(folder)) {
      const restored = await restoreBackup({
        file: join(folder, name),
        dir: join(tempDir(), 'each'),
        secret: PASSPHRASE,
        kind: 'passphrase',
      });
      closeVault(restored);
    }
  });

  it('restore killed at random moments: each folder opens as the vault, is refused plainly, or is no vault yet', {
    timeout: 240_000,
  }, async () => {
    const dir = await teamVault();
    const { session } = createPeerpath({ dir, kdfCost: TEST_KDF });
    await session.unlock(PASSPHRASE);
    const backup = join(tempDir(), 'team.ppbak');
    session.backup(backup);
    session.lock('user');
    const root = tempDir();
    let next = 0;
    for (let round = 0; round < 6; round += 1) {
      const restored = await runUntilKilled(['restore', backup, String(next), root], PASSPHRASE, randomKill());
      next += restored.length + 1;
      for (const name of readdirSync(root)) {
        const folder = join(root, name);
        if (!vaultExists(folder)) {
          // Only temp files (or nothing): restoring again into it works and clears them.
          closeVault(await restoreBackup({ file: backup, dir: folder, secret: PASSPHRASE, kind: 'passphrase' }));
          expect(strays(folder)).toEqual([]);
          continue;
        }
        try {
          const vault = await unlockVault({ dir: folder, secret: PASSPHRASE, kind: 'passphrase' });
          expect((vault.db.prepare('SELECT count(*) AS n FROM vault_members').get() as { n: number }).n).toBe(1);
          closeVault(vault);
        } catch (error) {
          // Killed between the database's rename and the key slots': refused in plain words, never opened empty.
          expect(error).toMatchObject({ code: expect.stringMatching(/^(keyslots_missing|vault_damaged)$/) });
        }
      }
    }
    expect(existsSync(root)).toBe(true);
  });
});
