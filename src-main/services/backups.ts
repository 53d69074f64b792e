/**
 * The backups this vault's app and command line wrote, recorded so the ones made before a data-key
 * rotation can be found again: they embed the key slots of their day, so a removed member's old
 * passphrase still opens them. Listing shows those still on disk, marked `preRotation` when taken at
 * or before the newest `vault.key_rotated` event; deleting takes a recorded id, never a path, and
 * removes the file only while it still holds that very backup.
 */
import { existsSync, rmSync } from 'node:fs';
import { desc, eq, max } from 'drizzle-orm';
import { auditEvents, backups } from '../../db/schema';
import { AppError, type RecordedBackup } from '../contract';
import { backupTakenAt } from '../vault/backup';
import type { Queryable, VaultTx } from './vault-db';

/** The audit action a data-key rotation records; backups taken at or before its newest one are pre-rotation. */
export const KEY_ROTATED = 'vault.key_rotated';

type BackupRow = typeof backups.$inferSelect;

export interface BackupMade {
  id: string;
  path: string;
  madeAt: string;
  bytes: number;
  madeBySlot: string | null;
}

export function recordBackup(tx: VaultTx, backup: BackupMade): void {
  const result = tx.insert(backups).values(backup).run();
  if (result.changes !== 1) throw new Error('recordBackup: the backup was not recorded');
}

function latestRotation(db: Queryable): string | null {
  return (
    db
      .select({ at: max(auditEvents.at) })
      .from(auditEvents)
      .where(eq(auditEvents.action, KEY_ROTATED))
      .get()?.at ?? null
  );
}

function toRecordedBackup(row: BackupRow, rotatedAt: string | null): RecordedBackup {
  // Taken in the same instant as the rotation counts as before it: when in doubt, the old key may open it.
  return { id: row.id, path: row.path, madeAt: row.madeAt, bytes: row.bytes, preRotation: rotatedAt !== null && row.madeAt <= rotatedAt };
}

/** Recorded backups whose file is still there, newest first. */
export function listBackups(db: Queryable): RecordedBackup[] {
  const rotatedAt = latestRotation(db);
  return db
    .select()
    .from(backups)
    .orderBy(desc(backups.madeAt))
    .all()
    .filter((row) => existsSync(row.path))
    .map((row) => toRecordedBackup(row, rotatedAt));
}

/**
 * Deletes the recorded backup `id`: its file, then its record, in the caller's transaction (a file
 * that cannot be removed leaves the record). Refused for an id never recorded, a file already gone,
 * or a path that now holds something other than the backup taken then.
 */
export function deleteBackup(tx: VaultTx, id: string): void {
  const row = tx.select().from(backups).where(eq(backups.id, id)).get();
  if (!row) throw new AppError('not_found', 'No backup with that id is recorded; see the list of backups.');
  if (!existsSync(row.path)) throw new AppError('not_found', 'That backup’s file is no longer there.');
  if (backupTakenAt(row.path) !== row.madeAt) {
    throw new AppError('conflict', 'The file where that backup was written now holds something else; it was left alone.');
  }
  rmSync(row.path);
  const result = tx.delete(backups).where(eq(backups.id, id)).run();
  if (result.changes !== 1) throw new Error('deleteBackup: the record was not removed');
}
