/**
 * One-file backups: a small header (magic, format, the key-slot file) followed by the encrypted
 * database. The copy is a consistent online snapshot taken with `VACUUM INTO` on the keyed
 * connection, which SQLite3MultipleCiphers writes encrypted under the same key. (better-sqlite3's
 * `backup()` opens its destination without a key and is refused for an encrypted source.)
 * Restoring needs a secret that opens one of the backup's slots, checks integrity, and only ever
 * writes into a folder that holds no vault.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../contract';
import { HEAD_FILE } from './commit-head';
import { applyKey, integrityCheck, openEncryptedDatabase, type SqliteDatabase } from './database';
import type { EpochKey, SlotKind } from './keyslots';
import { KeySlotFile, openAnySlot, readKeySlotFile, wipeOpened, writeKeySlotFile } from './keyslots';
import { assertNotFromTheFuture, schemaVersionOf } from './migrations';
import { normalizeRecoveryKey } from './recovery-key';
import { createEmptyPrivateFile, ensurePrivateDir, FILE_MODE, fsyncDir } from './secure-file';
import { removeStaleTemps, tempName } from './temp-files';
import { type OpenVault, unlockVault, vaultExists, vaultPaths } from './vault';
import { databaseVaultId } from './vault-id';

const MAGIC = Buffer.from('PEERPATH-BACKUP\n', 'ascii');

/**
 * Rows counted in the backup's own snapshot and recorded in its header, so a restore can show it
 * holds what was backed up (an empty or swapped database part would restore "fine" with 0 students).
 * Keyed by table name as of the backup; backups made before counts were kept have none.
 */
export const COUNTED_TABLES = ['students', 'plans', 'goals', 'sessions', 'progress_points', 'audit_events'] as const;

const BackupHeader = z.object({
  format: z.literal('peerpath-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  keyslots: KeySlotFile,
  counts: z.record(z.string().regex(/^[a-z_]{1,64}$/), z.number().int().nonnegative()).optional(),
});
type BackupHeader = z.infer<typeof BackupHeader>;

/** Temp names of a backup being written and of a restore being staged (see temp-files.ts). */
const BACKUP_TEMP = '.peerpath-backup';
const RESTORE_TEMP = '.peerpath-restore';

function countRows(db: SqliteDatabase, tables: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    // Names come from COUNTED_TABLES or a header whose keys passed /^[a-z_]+$/.
    counts[table] = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  }
  return counts;
}

/**
 * Counts `COUNTED_TABLES` in the written snapshot itself (not the live vault, which another
 * connection may change meanwhile), opened read-only under the vault's key: `VACUUM INTO` writes a
 * rollback-journal file, so none of a vault connection's pragmas (WAL) apply or are written.
 */
function countSnapshot(file: string, dataKey: Buffer): Record<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    applyKey(db, dataKey);
    return countRows(db, COUNTED_TABLES);
  } finally {
    db.close();
  }
}

