/**
 * A vault is a folder: `peerpath.db` (encrypted SQLite and its WAL) and `keyslots.json`.
 * These functions create, open and re-key-slot it; they know nothing of members' names or of
 * sessions (services/vault-session.ts does). Nothing here ever rewrites the database to change a secret.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, CHANGES_LOST_MESSAGE } from '../contract';
import { checkCommitHead, HEAD_FILE } from './commit-head';
import { closeDatabase, openEncryptedDatabase, type SqliteDatabase } from './database';
import { DEFAULT_KDF_COST, type KdfCost } from './kdf';
import {
  type KeySlot,
  type KeySlotFile,
  MAX_SLOTS,
  openAnySlot,
  readKeySlotFile,
  replaceSlot,
  type SlotKind,
  wrapDataKey,
  writeKeySlotFile,
} from './keyslots';
import { assertNotFromTheFuture, migrate, SCHEMA_VERSION, schemaVersionOf } from './migrations';
import { copyBeforeMigrating } from './pre-migration-copy';
import { generateRecoveryKey, normalizeRecoveryKey } from './recovery-key';
import { createEmptyPrivateFile, ensurePrivateDir } from './secure-file';
import { removeStaleTemps } from './temp-files';
import { bindVaultId, emptyDatabase, isEmptyDatabaseFile, writeDatabaseVaultId } from './vault-id';

export const DATABASE_FILE = 'peerpath.db';
export const KEYSLOT_FILE = 'keyslots.json';

export interface VaultPaths {
  dir: string;
  database: string;
  keyslots: string;
}

export function vaultPaths(dir: string): VaultPaths {
  return { dir, database: join(dir, DATABASE_FILE), keyslots: join(dir, KEYSLOT_FILE) };
}

export function vaultExists(dir: string): boolean {
  const paths = vaultPaths(dir);
  return existsSync(paths.database) || existsSync(paths.keyslots);
}

/** An unlocked vault. `dataKey` is wiped by `closeVault`. */
export interface OpenVault {
  paths: VaultPaths;
  vaultId: string;
  db: SqliteDatabase;
  dataKey: Buffer;
  slot: KeySlot;
  /** Migrations applied during this unlock, by tag. */
  migrated: string[];
}

export interface CreateVaultInput {
  dir: string;
  passphrase: string;
  kdfCost?: KdfCost;
}

/** Creates the folder, the encrypted database (migrated) and a passphrase slot plus a recovery slot. */
export async function createVault(input: CreateVaultInput): Promise<{ vault: OpenVault; recoveryKey: string }> {
  const paths = vaultPaths(input.dir);
  if (vaultExists(input.dir)) throw new AppError('vault_exists', 'There is already a vault in this folder.');
  ensurePrivateDir(input.dir);
  const vaultId = randomUUID();
  const dataKey = randomBytes(32);
  const cost = input.kdfCost ?? DEFAULT_KDF_COST;
  const recoveryKey = generateRecoveryKey();
  const [memberSlot, recoverySlot] = await Promise.all([
    wrapDataKey(vaultId, dataKey, input.passphrase, 'passphrase', cost),
    wrapDataKey(vaultId, dataKey, normalizeRecoveryKey(recoveryKey) ?? '', 'recovery', cost),
  ]);
  // The empty file is created 0600 first: SQLite gives the WAL and SHM files the same mode.
  createEmptyPrivateFile(paths.database);
  let db: SqliteDatabase | undefined;
  try {
    db = openEncryptedDatabase(paths.database, dataKey);
    const migrated = migrate(db).map((migration) => migration.tag);
    // Before the slot file exists: a vault with key slots always has its id in the database.
    writeDatabaseVaultId(db, vaultId);
    writeKeySlotFile(paths.keyslots, { format: 'peerpath-keyslots', version: 1, vaultId, slots: [memberSlot, recoverySlot] });
    return { vault: { paths, vaultId, db, dataKey, slot: memberSlot, migrated }, recoveryKey };
  } catch (error) {
    if (db?.open) db.close();
    rmSync(paths.database, { force: true });
    rmSync(`${paths.database}-wal`, { force: true });
    rmSync(`${paths.database}-shm`, { force: true });
    dataKey.fill(0);
    throw error;
  }
}

export interface UnlockInput {
  dir: string;
  secret: string;
  kind: SlotKind;
}

/** Opens the vault, or throws `wrong_secret` having touched nothing. */
/**
 * Up to this size, unlocking reads every page (`quick_check`, about 0.5 s at 64 MiB) so damage is
 * reported before anything is shown. A bigger vault skips it — 9 s for a district's gigabyte —
 * because every page is still authenticated (HMAC) as it is read, so damage surfaces as "the vault
 * is damaged" on first use; `peerpath vault check` reads it all.
 */
export const FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024;

