/**
 * The audit trail: who did what, when, to which record, and which fields — names of fields only,
 * never the values of student data. Events form a hash chain (each hash covers the previous hash
 * and the event), and the head is kept in settings, so editing, deleting or truncating shows.
 */
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, isNull, lt, type SQL } from 'drizzle-orm';
import { auditEvents, settings, staff } from '../../db/schema';
import type { AuditEvent, AuditVerdict } from '../contract';
import { jsonColumns } from './json-columns';
import type { Queryable, VaultTx } from './vault-db';

export interface AuditEntry {
  actorSlotId: string | null;
  action: string;
  subject?: string;
  detail?: Record<string, string | number | boolean | null>;
  entity?: string;
  entityId?: string;
  fields?: readonly string[];
}

type AuditRow = typeof auditEvents.$inferSelect;
const HEAD_KEY = 'auditHead';
const GENESIS = '0'.repeat(64);

function eventHash(previous: string, row: Omit<AuditRow, 'hash'>): string {
  const content = [row.id, row.at, row.actorSlotId, row.action, row.subject, row.detail, row.entity, row.entityId, row.fields];
  return createHash('sha256').update(previous).update('\n').update(JSON.stringify(content)).digest('hex');
}

function readHead(db: Queryable): { id: number; hash: string } {
  const row = db.select().from(settings).where(eq(settings.key, HEAD_KEY)).get();
  return row ? (JSON.parse(row.value) as { id: number; hash: string }) : { id: 0, hash: GENESIS };
}

function writeHead(db: VaultTx, head: { id: number; hash: string }): void {
  const value = JSON.stringify(head);
  db.insert(settings).values({ key: HEAD_KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

/** Appends one event to the chain; call inside the transaction that made the change. */
export function recordAudit(db: VaultTx, entry: AuditEntry, at: Date = new Date()): void {
  db.transaction((tx) => {
    const head = readHead(tx);
    const values = {
      at: at.toISOString(),
      actorSlotId: entry.actorSlotId,
      action: entry.action,
      subject: entry.subject ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      entity: entry.entity ?? null,
      entityId: entry.entityId ?? null,
      fields: entry.fields ? JSON.stringify([...entry.fields]) : null,
    };
    // The new id from the insert itself: RETURNING would collect it through a temporary table.
    const id = Number(tx.insert(auditEvents).values(values).run().lastInsertRowid);
    const hash = eventHash(head.hash, { id, ...values });
    tx.update(auditEvents).set({ hash }).where(eq(auditEvents.id, id)).run();
    writeHead(tx, { id, hash });
  });
}

/** Chains events written before the chain existed (a vault from schema 1), oldest first. */
export function sealUnchainedEvents(tx: VaultTx): number {
  const unsealed = tx.select().from(auditEvents).where(isNull(auditEvents.hash)).orderBy(asc(auditEvents.id)).all();
  if (unsealed.length === 0) return 0;
  let head = readHead(tx);
  for (const row of unsealed) {
    if (row.id <= head.id) continue;
    const hash = eventHash(head.hash, row);
    tx.update(auditEvents).set({ hash }).where(eq(auditEvents.id, row.id)).run();
    head = { id: row.id, hash };
  }
  writeHead(tx, head);
  return unsealed.length;
}

export function verifyAuditChain(db: Queryable): AuditVerdict {
  let previous = GENESIS;
  let checked = 0;
  let lastId = 0;
  const pageSize = 5000;
  for (;;) {
    const page = db.select().from(auditEvents).where(gt(auditEvents.id, lastId)).orderBy(asc(auditEvents.id)).limit(pageSize).all();
    for (const row of page) {
      const expected = eventHash(previous, row);
      if (row.hash !== expected) {
        return {
          ok: false,
          checked,
          firstBrokenId: row.id,
          message: `The audit trail was changed: event ${row.id} (or one just before it) was edited or deleted.`,
        };
      }
      previous = expected;
      lastId = row.id;
      checked += 1;
    }
    if (page.length < pageSize) break;
  }
  const head = readHead(db);
  if (head.id !== lastId || head.hash !== previous) {
    return { ok: false, checked, firstBrokenId: lastId || null, message: 'The audit trail was changed: its newest events were deleted.' };
  }
  return { ok: true, checked, firstBrokenId: null, message: `The audit trail is intact (${checked} events).` };
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  action?: string;
  limit: number;
  beforeId?: number;
}

export function listAudit(db: Queryable, filter: AuditFilter): AuditRow[] {
  const conditions: SQL[] = [];
  if (filter.entity) conditions.push(eq(auditEvents.entity, filter.entity));
  if (filter.entityId) conditions.push(eq(auditEvents.entityId, filter.entityId));
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.beforeId !== undefined) conditions.push(lt(auditEvents.id, filter.beforeId));
  return db
    .select()
    .from(auditEvents)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit)
    .all();
}

/**
 * Who acted, by name, for a listing: the staff record of the key slot, looked up once per slot;
 * "former team member" once the slot's staff record is gone, null for the recovery key.
 */
export function actorNames(db: Queryable): (slotId: string | null) => string | null {
  const names = new Map<string, string>();
  return (slotId) => {
    if (!slotId) return null;
    let name = names.get(slotId);
    if (name === undefined) {
      name = db.select({ name: staff.name }).from(staff).where(eq(staff.slotId, slotId)).get()?.name ?? 'former team member';
      names.set(slotId, name);
    }
    return name;
  };
}

/** `audit.list`: events newest first, with who acted and which fields changed (never their values). */
export function listAuditEvents(db: Queryable, filter: AuditFilter): AuditEvent[] {
  const actorName = actorNames(db);
  return listAudit(db, filter).map((row) => ({
    id: row.id,
    at: row.at,
    actorName: actorName(row.actorSlotId),
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    fields: jsonColumns.auditEvents.fields.read(row.fields),
  }));
}
