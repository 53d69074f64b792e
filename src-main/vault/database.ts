/**
 * Opens the vault's SQLite file with the raw data key (SQLCipher v4 page format through
 * SQLite3MultipleCiphers) and sets the pragmas every connection needs. Any sign of a wrong key,
 * a foreign file or damage becomes one clear `vault_damaged` error.
 */
import Database from 'better-sqlite3';
import { AppError, BUSY_MESSAGE, DAMAGED_MESSAGE } from '../contract';
import { stopTrackingCommitHead } from './commit-head';
import { keepPreparedStatements } from './statement-cache';

export type SqliteDatabase = Database.Database;

/** SQLite result codes that mean the bytes on disk are not a healthy vault. */
const DAMAGE_CODES = /^SQLITE_(CORRUPT|NOTADB|IOERR_SHORT_READ|CANTOPEN)/;

export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DAMAGE_CODES.test(code);
}

export function damaged(cause?: unknown): AppError {
  return new AppError('vault_damaged', DAMAGED_MESSAGE, { cause });
}

/**
 * SQLite result codes that mean another connection held the vault past the busy timeout: the app
 * and a `peerpath` command (or two commands) writing at once. SQLITE_BUSY_SNAPSHOT cannot arise from
 * `change()`/`systemWrite()` (they begin IMMEDIATE) but is mapped the same in case any other path meets it.
 */
const BUSY_CODES = /^SQLITE_(BUSY|LOCKED)/;

export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && BUSY_CODES.test(code);
}

export function busy(cause?: unknown): AppError {
  return new AppError('vault_busy', BUSY_MESSAGE, { cause });
}

/** How long a write waits for another Peerpath window or command to finish its write before answering `vault_busy`. */
export const BUSY_TIMEOUT_MS = 5000;

/** Applies the cipher settings and key; the key string is hex only, never interpolated from input. */
export function applyKey(db: SqliteDatabase, dataKey: Buffer, schema = 'main'): void {
  if (dataKey.length !== 32) throw new Error('applyKey: the data key must be 32 bytes');
  db.pragma(`${schema}.cipher = 'sqlcipher'`);
  db.pragma(`${schema}.legacy = 4`);
  db.pragma(`${schema}.key = "x'${dataKey.toString('hex')}'"`);
}

/** Pages kept decrypted in memory: a caseload's goals and points fit, so a dashboard reads few pages twice. */
const CACHE_KIB = 64 * 1024;

/**
 * What every connection sets after its key: WAL, enforced links, wiped deletes, temporary data in
 * memory, a page cache, and its prepared statements kept for reuse.
 * busy_timeout: SQLite's own write lock is the one writer lock shared by the app's service host and
 * every `peerpath` command; a write waits for it this long, then answers `vault_busy`. Readers never wait (WAL).
 * synchronous = NORMAL: in WAL mode a commit never corrupts the vault and survives the app crashing
 * or being killed; only a power cut or OS crash may undo the last commits before a checkpoint. FULL
 * would fsync on every commit, 4–6 ms each on a typical disk — more than a whole session entry
 * should take (measured in `npm run bench`).
 */
export function applyConnectionPragmas(db: SqliteDatabase): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Sorts and temporary indexes stay in memory: a temp file (etilqs_*) would hold decrypted rows.
  db.pragma('temp_store = MEMORY');
  db.pragma(`cache_size = -${CACHE_KIB}`);
  keepPreparedStatements(db);
}

export interface OpenOptions {
  /** Run `PRAGMA quick_check` and refuse the vault if it is not ok. */
  verify?: boolean;
  /** Refuse every write on this connection (a worker thread's reader); WAL lets it read while the main connection writes. */
  readonly?: boolean;
}

export function openEncryptedDatabase(file: string, dataKey: Buffer, options: OpenOptions = {}): SqliteDatabase {
  let db: SqliteDatabase;
  try {
    db = new Database(file, { fileMustExist: true, readonly: options.readonly ?? false });
  } catch (error) {
    throw damaged(error);
  }
  try {
    applyKey(db, dataKey);
    // Reading the schema is the first access that decrypts a page: a wrong key or damaged header fails here.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    applyConnectionPragmas(db);
    if (options.verify) {
      const rows = db.pragma('quick_check') as { quick_check: string }[];
      if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') throw damaged();
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    if (isDamageError(error)) throw damaged(error);
    throw error;
  }
}

export function integrityCheck(db: SqliteDatabase): boolean {
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.length === 1 && rows[0]?.integrity_check === 'ok';
  } catch (error) {
    if (isDamageError(error)) return false;
    throw error;
  }
}

export function closeDatabase(db: SqliteDatabase): void {
  stopTrackingCommitHead(db);
  if (!db.open) return;
  try {
    db.pragma('optimize');
  } finally {
    db.close();
  }
}

/** Any drizzle handle over a vault connection: only vault/ reaches through one to the connection itself. */
export interface OverConnection {
  readonly $client: SqliteDatabase;
}

/**
 * After records are removed for good: moves every committed page into the database file (where
 * `secure_delete` has zeroed the freed bytes) and empties the WAL, so no old copy of a removed page
 * stays behind in either file. Outside any transaction (a checkpoint cannot run inside one).
 */
export function forgetFreedPages(db: OverConnection): void {
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
}
