/**
 * The audit trail: who did what and when. Events carry ids, kinds and counts, never student content.
 */
import { desc } from 'drizzle-orm';
import { auditEvents } from '../../db/schema';
import type { VaultDb } from './vault-db';

export interface AuditEntry {
  actorSlotId: string | null;
  action: string;
  subject?: string;
  detail?: Record<string, string | number | boolean | null>;
}

export function recordAudit(db: VaultDb, entry: AuditEntry, at: Date = new Date()): void {
  const result = db
    .insert(auditEvents)
    .values({
      at: at.toISOString(),
      actorSlotId: entry.actorSlotId,
      action: entry.action,
      subject: entry.subject ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .run();
  if (result.changes !== 1) throw new Error('recordAudit: the event was not written');
}

export function recentAudit(db: VaultDb, limit = 100) {
  return db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(limit).all();
}
