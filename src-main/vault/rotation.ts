/**
 * Rotating the data key: the database is copied under a new random key, the copy is checked, and
 * it is swapped in crash-safely; every remaining slot receives the new key sealed to its public key
 * (keyslots.ts), so no passphrase is needed. Afterwards an older slot file (or backup) and an old
 * or removed secret open only the *old* key, which opens no current file.
 *
 * The copy: this build of SQLite3MultipleCiphers has no `sqlcipher_export()` and `VACUUM INTO`
 * cannot take another key (URI filenames are off), so the same steps `sqlcipher_export` takes are
 * run here — ATTACH an empty file keyed with the new key (same cipher settings as every vault
 * connection, `applyKey`), recreate the schema, copy every table's rows, `sqlite_sequence` and the
 * header's user_version / application_id — in one transaction that also holds the write lock.
 * Not `PRAGMA rekey` (SQLite3MultipleCiphers keeps the old salt when rekeying in WAL mode).
 *
 * The swap, and what a crash at each point leaves (unlock settles it, vault.ts `settleSlotFile`):
 *  1. the copy is written and checked under a temp name → the old vault, untouched; the temp file is
 *     removed by the next unlock or rotation (temp-files.ts);
 *  2. the slot file gets the new key sealed for every slot, beside the old → unlock opens the old
 *     database with the old key and drops the new one;
 *  3. the old connection closes (its WAL folded in and removed) and the copy is renamed over
 *     `peerpath.db` → unlock opens it with the new key and drops the old one;
 *  4. the slot file keeps only the new epoch.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../contract';
import { databaseHead, trackCommitHead } from './commit-head';
import { applyKey, closeDatabase, openEncryptedDatabase, type SqliteDatabase } from './database';
import {
  databaseSaltOf,
  isSlotV2,
  type KeySlotFile,
  readKeySlotFile,
  type SlotV2,
  sealDataKey,
  settleEpoch,
  writeKeySlotFile,
} from './keyslots';
import { createEmptyPrivateFile, fsyncDir } from './secure-file';
import { removeStaleTemps, tempName } from './temp-files';
import { type OpenVault, ROTATION_TEMP } from './vault';

/** Why the key was rotated, as the audit event records it. */
export type RotationReason = 'member_removed' | 'requested' | 'passphrase_changed' | 'recovery_key_replaced';

/** The points between the swap's steps (numbered as above), for tests that stop there. */
export type RotationStep = 'copied' | 'sealed_both' | 'swapped' | 'settled';

export interface RotationOptions {
  /** Called after each step; a test copies the folder here to see what a crash at that point leaves. */
  onStep?: (step: RotationStep) => void;
}

/** The new epoch of the vault, now open on the rotated database under the new key. */
export async function rotateDataKey(vault: OpenVault, options: RotationOptions = {}): Promise<{ epoch: number }> {
  const step = options.onStep ?? (() => {});
  const file = readKeySlotFile(vault.paths.keyslots);
  assertRotatable(file, vault);
  const epoch = vault.epoch + 1;
  const newKey = randomBytes(32);
  try {
    // Every await comes first: from the copy to the swap nothing else of this process runs, so no
    // write of the app can land in the old database after it was copied.
    const both = await sealForBoth(file, epoch, newKey);
    const dir = vault.paths.dir;
    removeStaleTemps(dir, ROTATION_TEMP);
    const temp = join(dir, tempName(ROTATION_TEMP));
    try {
      copyUnderKey(vault.db, temp, newKey);
      step('copied');
      both.databaseSalts[String(epoch)] = databaseSaltOf(temp);
      writeKeySlotFile(vault.paths.keyslots, both);
      step('sealed_both');
    } catch (error) {
      removeTemp(temp);
      throw error;
    }
    swapIn(vault, temp, newKey, both);
    step('swapped');
    vault.dataKey.fill(0);
    vault.dataKey = newKey;
    vault.epoch = epoch;
    const settled = settleEpoch(both, epoch);
    vault.slot = settled.slots.find((slot) => slot.id === vault.slot.id) as SlotV2;
    // Not fatal: the database is already under the new key, and the next unlock settles the file.
    try {
      writeKeySlotFile(vault.paths.keyslots, settled);
    } catch {}
    step('settled');
    return { epoch };
  } catch (error) {
    if (vault.dataKey !== newKey) newKey.fill(0);
    throw error;
  }
}

