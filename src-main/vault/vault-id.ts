/**
 * A vault opens as itself or not at all. The random vault id of `keyslots.json` is also kept inside
 * the encrypted database (the `settings` row `vault.id`), written when the vault is made — and, for a
 * vault made before this, at its first unlock. Unlocking refuses a database that is empty, missing or
 * not the one these key slots belong to, rather than opening it as a new, empty vault.
 */
import { existsSync, statSync } from 'node:fs';
import { AppError } from '../contract';
import type { SqliteDatabase } from './database';

export const VAULT_ID_SETTING = 'vault.id';

export const EMPTY_MESSAGE = 'The vault database is empty — restore from backup.';
export const FOREIGN_MESSAGE = 'The vault database does not belong to these key slots — restore from backup.';

export function emptyDatabase(): AppError {
  return new AppError('vault_damaged', EMPTY_MESSAGE);
}

function size(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

/**
 * A database file of zero bytes with no write-ahead log holding its pages: nothing to open.
 * (Checked before the key is derived, so it is said even to a wrong passphrase, and touches nothing.)
 */
export function isEmptyDatabaseFile(database: string): boolean {
  return existsSync(database) && size(database) === 0 && size(`${database}-wal`) === 0;
}

/** The vault id the database holds, or null if none was written (a vault made before ids were kept). */
export function databaseVaultId(db: SqliteDatabase): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(VAULT_ID_SETTING) as { value: string } | undefined;
  if (!row) return null;
  try {
    const value: unknown = JSON.parse(row.value);
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}

export function writeDatabaseVaultId(db: SqliteDatabase, vaultId: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(VAULT_ID_SETTING, JSON.stringify(vaultId));
}

/**
 * After migrating: the database must hold `vaultId`. One that holds none (made before this check)
 * is given it now, inside the unlock, without a migration; any other id is refused.
 */
export function bindVaultId(db: SqliteDatabase, vaultId: string): void {
  const stored = databaseVaultId(db);
  if (stored === null) writeDatabaseVaultId(db, vaultId);
  else if (stored !== vaultId) throw new AppError('vault_damaged', FOREIGN_MESSAGE);
}
