/**
 * What every domain service receives: the unlocked vault's database as a read handle, the acting
 * user (the author of every change) and the clock. Writes go through `change`, which runs them in
 * one transaction together with their audit event, so a failed write leaves neither the change nor
 * its record. `change` and `systemWrite` are the only places that hand out a write transaction; both
 * begin it IMMEDIATE and, once it has committed, record the vault's head beside it (vault/commit-head.ts).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../contract';
import { recordCommitHead } from '../vault/commit-head';
import { forgetFreedPages as flushVaultPages } from '../vault/database';
import { type AuditEntry, type AuditSigner, recordAudit } from './audit';
import type { Reach } from './permissions/reach';
import type { Queryable, VaultDb, VaultTx } from './vault-db';

export interface Actor {
  /** The key slot that unlocked the vault; null when opened with the recovery key. */
  slotId: string | null;
  /** The staff record of that slot, when there is one. */
  staffId: string | null;
  /**
   * The unlocked slot's signing key (the recovery key's slot when it was used): signs every event
   * written as this actor. Absent only for tools and tests that hold no slot; their events verify as unsigned.
   */
  signer?: AuditSigner | null;
}

export interface ServiceContext {
  /** Read only: a service writes through `change`. */
  db: Queryable;
  actor: Actor;
  /** The students the acting role works with; list channels return only these (services/permissions/reach.ts). */
  reach: Reach;
  now: () => Date;
}

export interface ChangeRecord {
  action: string;
  entity: string;
  entityId: string;
  /** Names of the fields written; never their values. */
  fields?: readonly string[];
  detail?: AuditEntry['detail'];
}

/**
 * Runs `write` and its audit event(s) in one transaction; `write` returns what to record: one
 * event, or one per record it changed (a week of sessions), never none.
 */
export function change<T>(ctx: ServiceContext, write: (tx: VaultTx) => { result: T; record: ChangeRecord | readonly ChangeRecord[] }): T {
  // The read handle is the whole database underneath; here, and only here, a service gets to write.
  const db = ctx.db as unknown as VaultDb;
  const result = db.transaction((read) => {
    const tx = read as unknown as VaultTx;
    const { result, record } = write(tx);
    const records = isRecordList(record) ? record : [record];
    if (records.length === 0) throw new Error('change: a write must record what it changed');
    for (const each of records) recordAudit(tx, { actorSlotId: ctx.actor.slotId, signer: ctx.actor.signer, ...each }, ctx.now());
    return result;
  }, IMMEDIATE);
  recordCommitHead(db);
  return result;
}

/**
 * Every write transaction takes SQLite's write lock when it begins, not at its first write: a
 * deferred one that read first could not upgrade once another process (the app and a `peerpath`
 * command) had committed (SQLITE_BUSY_SNAPSHOT). Begun immediately, it waits its turn (the
 * connection's busy timeout, vault/database.ts), then answers `vault_busy`.
 */
const IMMEDIATE = { behavior: 'immediate' } as const;

function isRecordList(record: ChangeRecord | readonly ChangeRecord[]): record is readonly ChangeRecord[] {
  return Array.isArray(record);
}

/**
 * The one write path that is not a user's change: what the vault session writes on its own behalf
 * (the unlock and meeting events, settings, team members, sealing old audit events, demo data) and
 * what tools that opened the whole database write (tests, benches). Needs the `VaultDb`, which no
 * service receives. One transaction: all of `write` or nothing. Audit what needs auditing inside.
 */
export function systemWrite<T>(db: VaultDb, write: (tx: VaultTx) => T): T {
  const result = db.transaction((tx) => write(tx as unknown as VaultTx), IMMEDIATE);
  recordCommitHead(db);
  return result;
}

/**
 * After a change that removed records for good (a purge, a de-identification) has committed: no old
 * copy of a removed page stays in the WAL, and the freed bytes in the file are zeroed.
 */
export function forgetFreedPages(ctx: ServiceContext): void {
  flushVaultPages(ctx.db as unknown as VaultDb);
}

export function newId(): string {
  return randomUUID();
}

export function today(ctx: ServiceContext): string {
  return ctx.now().toISOString().slice(0, 10);
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `That ${what} does not exist (it may have been purged).`);
}

/** A write must change exactly the rows it meant to (STYLE: fail loudly otherwise). */
export function expectChanged(result: { changes: number }, expected: number, what: string): void {
  if (result.changes !== expected) throw new Error(`${what}: expected ${expected} row(s) changed, got ${result.changes}`);
}