/**
 * Every slot must be able to receive the new key: a version 1 slot has no public key, and only its
 * own secret can upgrade it. The slot file must also be at the epoch this session opened.
 */
function assertRotatable(file: KeySlotFile, vault: OpenVault): void {
  const legacy = file.slots.filter((slot) => !isSlotV2(slot));
  if (legacy.length > 0) {
    const recovery = legacy.some((slot) => slot.kind === 'recovery');
    throw new AppError(
      'keyslots_not_upgraded',
      `${legacy.length} key slot(s) come from an older Peerpath and cannot receive a new key until their secret is used once: ` +
        'ask each team member concerned to unlock the vault once' +
        (recovery ? ', and replace the recovery key (or unlock once with it)' : '') +
        '. Then change the key again. Nothing was changed.',
    );
  }
  if (file.epoch !== vault.epoch) {
    throw new AppError(
      'conflict',
      "The vault's key was changed by another Peerpath window or command. Lock and unlock the vault, then try again. Nothing was changed.",
    );
  }
}

/** The slot file with the new key sealed to every slot, beside the key it holds now. */
async function sealForBoth(file: KeySlotFile, epoch: number, newKey: Buffer): Promise<KeySlotFile> {
  const slots = await Promise.all(
    file.slots.map(async (slot) => {
      if (!isSlotV2(slot)) return slot;
      const sealed = await sealDataKey(file.vaultId, slot, epoch, newKey);
      return { ...slot, sealed: [...slot.sealed.filter((entry) => entry.epoch === file.epoch), sealed] };
    }),
  );
  const salt = file.databaseSalts[String(file.epoch)];
  return { ...file, epoch, slots, databaseSalts: salt ? { [String(file.epoch)]: salt } : {} };
}

const ROTATED = 'rotated';