export async function unlockVault(input: UnlockInput): Promise<OpenVault> {
  const paths = vaultPaths(input.dir);
  if (!vaultExists(input.dir)) throw new AppError('vault_missing', 'There is no vault in this folder.');
  const slotFile = readKeySlotFile(paths.keyslots);
  if (!existsSync(paths.database)) {
    throw new AppError('vault_damaged', 'The vault database file is missing — restore from backup.');
  }
  if (isEmptyDatabaseFile(paths.database)) throw emptyOrLost(paths);
  const secret = input.kind === 'recovery' ? normalizeRecoveryKey(input.secret) : input.secret;
  const opened = secret === null ? null : await openAnySlot(slotFile, input.kind, secret);
  if (!opened) {
    throw new AppError(
      'wrong_secret',
      input.kind === 'recovery' ? 'That recovery key does not open this vault.' : 'That passphrase does not open this vault.',
    );
  }
  let db: SqliteDatabase | undefined;
  try {
    db = openEncryptedDatabase(paths.database, opened.dataKey, { verify: statSync(paths.database).size <= FULL_CHECK_MAX_BYTES });
    const version = schemaVersionOf(db);
    // Key slots are written only after the database is migrated: one that never was is not this vault.
    if (version === 0) throw emptyOrLost(paths);
    assertNotFromTheFuture(version);
    if (version < SCHEMA_VERSION) copyBeforeMigrating(db, paths.dir, version);
    const migrated = migrate(db).map((migration) => migration.tag);
    bindVaultId(db, slotFile.vaultId);
    checkCommitHead(db, paths.dir, opened.dataKey);
    // Temp copies of the slot file left by a killed writer may hold slots removed since.
    removeStaleTemps(paths.dir, KEYSLOT_FILE);
    return { paths, vaultId: slotFile.vaultId, db, dataKey: opened.dataKey, slot: opened.slot, migrated };
  } catch (error) {
    if (db?.open) db.close();
    opened.dataKey.fill(0);
    throw error;
  }
}

/**
 * An empty database beside a recorded head once held commits (its WAL went missing before they were
 * folded in): that is changes lost, not a vault that never was. The head file is read unauthenticated
 * here, but either way the vault is refused; it only chooses the words.
 */
function emptyOrLost(paths: VaultPaths): AppError {
  return existsSync(join(paths.dir, HEAD_FILE)) ? new AppError('changes_lost', CHANGES_LOST_MESSAGE) : emptyDatabase();
}

export function closeVault(vault: OpenVault): void {
  try {
    closeDatabase(vault.db);
  } finally {
    vault.dataKey.fill(0);
  }
}

function currentSlotFile(vault: OpenVault): KeySlotFile {
  return readKeySlotFile(vault.paths.keyslots);
}

/** Re-wraps one slot under a new secret: same id, new salt; the database is not touched. */
export async function rewrapSlot(vault: OpenVault, slotId: string, newSecret: string, cost: KdfCost = DEFAULT_KDF_COST): Promise<KeySlot> {
  const file = currentSlotFile(vault);
  const existing = file.slots.find((slot) => slot.id === slotId);
  if (!existing) throw new AppError('not_found', 'That team member no longer has access to this vault.');
  const slot = await wrapDataKey(vault.vaultId, vault.dataKey, newSecret, existing.kind, cost, slotId);
  writeKeySlotFile(vault.paths.keyslots, replaceSlot(file, slot));
  if (vault.slot.id === slotId) vault.slot = slot;
  return slot;
}

/** A new passphrase slot, wrapped but not yet written: `writeNewSlot` adds it to the slot file. */
export async function preparePassphraseSlot(vault: OpenVault, passphrase: string, cost: KdfCost = DEFAULT_KDF_COST): Promise<KeySlot> {
  if (currentSlotFile(vault).slots.length >= MAX_SLOTS) {
    throw new AppError(
      'forbidden',
      `This vault already has the most key slots Peerpath allows (${MAX_SLOTS}). Remove a team member first.`,
    );
  }
  return wrapDataKey(vault.vaultId, vault.dataKey, passphrase, 'passphrase', cost);
}

/** Adds a prepared slot to the slot file (one atomic rename). */
export function writeNewSlot(vault: OpenVault, slot: KeySlot): void {
  const file = currentSlotFile(vault);
  if (file.slots.some((existing) => existing.id === slot.id)) throw new AppError('conflict', 'That key slot already exists.');
  writeKeySlotFile(vault.paths.keyslots, { ...file, slots: [...file.slots, slot] });
}

export function removeSlot(vault: OpenVault, slotId: string): void {
  const file = currentSlotFile(vault);
  const target = file.slots.find((slot) => slot.id === slotId);
  if (!target) throw new AppError('not_found', 'That team member no longer has access to this vault.');
  if (slotId === vault.slot.id) {
    throw new AppError('forbidden', 'You cannot remove the access you are using now. Ask another team member to do it.');
  }
  const remaining = file.slots.filter((slot) => slot.id !== slotId);
  if (!remaining.some((slot) => slot.kind === 'passphrase')) {
    throw new AppError('forbidden', 'This is the last passphrase that opens the vault; it cannot be removed.');
  }
  writeKeySlotFile(vault.paths.keyslots, { ...file, slots: remaining });
}

/** Replaces the recovery slot with a new key; the old recovery key stops working at once. */
export async function replaceRecoveryKey(vault: OpenVault, cost: KdfCost = DEFAULT_KDF_COST): Promise<string> {
  const file = currentSlotFile(vault);
  const recoveryKey = generateRecoveryKey();
  const slot = await wrapDataKey(vault.vaultId, vault.dataKey, normalizeRecoveryKey(recoveryKey) ?? '', 'recovery', cost);
  writeKeySlotFile(vault.paths.keyslots, { ...file, slots: [...file.slots.filter((s) => s.kind !== 'recovery'), slot] });
  return recoveryKey;
}

export function slotExists(vault: OpenVault, slotId: string): boolean {
  return currentSlotFile(vault).slots.some((slot) => slot.id === slotId);
}

export function passphraseSlotIds(vault: OpenVault): string[] {
  return currentSlotFile(vault)
    .slots.filter((slot) => slot.kind === 'passphrase')
    .map((slot) => slot.id);
}
