/**
 * Before migrations change an existing vault, keep an encrypted copy of it as it was, so a
 * migration that goes wrong in the field can be undone by restoring the copy.
 */
import { join } from 'node:path';
import type { SqliteDatabase } from './database';
import { createEmptyPrivateFile, ensurePrivateDir } from './secure-file';

export const BACKUP_FOLDER = 'backups';

export function copyBeforeMigrating(db: SqliteDatabase, dir: string, fromVersion: number, now: Date = new Date()): string {
  const folder = join(dir, BACKUP_FOLDER);
  ensurePrivateDir(folder);
  const file = join(folder, `schema-${fromVersion}-before-upgrade-${now.toISOString().replace(/[:.]/g, '-')}.db`);
  createEmptyPrivateFile(file);
  // VACUUM INTO on the keyed connection writes the copy encrypted under the same key.
  db.prepare('VACUUM INTO ?').run(file);
  return file;
}
