import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPeerpath } from '../../src-main/api/app';
import type { AccessProblem, VaultStatus } from '../../src-main/contract';
import { verifyAuditChain } from '../../src-main/services/audit';
import { runDemoSeed } from '../../src-main/services/demo';
import { exportToFile } from '../../src-main/services/exchange/export';
import type { VaultSession } from '../../src-main/services/vault-session';
import { restoreBackup } from '../../src-main/vault/backup';
import { integrityCheck, openEncryptedDatabase } from '../../src-main/vault/database';
import { openSlot, readKeySlotFile, wipeOpened } from '../../src-main/vault/keyslots';
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
      for (const line of lines) if (line !== 'ready') done.push(Number(line));
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
    const opened = slot && (await openSlot(file.vaultId, slot, memberPassphrase(Number(n))));
    expect(opened?.dataKeys[0]?.key.length).toBe(32);
    if (opened) wipeOpened(opened);
  }
  // Clear what the crash left, and the members added, so the next round stays under the slot limit.
  for (const problem of problems) await session.removeMember(problem.slotId);
  for (const member of members) if (member.name.startsWith('Member ')) await session.removeMember(member.slotId);
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

/** Students per roster file, as crash-writer.ts's ROSTER_SIZE. */
const ROSTER_SIZE = 150;

/** Tables with a student's rows, and which rows are whose (as services/students/retention.ts scopes them). */
const OF_PLANS = 'plan_id IN (SELECT id FROM plans WHERE student_id = ?)';
const OF_SUPPORTS = `accommodation_id IN (SELECT id FROM accommodations WHERE ${OF_PLANS})`;
const STUDENT_ROWS: Record<string, string> = {
  plans: 'student_id = ?',
  goals: OF_PLANS,
  accommodations: OF_PLANS,
  sessions: OF_SUPPORTS,
  check_ins: OF_SUPPORTS,
  progress_points: `goal_id IN (SELECT id FROM goals WHERE ${OF_PLANS})`,
  observations: 'student_id = ?',
};
const count = (session: VaultSession, sql: string, ...params: unknown[]) =>
  (
    session
      .db()
      .$client.prepare(`SELECT count(*) AS n FROM ${sql}`)
      .get(...params) as { n: number }
  ).n;

/** Unlocks the vault after a crash: it opens whole, the audit chain verifies, and no row points at nothing. */
async function openAfterCrash(dir: string): Promise<VaultSession> {
  const { session } = createPeerpath({ dir, kdfCost: TEST_KDF });
  await session.unlock(PASSPHRASE);
  expect(strays(dir)).toEqual([]);
  const client = session.db().$client;
  expect(integrityCheck(client)).toBe(true);
  expect(verifyAuditChain(session.context().db)).toMatchObject({ ok: true });
  expect(client.pragma('foreign_key_check')).toEqual([]);
  return session;
}

