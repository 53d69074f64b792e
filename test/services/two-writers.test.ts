/**
 * One writer at a time, waiting politely: the app's dispatch (here, in this process) and a second
 * process running the BUILT service host (as a `peerpath` command does) write 300 times each, at
 * once, to one vault. Every write lands; none is refused, none is `internal`. Writes begin
 * IMMEDIATE and wait for SQLite's write lock (the busy timeout), which both processes share.
 * Run the build first (`npx electron-vite build`), as for the CLI tests.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { createPeerpath } from '../../src-main/api/app';
import { BUSY_TIMEOUT_MS } from '../../src-main/vault/database';
import { closeVault, unlockVault } from '../../src-main/vault/vault';
import { studentInput } from '../fixtures/program-input';
import { PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

const EACH = 300;
const SERVICE_HOST = join(import.meta.dirname, '../../out/main/service-host.js');
const WRITER = join(import.meta.dirname, '../fixtures/host-writer.ts');

describe('two writers at once', () => {
  it(`the app and a second process each write ${EACH} times at once: all ${2 * EACH} land, none internal`, {
    timeout: 240_000,
  }, async () => {
    if (!existsSync(SERVICE_HOST)) throw new Error('Build first: `npx electron-vite build`.');
    const dir = join(tempDir(), 'vault');
    const app = createPeerpath({ dir, kdfCost: TEST_KDF });
    expect(
      await app.dispatch('vault.create', { memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE }),
    ).toMatchObject({
      ok: true,
    });

    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, SERVICE_HOST, dir, String(EACH), 'CLI'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString('utf8');
    });
    const out = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    child.stdin.write(`${PASSPHRASE}\n`);
    expect((await out.next()).value, errors).toBe('ready');
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

    child.stdin.end('go\n');
    const codes: Record<string, number> = {};
    let landed = 0;
    for (let i = 0; i < EACH; i += 1) {
      const result = await app.dispatch('students.create', studentInput({ localId: `APP-${i}` }));
      if (result.ok) landed += 1;
      else codes[result.error.code] = (codes[result.error.code] ?? 0) + 1;
      // Let the child's answers in between, as the app's event loop would.
      if (i % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const theirs = JSON.parse(String((await out.next()).value)) as { landed: number; codes: Record<string, number> };
    expect(await exited, errors).toBe(0);

    expect({ app: { landed, codes }, cli: theirs }).toEqual({ app: { landed: EACH, codes: {} }, cli: { landed: EACH, codes: {} } });
    expect(await app.dispatch('students.list', { limit: 1 })).toMatchObject({ ok: true, value: { total: 2 * EACH } });
    app.session.lock('user');
  });

  it('past the wait, a write answers vault_busy in plain words; reads never wait for the writer', { timeout: 60_000 }, async () => {
    const dir = join(tempDir(), 'vault');
    const app = createPeerpath({ dir, kdfCost: TEST_KDF });
    await app.dispatch('vault.create', { memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE });
    // Another process's long write: its own connection holding SQLite's write lock.
    const other = await unlockVault({ dir, secret: PASSPHRASE, kind: 'passphrase' });
    other.db.prepare('BEGIN IMMEDIATE').run();
    try {
      let started = Date.now();
      expect(await app.dispatch('students.list', {})).toMatchObject({ ok: true });
      expect(Date.now() - started).toBeLessThan(BUSY_TIMEOUT_MS / 2);
      started = Date.now();
      expect(await app.dispatch('students.create', studentInput())).toEqual({
        ok: false,
        error: { code: 'vault_busy', message: 'The vault is in use by another Peerpath window or command — try again.' },
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(BUSY_TIMEOUT_MS - 100);
    } finally {
      other.db.prepare('ROLLBACK').run();
      closeVault(other);
    }
    expect(await app.dispatch('students.create', studentInput())).toMatchObject({ ok: true });
    app.session.lock('user');
  });
});
