/**
 * A vault is a folder: `peerpath.db` (encrypted SQLite and its WAL) and `keyslots.json`.
 * These functions create, open and re-key-slot it; they know nothing of members' names or of
 * sessions (services/vault-session.ts does). Changing a secret rewrites the slot file; only a
 * rotation of the data key (rotation.ts) rewrites the database, as a verified copy swapped in.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, CHANGES_LOST_MESSAGE } from '../contract';
import { checkCommitHead, HEAD_FILE } from './commit-head';
import { closeDatabase, openEncryptedDatabase, type SqliteDatabase } from './database';
import { DEFAULT_KDF_COST, type KdfCost } from './kdf';
import {
  createSlot,
  databaseSaltOf,
  type EpochKey,
  FIRST_EPOCH,
  holdsOtherEpochs,
  isSlotV2,
  type KeySlotFile,
  MAX_SLOTS,
  type OpenedSlot,
  openAnySlot,
  readKeySlotFile,
  replaceSlot,
  retireSlots,
  type SlotKind,
  type SlotSigner,
  type SlotV2,
  settleEpoch,
  wipeOpened,
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
/** The temp name of the database a rotation is writing under its new key (see rotation.ts). */
export const ROTATION_TEMP = '.peerpath-rotation';

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
  /** The epoch of `dataKey`: a rotation moves the vault to the next one. */
  epoch: number;
  /** The slot this session opened (always version 2 once unlocked). */
  slot: SlotV2;
  /** Signs this session's audit events: the opened slot's Ed25519 key (the recovery slot's after a recovery-key unlock). */
  signer: SlotSigner;
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
  const dataKeys = [{ epoch: FIRST_EPOCH, key: dataKey }];
  const [member, recovery] = await Promise.all([
    createSlot({ vaultId, secret: input.passphrase, kind: 'passphrase', dataKeys, cost }),
    createSlot({ vaultId, secret: normalizeRecoveryKey(recoveryKey) ?? '', kind: 'recovery', dataKeys, cost }),
  ]);
  // The empty file is created 0600 first: SQLite gives the WAL and SHM files the same mode.
  createEmptyPrivateFile(paths.database);
  let db: SqliteDatabase | undefined;
  try {
    db = openEncryptedDatabase(paths.database, dataKey);
    const migrated = migrate(db).map((migration) => migration.tag);
    // Before the slot file exists: a vault with key slots always has its id in the database.
    writeDatabaseVaultId(db, vaultId);
    writeKeySlotFile(paths.keyslots, {
      format: 'peerpath-keyslots',
      version: 2,
      vaultId,
      epoch: FIRST_EPOCH,
      slots: [member.slot, recovery.slot],
      retired: [],
      databaseSalts: { [String(FIRST_EPOCH)]: databaseSaltOf(paths.database) },
    });
    return {
      vault: { paths, vaultId, db, dataKey, epoch: FIRST_EPOCH, slot: member.slot, signer: member.signer, migrated },
      recoveryKey,
    };
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
    const opening = openNewestEpoch(paths.database, slotFile, opened.dataKeys, statSync(paths.database).size <= FULL_CHECK_MAX_BYTES);
    db = opening.db;
    const version = schemaVersionOf(db);
    // Key slots are written only after the database is migrated: one that never was is not this vault.
    if (version === 0) throw emptyOrLost(paths);
    assertNotFromTheFuture(version);
    if (version < SCHEMA_VERSION) copyBeforeMigrating(db, paths.dir, version);
    const migrated = migrate(db).map((migration) => migration.tag);
    bindVaultId(db, slotFile.vaultId);
    checkCommitHead(db, paths.dir, opening.used.key);
    // Temp copies of the slot file left by a killed writer may hold slots removed since; a killed
    // rotation's copy of the database is under a key no file holds any more.
    removeStaleTemps(paths.dir, KEYSLOT_FILE);
    removeStaleTemps(paths.dir, ROTATION_TEMP);
    const { slot, signer } = await settleSlotFile(paths, slotFile, opened, opening.used, secret ?? '');
    const dataKey = Buffer.from(opening.used.key);
    wipeOpened(opened);
    return { paths, vaultId: slotFile.vaultId, db, dataKey, epoch: opening.used.epoch, slot, signer, migrated };
  } catch (error) {
    if (db?.open) db.close();
    wipeOpened(opened);
    throw error;
  }
}