/** `CREATE TABLE x …` → `CREATE TABLE rotated.x …` (tables, indexes, triggers, views). */
function inRotated(sql: string): string {
  const qualified = sql.replace(/^(\s*CREATE\s+(?:UNIQUE\s+)?(?:TABLE|INDEX|TRIGGER|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?)/i, `$1${ROTATED}.`);
  if (qualified === sql) throw new Error('rotation: a schema statement of an unexpected form');
  return qualified;
}

function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

interface SchemaRow {
  type: string;
  name: string;
  sql: string;
}

function schemaOf(db: SqliteDatabase, schema = 'main'): SchemaRow[] {
  return db
    .prepare(`SELECT type, name, sql FROM ${schema}.sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid`)
    .all() as SchemaRow[];
}

/**
 * Writes the whole database into `target` under `key`, then checks the copy; holds the write lock
 * throughout, so the copy is the database as it is at the swap.
 */
function copyUnderKey(db: SqliteDatabase, target: string, key: Buffer): void {
  // Everything committed is in the database file; the copy is read through the connection anyway.
  db.pragma('wal_checkpoint(TRUNCATE)');
  createEmptyPrivateFile(target);
  db.prepare(`ATTACH DATABASE ? AS ${ROTATED} KEY ''`).run(target);
  try {
    applyKey(db, key, ROTATED);
    // Rows are copied table by table, children before parents at times. SQLite's deferred count of
    // broken links proved unreliable across the attached copy (COMMIT refused a copy whose
    // foreign_key_check was clean), so enforcement is off for the copy (it can only be switched
    // outside a transaction) and verifyCopy runs foreign_key_check on the result instead.
    db.pragma('foreign_keys = OFF');
    db.exec('BEGIN IMMEDIATE');
    try {
      const objects = schemaOf(db);
      const tables = objects.filter((object) => object.type === 'table');
      // Every table before any row: a row's foreign key needs its parent table to exist.
      for (const table of tables) db.exec(inRotated(table.sql));
      for (const table of tables) {
        db.exec(`INSERT INTO ${ROTATED}.${quoted(table.name)} SELECT * FROM main.${quoted(table.name)}`);
      }
      const hasSequence = db.prepare("SELECT 1 FROM main.sqlite_schema WHERE name = 'sqlite_sequence'").get();
      if (hasSequence) {
        db.exec(`DELETE FROM ${ROTATED}.sqlite_sequence`);
        db.exec(`INSERT INTO ${ROTATED}.sqlite_sequence SELECT * FROM main.sqlite_sequence`);
      }
      // Indexes, triggers and views after the rows: triggers must not fire on the copy.
      for (const object of objects) if (object.type !== 'table') db.exec(inRotated(object.sql));
      for (const pragma of ['user_version', 'application_id']) {
        const value = Number(db.pragma(pragma, { simple: true }));
        db.pragma(`${ROTATED}.${pragma} = ${value}`);
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
    verifyCopy(db, target, key);
  } finally {
    db.pragma('foreign_keys = ON');
    db.exec(`DETACH DATABASE ${ROTATED}`);
  }
}

function copyFailed(reason: string): AppError {
  return new AppError(
    'rotation_failed',
    `The copy of the vault under its new key did not match the vault (${reason}), so the key was not changed and nothing was lost. ` +
      'Try again; if it fails again, run `peerpath vault check`.',
  );
}

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The copy is encrypted, opens with the new key, passes quick_check and holds the same schema, rows and audit head. */
function verifyCopy(db: SqliteDatabase, file: string, key: Buffer): void {
  const header = Buffer.alloc(PLAIN_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (header.equals(PLAIN_HEADER)) throw copyFailed('the copy was not encrypted');
  const copy = openEncryptedDatabase(file, key, { verify: true });
  try {
    // Compared by name: the copy holds the same objects, created in another order (tables first).
    const byName = (rows: SchemaRow[]) =>
      JSON.stringify([...rows].sort((a, b) => `${a.type}:${a.name}`.localeCompare(`${b.type}:${b.name}`)));
    if (byName(schemaOf(copy)) !== byName(schemaOf(db))) throw copyFailed('its tables differ');
    for (const table of schemaOf(db).filter((object) => object.type === 'table')) {
      const count = (handle: SqliteDatabase) =>
        (handle.prepare(`SELECT count(*) AS n FROM ${quoted(table.name)}`).get() as { n: number }).n;
      if (count(copy) !== count(db)) throw copyFailed(`the rows of ${table.name} differ`);
    }
    const brokenLinks = (handle: SqliteDatabase) => handle.prepare('PRAGMA foreign_key_check').all().length;
    if (brokenLinks(copy) !== brokenLinks(db)) throw copyFailed('its links between records differ');
    const [ours, theirs] = [databaseHead(db), databaseHead(copy)];
    if (ours.id !== theirs.id || ours.hash !== theirs.hash) throw copyFailed('its audit trail ends elsewhere');
    if (copy.pragma('user_version', { simple: true }) !== db.pragma('user_version', { simple: true })) {
      throw copyFailed('its schema version differs');
    }
  } finally {
    copy.close();
  }
}

function removeTemp(temp: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${temp}${suffix}`, { force: true });
}

/**
 * Closes the old connection (folding its WAL in and removing it), renames the copy over the
 * database and opens it under the new key, recording the commit head under the new key's MAC key.
 * If another connection still holds the vault (its WAL stays behind), or the rename fails, the old
 * database is reopened and the slot file returned to the old key alone.
 */
function swapIn(vault: OpenVault, temp: string, newKey: Buffer, both: KeySlotFile): void {
  const { database, dir } = vault.paths;
  closeDatabase(vault.db);
  try {
    if (existsSync(`${database}-wal`) || existsSync(`${database}-shm`)) {
      throw new AppError(
        'vault_busy',
        'Another Peerpath window or command has the vault open, so its key cannot be changed now. Close it and try again. Nothing was changed.',
      );
    }
    renameSync(temp, database);
  } catch (error) {
    vault.db = openEncryptedDatabase(database, vault.dataKey);
    trackCommitHead(vault.db, dir, vault.dataKey);
    try {
      writeKeySlotFile(vault.paths.keyslots, settleEpoch(both, vault.epoch));
    } catch {
      // The next unlock opens the old database with the old key and settles the file itself.
    }
    removeTemp(temp);
    throw error;
  }
  fsyncDir(dir);
  vault.db = openEncryptedDatabase(database, newKey);
  trackCommitHead(vault.db, dir, newKey);
}
