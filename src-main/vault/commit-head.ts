/**
 * Committed means kept. After every committed write the vault's head — the id and hash of the last
 * audit event, which every write appends (services/context.ts) — is written beside the database
 * (`peerpath.head`), authenticated with a key derived from the data key. Unlocking compares: a
 * database whose head is behind the recorded one, or holds another event under its id, has lost
 * committed changes (a damaged or deleted `-wal`), and is refused rather than opened with rows
 * silently missing. The WAL replays its frames in order and stops at the first bad one, so any lost
 * commit takes the later, recorded head with it. A database ahead of the file (a crash between a
 * commit and this file's write, or two processes writing it in turn) is accepted and the file rewritten.
 *
 * Rolled back, not lost: at lock the WAL is folded into the database file and that head recorded
 * as `checkpointed` (not at unlock: the WAL would then be rewritten from its start, and every commit
 * carries the last lock's value forward). A database missing even that head is not a lost WAL — those
 * events were in the file itself — but an older `peerpath.db` put back (or an older page of the
 * audit table swapped in): refused as `vault_rolled_back`. Not detected: the database and this file
 * put back together (both older copies), since the MAC key comes from the data key every member holds.
 *
 * Not fsynced, like the WAL under `synchronous=NORMAL`: it survives the app crashing, as the WAL does.
 * The file holds no secret: ids, a hash of audit events and a MAC. Measured: recording costs about
 * 0.04 ms of a write (one HMAC, two indexed reads, one 4 KiB write into the page cache).
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { closeSync, constants, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, CHANGES_LOST_MESSAGE, ROLLED_BACK_MESSAGE } from '../contract';
import type { OverConnection, SqliteDatabase } from './database';

export const HEAD_FILE = 'peerpath.head';
const FORMAT = 'peerpath-head';
/** 2 adds `checkpointed` and `signers`; a version 1 record is still read (as having neither). */
const VERSION = 2;

export interface CommitHead {
  /** The id of the newest audit event; 0 before the first. */
  id: number;
  hash: string;
}

/** What the file holds: the newest head, the newest head known to be in the database file itself, and each signer's newest sequence number. */
interface Recorded extends CommitHead {
  /**
   * A head every event of which was in `peerpath.db` itself (checkpointed out of the WAL) when it
   * was recorded, at unlock or lock. Losing the WAL can never take these events away, so a database
   * without them is an older copy of the file put back: `vault_rolled_back`, not `changes_lost`.
   */
  checkpointed: CommitHead | null;
  /** Signer slot id → their newest audit sequence number (services/audit.ts): a cut tail of anyone's events shows. */
  signers: Record<string, number>;
}

/**
 * What unlocking found: the file matched the database (`kept`), the database was ahead (`ahead`),
 * there was no file (`absent`: a vault from before this file, or the file removed), or the file
 * did not verify (`unreadable`: edited, or another vault's). All but `kept` rewrite the file.
 */
export type HeadCheck = 'kept' | 'ahead' | 'absent' | 'unreadable';

interface Tracked {
  path: string;
  macKey: Buffer;
  check: HeadCheck;
  checkpointed: CommitHead | null;
  /** Signers' newest sequence numbers up to event `signersUpTo`: each commit adds only the events after it. */
  signers: Record<string, number>;
  signersUpTo: number;
}

const tracked = new WeakMap<SqliteDatabase, Tracked>();

function macKeyOf(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.from(FORMAT), 'peerpath commit head mac v1', 32));
}

function macOf(macKey: Buffer, version: number, head: Recorded): Buffer {
  const mac = createHmac('sha256', macKey);
  if (version === 1) return mac.update(`${FORMAT}\n1\n${head.id}\n${head.hash}`).digest();
  const signers = Object.entries(head.signers).sort(([a], [b]) => (a < b ? -1 : 1));
  return mac.update(`${FORMAT}\n${version}\n${JSON.stringify([head.id, head.hash, head.checkpointed, signers])}`).digest();
}

export function databaseHead(db: SqliteDatabase): CommitHead {
  const row = db.prepare('SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1').get() as
    | { id: number; hash: string | null }
    | undefined;
  return row ? { id: row.id, hash: row.hash ?? '' } : { id: 0, hash: '' };
}