/** Writes the backup to `file`, refusing to overwrite an existing file. */
export function backupVault(vault: OpenVault, file: string, now: Date = new Date()): { bytes: number } {
  const target = resolve(file);
  if (existsSync(target)) throw new AppError('conflict', 'A file with that name already exists. Choose a new name for the backup.');
  const folder = dirname(target);
  // A backup killed mid-write (SIGKILL, power cut) leaves its temp files; the next one clears them.
  removeStaleTemps(folder, BACKUP_TEMP);
  const snapshot = join(folder, tempName(BACKUP_TEMP));
  const assembled = join(folder, tempName(BACKUP_TEMP));
  try {
    createEmptyPrivateFile(snapshot);
    vault.db.prepare('VACUUM INTO ?').run(snapshot);
    const header: BackupHeader = {
      format: 'peerpath-backup',
      version: 1,
      createdAt: now.toISOString(),
      schemaVersion: schemaVersionOf(vault.db),
      keyslots: readKeySlotFile(vault.paths.keyslots),
      counts: countSnapshot(snapshot, vault.dataKey),
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(headerBytes.length);
    const fd = openSync(assembled, 'wx', FILE_MODE);
    try {
      writeSync(fd, Buffer.concat([MAGIC, length, headerBytes]));
      writeSync(fd, readFileSync(snapshot));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(assembled, target);
    fsyncDir(dirname(target));
    return { bytes: statSync(target).size };
  } finally {
    for (const path of [snapshot, assembled, `${snapshot}-wal`, `${snapshot}-shm`]) rmSync(path, { force: true });
  }
}

function readHeader(file: string): { header: BackupHeader; databaseOffset: number } {
  if (!existsSync(file)) throw new AppError('not_found', 'The backup file does not exist.');
  const fd = openSync(file, 'r');
  try {
    const prefix = Buffer.alloc(MAGIC.length + 4);
    if (readSync(fd, prefix, 0, prefix.length, 0) !== prefix.length || !prefix.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new AppError('vault_damaged', 'This file is not a Peerpath backup, or it is damaged.');
    }
    const headerLength = prefix.readUInt32BE(MAGIC.length);
    if (headerLength > 1_000_000) throw new AppError('vault_damaged', 'This backup is damaged.');
    const headerBytes = Buffer.alloc(headerLength);
    readSync(fd, headerBytes, 0, headerLength, prefix.length);
    const parsed = BackupHeader.safeParse(JSON.parse(headerBytes.toString('utf8')));
    if (!parsed.success) throw new AppError('vault_damaged', 'This backup is damaged.');
    return { header: parsed.data, databaseOffset: prefix.length + headerLength };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('vault_damaged', 'This backup is damaged.', { cause: error });
  } finally {
    closeSync(fd);
  }
}

/**
 * When the backup at `file` says it was taken, or null when no readable Peerpath backup is there —
 * so a recorded backup is deleted only while its path still holds that very backup.
 */
export function backupTakenAt(file: string): string | null {
  try {
    return readHeader(file).header.createdAt;
  } catch {
    return null;
  }
}

export interface RestoreInput {
  file: string;
  dir: string;
  secret: string;
  kind: SlotKind;
  /** The live vault's folder, which a restore must never write into. */
  liveDir?: string;
}

/**
 * Restores into a new folder and returns it unlocked, so the caller can use or close it.
 * The database part is staged under a temp name and checked before anything takes a vault's name:
 * it opens with the key, passes a full integrity check, holds the vault id of the backup's key slots
 * (backups from before ids were kept hold none) and the rows the header counted (if it counted).
 * Then the database, and last the key slots, are renamed into place, and the folder is unlocked as
 * the app would. Any refusal removes what was written.
 */
export async function restoreBackup(input: RestoreInput): Promise<OpenVault> {
  const dir = resolve(input.dir);
  if (input.liveDir && resolve(input.liveDir) === dir) {
    throw new AppError('conflict', 'Restore into a new folder; the vault in use is never overwritten.');
  }
  if (vaultExists(dir)) throw new AppError('vault_exists', 'That folder already holds a vault. Restore into a new, empty folder.');
  const { header, databaseOffset } = readHeader(input.file);
  assertNotFromTheFuture(header.schemaVersion);
  const whole = readFileSync(input.file);
  if (whole.length <= databaseOffset)
    throw new AppError('vault_damaged', 'This backup holds no database (its database part is empty); nothing was restored.');
  const secret = input.kind === 'recovery' ? normalizeRecoveryKey(input.secret) : input.secret;
  const opened = secret === null ? null : await openAnySlot(header.keyslots, input.kind, secret);
  if (!opened) {
    throw new AppError(
      'wrong_secret',
      input.kind === 'recovery' ? 'That recovery key does not open this backup.' : 'That passphrase does not open this backup.',
    );
  }
  const paths = vaultPaths(dir);
  ensurePrivateDir(dir);
  removeStaleTemps(dir, RESTORE_TEMP);
  const staged = join(dir, tempName(RESTORE_TEMP));
  const written = [staged, `${staged}-wal`, `${staged}-shm`];
  try {
    const fd = openSync(staged, 'wx', FILE_MODE);
    try {
      writeSync(fd, whole.subarray(databaseOffset));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    checkStagedWithAnyKey(staged, opened.dataKeys, header);
    written.push(paths.database, `${paths.database}-wal`, `${paths.database}-shm`);
    renameSync(staged, paths.database);
    written.push(paths.keyslots);
    writeKeySlotFile(paths.keyslots, header.keyslots);
    fsyncDir(dir);
    // The unlock below records the restored vault's head beside it: a refusal removes that too.
    written.push(join(dir, HEAD_FILE));
    return await unlockVault({ dir, secret: input.secret, kind: input.kind });
  } catch (error) {
    for (const path of written) rmSync(path, { force: true });
    throw error;
  } finally {
    wipeOpened(opened);
  }
}

/** The staged database checked under its slots' newest key, or an older one (a backup's slots may hold two epochs). */
function checkStagedWithAnyKey(file: string, dataKeys: readonly EpochKey[], header: BackupHeader): void {
  let refusal: unknown;
  for (const dataKey of dataKeys) {
    try {
      checkStaged(file, dataKey.key, header);
      return;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'vault_damaged')) throw error;
      refusal = refusal ?? error;
    }
  }
  throw refusal;
}

function refuse(reason: string): AppError {
  return new AppError('vault_damaged', `${reason}; nothing was restored.`);
}

/** The staged database: readable with the key, whole, this vault's, and holding what the header counted. */
function checkStaged(file: string, dataKey: Buffer, header: BackupHeader): void {
  const db = openEncryptedDatabase(file, dataKey);
  try {
    const version = schemaVersionOf(db);
    if (version === 0) throw refuse("The backup's database is empty");
    if (version !== header.schemaVersion) throw refuse("The backup's database is not the one its header describes");
    if (!integrityCheck(db)) throw refuse('The backup failed its integrity check');
    const id = databaseVaultId(db);
    if (id !== null && id !== header.keyslots.vaultId) throw refuse("The backup's database does not belong to its key slots");
    if (header.counts) {
      const tables = Object.keys(header.counts);
      const present = new Set(
        (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name),
      );
      if (tables.some((table) => !present.has(table))) throw refuse("The backup's database does not hold what its header lists");
      const counts = countRows(db, tables);
      if (tables.some((table) => counts[table] !== header.counts?.[table])) {
        throw refuse("The backup's database does not hold what its header lists");
      }
    }
  } finally {
    db.close();
  }
}