/**
 * Opens the database with the newest epoch's key, falling back to older ones: a rotation killed
 * before its new database took the old one's name leaves the old database beside a slot file that
 * already holds both keys. A wrong key reads as damage (`vault_damaged`); only that is retried.
 */
function openNewestEpoch(
  file: string,
  slotFile: KeySlotFile,
  keys: readonly EpochKey[],
  verify: boolean,
): { db: SqliteDatabase; used: EpochKey } {
  let refusal: unknown;
  for (const used of keys) {
    try {
      return { db: openEncryptedDatabase(file, used.key, { verify }), used };
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'vault_damaged')) throw error;
      refusal = error;
    }
  }
  // The slot file names the database its keys open: another one means this key file is older than
  // the vault (its key was rotated since), so the secret does not open the vault as it is now.
  const known = Object.values(slotFile.databaseSalts);
  if (known.length > 0 && !known.includes(databaseSaltOf(file))) {
    throw new AppError(
      'wrong_secret',
      'That secret does not open this vault as it is now: the key file (keyslots.json) beside it belongs to an older copy of the vault, or to another vault.',
    );
  }
  throw refusal;
}

/** A rotation of another process still running (its temp database is there and its process alive). */
function rotationUnderWay(dir: string): boolean {
  removeStaleTemps(dir, ROTATION_TEMP);
  const prefix = `${ROTATION_TEMP}.`;
  return readdirSync(dir).some((name) => name.startsWith(prefix));
}

/**
 * After the database opened with `used`: finishes or undoes a rotation cut short (every slot keeps
 * only the epoch the database is under) and upgrades the opened slot to version 2 if it was a
 * version 1 slot (the secret is at hand only now). One atomic write of the slot file, when needed.
 */
