/**
 * What every domain service receives: the unlocked vault's database, the acting user (the author
 * of every change) and the clock. Writes go through `change`, which runs them in one transaction
 * together with their audit event, so a failed write leaves neither the change nor its record.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../contract';
import { type AuditEntry, recordAudit } from './audit';
import type { VaultDb, VaultTx } from './vault-db';

export interface Actor {
  /** The key slot that unlocked the vault; null when opened with the recovery key. */
  slotId: string | null;
  /** The staff record of that slot, when there is one. */
  staffId: string | null;
}

export interface ServiceContext {
  db: VaultDb;
  actor: Actor;
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

/** Runs `write` and its audit event in one transaction; `write` returns what to record. */
export function change<T>(ctx: ServiceContext, write: (tx: VaultTx) => { result: T; record: ChangeRecord }): T {
  return ctx.db.transaction((tx) => {
    const { result, record } = write(tx);
    recordAudit(tx, { actorSlotId: ctx.actor.slotId, ...record }, ctx.now());
    return result;
  });
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