/** A team vault holding the demo program, written through the service as the app writes it. */
async function demoVault(students: number): Promise<string> {
  const dir = await teamVault();
  const { session } = createPeerpath({ dir, kdfCost: TEST_KDF });
  await session.unlock(PASSPHRASE);
  // Seeded as the unlocked member, so its audit event is signed like any other.
  runDemoSeed(session.context(), { students, mentors: 8, weeks: 4, seed: 7 });
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

  describe('import and purge', () => {
    /** A JSON export of the demo program, and how many of each record it holds. */
    async function demoExport(): Promise<{ file: string; counts: Record<string, number> }> {
      const dir = await demoVault(25);
      const { session } = createPeerpath({ dir, kdfCost: TEST_KDF });
      await session.unlock(PASSPHRASE);
      const file = join(tempDir(), 'program.json');
      exportToFile(session.context(), file);
      session.lock('user');
      const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const counts = Object.fromEntries(
        ['students', 'plans', 'goals', 'mentors', 'sessions'].map((k) => [k, (data[k] as unknown[]).length] as const),
      );
      expect(counts.goals).toBeGreaterThan(0);
      return { file, counts };
    }

    /** All of the import or none of it: the counts are the file's, with one import event, or zero, with none. */
    async function checkImport(dir: string, counts: Record<string, number>): Promise<boolean> {
      const session = await openAfterCrash(dir);
      const events = count(session, "audit_events WHERE action = 'import.json'");
      const held = Object.fromEntries(Object.keys(counts).map((table) => [table, count(session, table)]));
      session.lock('user');
      const zero = Object.fromEntries(Object.keys(counts).map((table) => [table, 0]));
      expect([held, events]).toEqual(events === 0 ? [zero, 0] : [counts, 1]);
      return events === 1;
    }

    it('JSON import killed at random moments: the empty vault gets all of the file or none of it', { timeout: 240_000 }, async () => {
      const { file, counts } = await demoExport();
      for (let round = 0; round < 6; round += 1) {
        const dir = await teamVault();
        await runUntilKilled(['import', dir, file], PASSPHRASE, randomKill());
        // Killed before, during or after the transaction: whichever, never half (the next test lands inside it every time).
        await checkImport(dir, counts);
      }
    });

    it('JSON import killed mid-transaction (at its first goal row): none of it is there, and importing again works', {
      timeout: 60_000,
    }, async () => {
      const { file, counts } = await demoExport();
      const dir = await teamVault();
      expect(await runUntilKilled(['import', dir, file, 'mid'], PASSPHRASE, null)).toEqual([]);
      expect(await checkImport(dir, counts)).toBe(false);
      expect(await runUntilKilled(['import', dir, file], PASSPHRASE, 5_000)).toEqual([0]);
      expect(await checkImport(dir, counts)).toBe(true);
    });

    /** Every roster file is there whole (ROSTER_SIZE students) or not at all, one event for each whole one. */
    async function checkRoster(dir: string): Promise<number> {
      const session = await openAfterCrash(dir);
      const groups = session
        .db()
        .$client.prepare("SELECT substr(local_id, 1, instr(local_id, '-') - 1) AS file, count(*) AS n FROM students GROUP BY file")
        .all() as { file: string; n: number }[];
      const events = count(session, "audit_events WHERE action = 'roster.imported'");
      session.lock('user');
      expect(groups.filter((g) => g.n !== ROSTER_SIZE)).toEqual([]);
      expect(groups.length).toBe(events);
      return events;
    }

    it('roster import killed at random moments and mid-transaction (at its audit event, after every row): each file is all there or not at all', {
      timeout: 240_000,
    }, async () => {
      const dir = await teamVault();
      expect(await runUntilKilled(['roster', dir, '0', 'mid'], PASSPHRASE, null)).toEqual([]);
      expect(await checkRoster(dir)).toBe(0);
      let next = 1;
      for (let round = 0; round < 6; round += 1) {
        const committed = await runUntilKilled(['roster', dir, String(next)], PASSPHRASE, randomKill());
        next += committed.length + 1;
        expect(await checkRoster(dir)).toBeGreaterThanOrEqual(committed.length);
      }
    });

    it('purge killed at random moments and mid-transaction (at the student row itself): each student is whole or wholly gone, no orphan rows', {
      timeout: 240_000,
    }, async () => {
      const dir = await demoVault(30);
      const { session } = createPeerpath({ dir, kdfCost: TEST_KDF });
      await session.unlock(PASSPHRASE);
      const ids = (session.db().$client.prepare('SELECT id FROM students').all() as { id: string }[]).map((r) => r.id);
      const before = new Map(
        ids.map((id) => [id, Object.fromEntries(Object.entries(STUDENT_ROWS).map(([t, w]) => [t, count(session, `${t} WHERE ${w}`, id)]))]),
      );
      const totals = Object.fromEntries(Object.keys(STUDENT_ROWS).map((t) => [t, count(session, t)]));
      session.lock('user');
      expect(totals.goals).toBeGreaterThan(0);
      for (const table of ['plans', 'goals', 'sessions', 'progress_points']) expect(totals[table]).toBeGreaterThan(0);

      const check = async (): Promise<number> => {
        const after = await openAfterCrash(dir);
        const present = new Set((after.db().$client.prepare('SELECT id FROM students').all() as { id: string }[]).map((r) => r.id));
        for (const id of ids) {
          const rows = Object.fromEntries(Object.entries(STUDENT_ROWS).map(([t, w]) => [t, count(after, `${t} WHERE ${w}`, id)]));
          const zero = Object.fromEntries(Object.keys(STUDENT_ROWS).map((t) => [t, 0]));
          expect({ id, rows }).toEqual({ id, rows: present.has(id) ? before.get(id) : zero });
        }
        // No orphans: every table holds the present students' rows plus what belonged to no student.
        for (const [table, total] of Object.entries(totals)) {
          const gone = ids.filter((id) => !present.has(id)).reduce((sum, id) => sum + (before.get(id)?.[table] ?? 0), 0);
          expect({ table, n: count(after, table) }).toEqual({ table, n: total - gone });
        }
        expect(count(after, "audit_events WHERE action = 'student.purged'")).toBe(ids.length - present.size);
        after.lock('user');
        return present.size;
      };

      expect(await runUntilKilled(['purge', dir, '0', 'mid'], PASSPHRASE, null)).toEqual([]);
      expect(await check()).toBe(ids.length);
      let next = 0;
      for (let round = 0; round < 6; round += 1) {
        const purged = await runUntilKilled(['purge', dir, String(next)], PASSPHRASE, randomKill());
        next += purged.length + 1;
        await check();
      }
    });
  });
});