async function settleSlotFile(
  paths: VaultPaths,
  file: KeySlotFile,
  opened: OpenedSlot,
  used: EpochKey,
  secret: string,
): Promise<{ slot: SlotV2; signer: SlotSigner }> {
  let next = file;
  let changed = false;
  if (holdsOtherEpochs(file, used.epoch) && !rotationUnderWay(paths.dir)) {
    next = settleEpoch(next, used.epoch);
    changed = true;
  }
  if (!next.databaseSalts[String(used.epoch)] && !rotationUnderWay(paths.dir)) {
    // A file from before salts were kept learns its database's, so a later stale copy is told apart.
    next = { ...next, databaseSalts: { ...next.databaseSalts, [String(used.epoch)]: databaseSaltOf(paths.database) } };
    changed = true;
  }
  let result: { slot: SlotV2; signer: SlotSigner };
  if (isSlotV2(opened.slot) && opened.signer) {
    result = { slot: next.slots.find((slot) => slot.id === opened.slot.id) as SlotV2, signer: opened.signer };
  } else {
    const { memoryKiB, iterations, parallelism } = opened.slot.kdf;
    result = await createSlot({
      vaultId: file.vaultId,
      secret,
      kind: opened.slot.kind,
      dataKeys: [used],
      cost: { memoryKiB, iterations, parallelism },
      id: opened.slot.id,
    });
    next = replaceSlot(next, result.slot);
    changed = true;
  }
  if (changed) writeKeySlotFile(paths.keyslots, next);
  return result;
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

/** The data key the vault is under now, as the one key a new or re-made slot receives. */
function currentKeys(vault: OpenVault): EpochKey[] {
  return [{ epoch: vault.epoch, key: vault.dataKey }];
}

/**
 * Re-makes one slot under a new secret: same id, new salt, new X25519 key pair (so the old secret,
 * with an old or the current slot file, unlocks no key sealed from now on). The signing key is kept
 * when the session holds it (a member changing their own passphrase stays the same signer);
 * otherwise (a passphrase set after a recovery-key unlock) it is new and the old one is retired.
 */
export async function rewrapSlot(
  vault: OpenVault,
  slotId: string,
  newSecret: string,
  cost: KdfCost = DEFAULT_KDF_COST,
): Promise<{ slot: SlotV2; signer: SlotSigner }> {
  const file = currentSlotFile(vault);
  const existing = file.slots.find((slot) => slot.id === slotId);
  if (!existing) throw new AppError('not_found', 'That team member no longer has access to this vault.');
  const keep = vault.signer.slotId === slotId ? vault.signer : undefined;
  const made = await createSlot({
    vaultId: vault.vaultId,
    secret: newSecret,
    kind: existing.kind,
    dataKeys: currentKeys(vault),
    cost,
    id: slotId,
    signer: keep,
  });
  const next = keep ? replaceSlot(file, made.slot) : retireSlots(file, [slotId], [made.slot]);
  writeKeySlotFile(vault.paths.keyslots, next);
  if (vault.slot.id === slotId) {
    vault.slot = made.slot;
    vault.signer = made.signer;
  }
  return made;
}

/** A new passphrase slot, made but not yet written: `writeNewSlot` adds it to the slot file. */
export async function preparePassphraseSlot(vault: OpenVault, passphrase: string, cost: KdfCost = DEFAULT_KDF_COST): Promise<SlotV2> {
  if (currentSlotFile(vault).slots.length >= MAX_SLOTS) {
    throw new AppError(
      'forbidden',
      `This vault already has the most key slots Peerpath allows (${MAX_SLOTS}). Remove a team member first.`,
    );
  }
  const made = await createSlot({ vaultId: vault.vaultId, secret: passphrase, kind: 'passphrase', dataKeys: currentKeys(vault), cost });
  return made.slot;
}

/** Adds a prepared slot to the slot file (one atomic rename). */
export function writeNewSlot(vault: OpenVault, slot: SlotV2): void {
  const file = currentSlotFile(vault);
  if (file.slots.some((existing) => existing.id === slot.id)) throw new AppError('conflict', 'That key slot already exists.');
  writeKeySlotFile(vault.paths.keyslots, { ...file, slots: [...file.slots, slot] });
}

/** Deletes a member's slot (its signing key is kept as retired). The data key is not changed here: see rotation.ts. */
export function removeSlot(vault: OpenVault, slotId: string): void {
  const file = currentSlotFile(vault);
  const target = file.slots.find((slot) => slot.id === slotId);
  if (!target) throw new AppError('not_found', 'That team member no longer has access to this vault.');
  if (slotId === vault.slot.id) {
    throw new AppError('forbidden', 'You cannot remove the access you are using now. Ask another team member to do it.');
  }
  if (!file.slots.some((slot) => slot.id !== slotId && slot.kind === 'passphrase')) {
    throw new AppError('forbidden', 'This is the last passphrase that opens the vault; it cannot be removed.');
  }
  writeKeySlotFile(vault.paths.keyslots, retireSlots(file, [slotId]));
}

/** Replaces the recovery slot with a new key; the old recovery key stops working at once. */
export async function replaceRecoveryKey(vault: OpenVault, cost: KdfCost = DEFAULT_KDF_COST): Promise<string> {
  const file = currentSlotFile(vault);
  const recoveryKey = generateRecoveryKey();
  const made = await createSlot({
    vaultId: vault.vaultId,
    secret: normalizeRecoveryKey(recoveryKey) ?? '',
    kind: 'recovery',
    dataKeys: currentKeys(vault),
    cost,
  });
  const old = file.slots.filter((slot) => slot.kind === 'recovery').map((slot) => slot.id);
  writeKeySlotFile(vault.paths.keyslots, retireSlots(file, old, [made.slot]));
  if (old.includes(vault.slot.id)) {
    // A recovery-key session signs with the new recovery slot's key from now on.
    vault.slot = made.slot;
    vault.signer = made.signer;
  }
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