const isId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function parseHead(value: unknown): CommitHead | null {
  const head = value as { id?: unknown; hash?: unknown } | null;
  return head && isId(head.id) && typeof head.hash === 'string' ? { id: head.id, hash: head.hash } : null;
}

function readRecorded(path: string, macKey: Buffer): Recorded | 'absent' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const version = parsed.version;
    if (parsed.format !== FORMAT || (version !== 1 && version !== VERSION)) return 'unreadable';
    const head = parseHead(parsed);
    const checkpointed = parsed.checkpointed === undefined || parsed.checkpointed === null ? null : parseHead(parsed.checkpointed);
    const signers = (parsed.signers ?? {}) as Record<string, unknown>;
    if (!head || typeof parsed.mac !== 'string' || (parsed.checkpointed && !checkpointed)) return 'unreadable';
    if (typeof signers !== 'object' || !Object.values(signers).every(isId)) return 'unreadable';
    const recorded: Recorded = { ...head, checkpointed, signers: signers as Record<string, number> };
    const mac = Buffer.from(parsed.mac, 'hex');
    const expected = macOf(macKey, version, recorded);
    return mac.length === expected.length && timingSafeEqual(mac, expected) ? recorded : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** Every record is this long (JSON padded with spaces), so a write in place always replaces all of the last one. */
const RECORD_BYTES = 4096;

/**
 * Written in place — one write of one fixed-size record into a user-only file — not as a temp file
 * and a rename: on ext4 the rename cost 0.13 ms at the median and 2 ms at p95 (journal, writeback of
 * the replaced file) against 0.01 / 0.02 ms in place, on every write of the app. A record torn by a
 * power cut or read half-written by another process's unlock fails its MAC, and an unreadable file
 * is accepted (and noted), never taken for a lost commit.
 */
function writeRecorded(path: string, macKey: Buffer, head: Recorded): void {
  let record = head;
  let text = serialize(macKey, record);
  // More signers than one 4 KiB record holds (about 75 over the vault's life): the head and checkpoint matter most.
  if (text.length > RECORD_BYTES) {
    record = { ...head, signers: {} };
    text = serialize(macKey, record);
  }
  if (text.length > RECORD_BYTES) throw new Error('commit head: the record is longer than its slot');
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT, 0o600);
  try {
    writeSync(fd, text.padEnd(RECORD_BYTES, ' '), 0);
  } finally {
    closeSync(fd);
  }
}

function serialize(macKey: Buffer, head: Recorded): string {
  const { id, hash, checkpointed, signers } = head;
  const mac = macOf(macKey, VERSION, head).toString('hex');
  return JSON.stringify({ format: FORMAT, version: VERSION, id, hash, checkpointed, signers, mac });
}

/** Each signer's newest sequence number among the events after `afterId` (an indexed range of the newest events). */
function signerSeqsAfter(db: SqliteDatabase, afterId: number, into: Record<string, number>): Record<string, number> {
  const rows = db
    .prepare('SELECT signer, max(signer_seq) AS seq FROM audit_events WHERE id > ? AND signer IS NOT NULL GROUP BY signer')
    .all(afterId) as { signer: string; seq: number }[];
  const signers = { ...into };
  for (const row of rows) signers[row.signer] = Math.max(signers[row.signer] ?? 0, row.seq);
  return signers;
}

/**
 * Moves what it can of the WAL into the database file without waiting for anyone (PASSIVE); when
 * every frame went in, `head` — read before — is in the file for good. Null when another process's
 * reader or writer kept some frames back.
 */
function checkpointedHead(db: SqliteDatabase, head: CommitHead): CommitHead | null {
  if (db.inTransaction || db.readonly) return null;
  const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  return result && result.busy === 0 && result.log === result.checkpointed ? head : null;
}

function eventMatches(db: SqliteDatabase, head: CommitHead): boolean {
  if (head.id === 0) return true;
  const row = db.prepare('SELECT hash FROM audit_events WHERE id = ?').get(head.id) as { hash: string | null } | undefined;
  return row !== undefined && row.hash === head.hash;
}

/**
 * At unlock: refuses a database that no longer holds the recorded head — `vault_rolled_back` when
 * it lacks even the checkpointed head (the file itself is an older copy), `changes_lost` otherwise
 * (the WAL lost commits) — accepts one at or ahead of it, writes the file when it was absent,
 * unreadable or behind, and from then on records this connection's commits (`recordCommitHead`).
 * The file is read before the database, so a commit by another process in between can only make
 * the database look ahead, never behind.
 */
