/**
 * The vault's tables, as drizzle sees them. drizzle-kit turns changes here into SQL under
 * db/migrations/ (`npm run db:generate`); the app applies them at unlock on the keyed connection.
 * May import: drizzle-orm only. Column meanings are commented here, once.
 */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A team member who holds a key slot. The slot file knows only the id; the name lives here, encrypted. */
export const vaultMembers = sqliteTable('vault_members', {
  /** Same id as the key slot in keyslots.json. */
  slotId: text('slot_id').primaryKey(),
  name: text('name').notNull(),
  /** One of STAFF_ROLES in the contract. */
  role: text('role').notNull(),
  /** ISO-8601 instant. */
  addedAt: text('added_at').notNull(),
  /** Set when the slot is removed; the row stays so the audit trail keeps naming who did what. */
  removedAt: text('removed_at'),
});

/** Small key/value settings; `value` is JSON. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Who did what, when. Holds no student content: `subject` is an id or a kind of record,
 * `detail` is JSON with counts, dates and ids only.
 */
export const auditEvents = sqliteTable('audit_events', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** ISO-8601 instant. */
  at: text('at').notNull(),
  /** The key slot that was unlocked when this happened; null for the vault's own events. */
  actorSlotId: text('actor_slot_id'),
  action: text('action').notNull(),
  subject: text('subject'),
  detail: text('detail'),
});
