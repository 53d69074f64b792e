/**
 * The whole program's caseload dashboard and health list, read in a worker thread over its own
 * read-only connection (src-main/workers/tasks.ts, vault-reader.ts), through the app's dispatch on
 * a demo vault: the same result as the main thread's, a write just made on the main connection is
 * seen, and locking ends the task and the thread; after unlocking (a new key copy) it works again.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPeerpath } from '../../src-main/api/app';
import type { Channel, InputOf, OutputOf } from '../../src-main/contract';
import { caseloadDashboard, programHealth } from '../../src-main/services/caseload/dashboard';
import { createDemoSeeder } from '../../src-main/services/demo';
import { DEMO_PASSPHRASE } from '../../src-main/services/vault-session';
import { createVaultReader } from '../../src-main/workers/vault-reader';
import { TEST_KDF, tempDir } from '../fixtures/vault';

const PROGRAM = { scope: { kind: 'program' } } as const;
const NOW = Date.parse('2026-11-20T15:00:00Z');

async function demoApp() {
  const root = tempDir();
  const app = createPeerpath({
    dir: join(root, 'vault'),
    demoDir: join(root, 'demo'),
    kdfCost: TEST_KDF,
    now: () => NOW,
    seedDemo: createDemoSeeder({ students: 120, mentors: 70, weeks: 12, seed: 3 }),
  });
  await app.session.createDemo();
  async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
    const result = await app.dispatch(channel, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value as OutputOf<C>;
  }
  return { ...app, call };
}

describe('the program-wide caseload in a worker thread', () => {
  it('gives what the main thread gives, sees a write made just before, and ends with the lock', { timeout: 120_000 }, async () => {
    const app = await demoApp();
    try {
      const dashboard = await app.call('caseload.dashboard', PROGRAM);
      expect(app.tasks.threads).toBeGreaterThan(0);
      expect(dashboard.students.length).toBeGreaterThan(100);
      expect(dashboard).toEqual(caseloadDashboard(app.session.context(), PROGRAM));
      expect(await app.call('health.flags', PROGRAM)).toEqual(programHealth(app.session.context(), PROGRAM));

      const archived = dashboard.students[0]?.id ?? '';
      await app.call('students.archive', { id: archived });
      const after = await app.call('caseload.dashboard', PROGRAM);
      expect(after.students.map((student) => student.id)).not.toContain(archived);
      expect(after).toEqual(caseloadDashboard(app.session.context(), PROGRAM));

      // Another case manager's caseload stays on this thread, and still answers as before.
      expect(await app.call('caseload.dashboard', { scope: { kind: 'mine' } })).toEqual(
        caseloadDashboard(app.session.context(), { scope: { kind: 'mine' } }),
      );

      const reading = app.dispatch('caseload.dashboard', PROGRAM);
      await until(() => app.tasks.threads > 0);
      app.session.lock('user');
      expect(app.tasks.threads).toBe(0);
      expect(await reading).toMatchObject({ ok: false, error: { code: 'locked' } });

      await app.session.unlock(DEMO_PASSPHRASE);
      expect(await app.call('health.flags', PROGRAM)).toEqual(programHealth(app.session.context(), PROGRAM));
    } finally {
      app.session.lock('user');
    }
  });
});

describe("a thread's vault reader", () => {
  it('reuses its connection only for the same vault and key, never writes, and wipes the keys it is given', async () => {
    const first = await demoApp();
    const second = await demoApp();
    const reader = createVaultReader();
    try {
      const access = first.session.readerAccess();
      const db = reader.db(access);
      expect(db.$client.readonly).toBe(true);
      expect(() => db.$client.exec('DELETE FROM students')).toThrow(/readonly/);

      const again = first.session.readerAccess();
      expect(reader.db(again)).toBe(db);
      expect(again.dataKey.every((byte) => byte === 0)).toBe(true);

      // Another vault, then a key that does not open the file it names: never the old connection.
      const other = reader.db(second.session.readerAccess());
      expect(other).not.toBe(db);
      expect(db.$client.open).toBe(false);
      const wrongKey = { file: first.session.readerAccess().file, dataKey: second.session.readerAccess().dataKey };
      expect(() => reader.db(wrongKey)).toThrow(expect.objectContaining({ code: 'vault_damaged' }));
      expect(other.$client.open).toBe(false);
      expect(wrongKey.dataKey.every((byte) => byte === 0)).toBe(true);
    } finally {
      reader.close();
      first.session.lock('user');
      second.session.lock('user');
    }
  });
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