export function checkCommitHead(db: SqliteDatabase, dir: string, dataKey: Buffer): HeadCheck {
  const path = join(dir, HEAD_FILE);
  const macKey = macKeyOf(dataKey);
  try {
    const recorded = readRecorded(path, macKey);
    let check: HeadCheck;
    if (typeof recorded === 'object') {
      if (!eventMatches(db, recorded)) {
        if (recorded.checkpointed && !eventMatches(db, recorded.checkpointed)) throw new AppError('vault_rolled_back', ROLLED_BACK_MESSAGE);
        throw new AppError('changes_lost', CHANGES_LOST_MESSAGE);
      }
      check = databaseHead(db).id === recorded.id ? 'kept' : 'ahead';
    } else {
      check = recorded;
    }
    const entry: Tracked = { path, macKey, check, checkpointed: null, signers: {}, signersUpTo: 0 };
    if (typeof recorded === 'object')
      Object.assign(entry, { checkpointed: recorded.checkpointed, signers: recorded.signers, signersUpTo: recorded.id });
    tracked.set(db, entry);
    if (check !== 'kept') write(db, entry, databaseHead(db), null);
    return check;
  } catch (error) {
    macKey.fill(0);
    throw error;
  }
}

function write(db: SqliteDatabase, entry: Tracked, head: CommitHead, checkpointed: CommitHead | null): void {
  if (checkpointed) entry.checkpointed = checkpointed;
  entry.signers = signerSeqsAfter(db, entry.signersUpTo, entry.signers);
  entry.signersUpTo = head.id;
  writeRecorded(entry.path, entry.macKey, { ...head, checkpointed: entry.checkpointed, signers: entry.signers });
}

/** A vault just created (never unlocked through `checkCommitHead`): record its head from now on. */
export function trackCommitHead(db: SqliteDatabase, dir: string, dataKey: Buffer): void {
  if (tracked.has(db)) return;
  const entry: Tracked = {
    path: join(dir, HEAD_FILE),
    macKey: macKeyOf(dataKey),
    check: 'absent',
    checkpointed: null,
    signers: {},
    signersUpTo: 0,
  };
  tracked.set(db, entry);
  write(db, entry, databaseHead(db), null);
}

/** What the unlock of this connection found, for the unlock's audit event; undefined when not tracked. */
export function commitHeadCheck(db: SqliteDatabase): HeadCheck | undefined {
  return tracked.get(db)?.check;
}

/**
 * After a write transaction committed (context.ts): records the database's head. Not inside an
 * outer transaction (nothing is committed yet), and never failing the write, which has committed:
 * a head not written now is written by the next commit or the next unlock.
 */
export function recordCommitHead(handle: OverConnection): void {
  const db = handle.$client;
  if (db.inTransaction) return;
  const entry = tracked.get(db);
  if (!entry) return;
  try {
    write(db, entry, databaseHead(db), null);
  } catch {
    // The commit stands; only the guard is a step behind (it accepts a database ahead of it).
  }
}

/**
 * Each signer's newest sequence number as the file beside the database holds it now (the last
 * commit's record): what `audit verify` compares the trail with. Null when this connection is not
 * tracked or the file does not verify.
 */
export function recordedSignerSeqs(handle: OverConnection): Map<string, number> | null {
  const entry = tracked.get(handle.$client);
  if (!entry) return null;
  const recorded = readRecorded(entry.path, entry.macKey);
  return typeof recorded === 'object' ? new Map(Object.entries(recorded.signers)) : null;
}

/**
 * On close (before the connection's last write, `optimize`): folds the WAL into the database file
 * and records that head as checkpointed, so a database file later replaced by an older copy is told
 * apart from a lost WAL. Then the MAC key is wiped with the data key.
 */
export function stopTrackingCommitHead(db: SqliteDatabase): void {
  const entry = tracked.get(db);
  if (!entry) return;
  try {
    if (db.open) {
      const head = databaseHead(db);
      const folded = checkpointedHead(db, head);
      if (folded) write(db, entry, head, folded);
    }
  } catch {
    // Closing goes on: the last record stands (with an older checkpointed head, which only detects less).
  } finally {
    entry.macKey.fill(0);
    tracked.delete(db);
  }
}
