/**
 * Applies drizzle-kit's SQL migrations (db/migrations/) on the keyed connection, forward only,
 * all pending ones in one transaction, tracking progress in `PRAGMA user_version`. A vault written
 * by a newer Peerpath is refused rather than guessed at.
 */

import journal from '../../db/migrations/meta/_journal.json';
import { AppError } from '../contract';
import type { SqliteDatabase } from './database';

export interface Migration {
  /** 1-based: after applying it, user_version equals this number. */
  version: number;
  tag: string;
  statements: string[];
}

const sqlFiles = import.meta.glob('../../db/migrations/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const MIGRATIONS: readonly Migration[] = journal.entries.map((entry, index) => {
  const sql = sqlFiles[`../../db/migrations/${entry.tag}.sql`];
  if (sql === undefined) throw new Error(`migrations: ${entry.tag}.sql is listed in the journal but missing`);
  const statements = sql
    .split('--> statement-breakpoint')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
  return { version: index + 1, tag: entry.tag, statements };
});

export const SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersionOf(db: SqliteDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function assertNotFromTheFuture(version: number, known: number = SCHEMA_VERSION): void {
  if (version > known) {
    throw new AppError(
      'vault_too_new',
      `This vault was saved by a newer version of Peerpath (schema ${version}; this app knows ${known}). Update Peerpath to open it.`,
    );
  }
}

/** Returns the migrations it applied. `upTo` exists for tests that stop at an older schema. */
export function migrate(db: SqliteDatabase, upTo: number = SCHEMA_VERSION, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  const current = schemaVersionOf(db);
  assertNotFromTheFuture(current, migrations.length);
  const pending = migrations.filter((migration) => migration.version > current && migration.version <= upTo);
  if (pending.length === 0) return [];
  db.transaction(() => {
    for (const migration of pending) {
      for (const statement of migration.statements) db.exec(statement);
      db.pragma(`user_version = ${migration.version}`);
    }
  })();
  return pending;
}
