/**
 * `vault.seedDemo`: a new vault of synthetic data in a folder the command line names (or the app's
 * demo folder), in its own session. Peerpath never deletes what it did not create: a folder that
 * holds anything is refused and left as it was.
 */
import { readdirSync } from 'node:fs';
import { count } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../../db/schema';
import { AppError, type DemoSeeded, type InputOf } from '../../contract';
import { vaultExists } from '../../vault/vault';
import { createVaultSession } from '../vault-session';
import { createDemoSeeder, resolveDemoOptions } from './index';

const NOT_NEW = 'demo data goes only into a new one. Choose an empty folder.';

/** A folder for new demo data: not there yet, or empty (so nothing of anyone's is removed to make room). */
function refuseUnlessNew(folder: string): void {
  if (vaultExists(folder)) throw new AppError('vault_exists', `That folder already holds a vault; ${NOT_NEW}`);
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new AppError('conflict', `That is not an empty folder; ${NOT_NEW}`);
  }
  if (entries.length > 0) throw new AppError('conflict', `That folder is not empty; ${NOT_NEW}`);
}

/**
 * A new vault of synthetic data, in its own session: `into`, or the app's demo folder (replaced, as
 * "Try with demo data" does). Returns what it holds and its (printable) passphrase, locked again.
 */
export async function seedDemoVault(input: InputOf<'vault.seedDemo'>, appDemoDir: string | undefined): Promise<DemoSeeded> {
  const { into, ...options } = input;
  const { weeks } = resolveDemoOptions(options);
  const folder = into ?? appDemoDir;
  if (folder === undefined) throw new AppError('forbidden', 'Demo data is not available here.');
  if (into !== undefined) refuseUnlessNew(into);
  const demo = createVaultSession({ dir: folder, demoDir: folder, seedDemo: createDemoSeeder(options) });
  try {
    const { passphrase } = await demo.createDemo();
    const db = demo.db();
    const rows = (table: SQLiteTable) => db.select({ n: count() }).from(table).get()?.n ?? 0;
    const counts = {
      students: rows(schema.students),
      plans: rows(schema.plans),
      goals: rows(schema.goals),
      mentors: rows(schema.mentors),
      assignments: rows(schema.assignments),
      sessions: rows(schema.sessions),
      checkIns: rows(schema.checkIns),
      progressPoints: rows(schema.progressPoints),
      observations: rows(schema.observations),
    };
    return { folder, passphrase, weeks, counts };
  } finally {
    demo.lock('user');
  }
}
