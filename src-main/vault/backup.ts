/**
 * One-file backups: a small header (magic, format, the key-slot file) followed by the encrypted
 * database. The copy is a consistent online snapshot taken with `VACUUM INTO` on the keyed
 * connection, which SQLite3MultipleCiphers writes encrypted under the same key. (better-sqlite3's
 * `backup()` opens its destination without a key and is refused for an encrypted source.)
 * Restoring needs a secret that opens one of the backup's slots, checks integrity, and only ever
 * writes into a folder that holds no vault.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../contract';
import { integrityCheck } from './database';
import type { SlotKind } from './keyslots';
import { KeySlotFile, readKeySlotFile, writeKeySlotFile } from './keyslots';
import { assertNotFromTheFuture, schemaVersionOf } from './migrations';
import { createEmptyPrivateFile, ensurePrivateDir, FILE_MODE, fsyncDir } from './secure-file';
import { type OpenVault, unlockVault, vaultExists, vaultPaths } from './vault';

const MAGIC = Buffer.from('PEERPATH-BACKUP\n', 'ascii');

const BackupHeader = z.object({
  format: z.literal('peerpath-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  keyslots: KeySlotFile,
});
type BackupHeader = z.infer<typeof BackupHeader>;

function tempPathBeside(path: string): string {
  return join(dirname(path), `.${randomBytes(6).toString('hex')}.peerpath-tmp`);
}

/** Writes the backup to `file`, refusing to overwrite an existing file. */
export function backupVault(vault: OpenVault, file: string, now: Date = new Date()): { bytes: number } {
  const target = resolve(file);
  if (existsSync(target)) throw new AppError('conflict', 'A file with that name already exists. Choose a new name for the backup.');
  const snapshot = tempPathBeside(target);
  const assembled = tempPathBeside(target);
  try {
    createEmptyPrivateFile(snapshot);
    vault.db.prepare('VACUUM INTO ?').run(snapshot);
    const header: BackupHeader = {
      format: 'peerpath-backup',
      version: 1,
      createdAt: now.toISOString(),
      schemaVersion: schemaVersionOf(vault.db),
      keyslots: readKeySlotFile(vault.paths.keyslots),
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
    rmSync(snapshot, { force: true });
    rmSync(assembled, { force: true });
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

export interface RestoreInput {
  file: string;
  dir: string;
  secret: string;
  kind: SlotKind;
  /** The live vault's folder, which a restore must never write into. */
  liveDir?: string;
}

/** Restores into a new folder and returns it unlocked, so the caller can use or close it. */
export async function restoreBackup(input: RestoreInput): Promise<OpenVault> {
  const dir = resolve(input.dir);
  if (input.liveDir && resolve(input.liveDir) === dir) {
    throw new AppError('conflict', 'Restore into a new folder; the vault in use is never overwritten.');
  }
  if (vaultExists(dir)) throw new AppError('vault_exists', 'That folder already holds a vault. Restore into a new, empty folder.');
  const { header, databaseOffset } = readHeader(input.file);
  assertNotFromTheFuture(header.schemaVersion);
  const paths = vaultPaths(dir);
  ensurePrivateDir(dir);
  const whole = readFileSync(input.file);
  const staged = tempPathBeside(paths.database);
  const fd = openSync(staged, 'wx', FILE_MODE);
  try {
    writeSync(fd, whole.subarray(databaseOffset));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(staged, paths.database);
    writeKeySlotFile(paths.keyslots, header.keyslots);
    const vault = await unlockVault({ dir, secret: input.secret, kind: input.kind });
    if (!integrityCheck(vault.db)) {
      vault.db.close();
      vault.dataKey.fill(0);
      throw new AppError('vault_damaged', 'The backup failed its integrity check; nothing was restored.');
    }
    return vault;
  } catch (error) {
    for (const path of [staged, paths.database, `${paths.database}-wal`, `${paths.database}-shm`, paths.keyslots]) {
      rmSync(path, { force: true });
    }
    throw error;
  }
}
