/** Team members who hold key slots: their names and roles, kept inside the encrypted database. */
import { and, eq, inArray, isNull, max } from 'drizzle-orm';
import { auditEvents, staff, vaultMembers } from '../../db/schema';
import { AppError, LAST_MANAGER_MESSAGE, MANAGING_ROLES, type Member, StaffRole } from '../contract';
import type { Queryable, VaultTx } from './vault-db';

type MemberRow = typeof vaultMembers.$inferSelect;

function toMember(row: MemberRow, lastUnlockAt: string | null): Member {
  return { slotId: row.slotId, name: row.name, role: StaffRole.parse(row.role), addedAt: row.addedAt, lastUnlockAt };
}

/** Each slot's newest unlock with its own passphrase (a recovery-key unlock names no slot); `slotId` narrows it to one. */
function lastUnlocks(db: Queryable, slotId?: string): Map<string, string> {
  const unlocked = eq(auditEvents.action, 'vault.unlocked');
  const rows = db
    .select({ slotId: auditEvents.actorSlotId, at: max(auditEvents.at) })
    .from(auditEvents)
    .where(slotId === undefined ? unlocked : and(unlocked, eq(auditEvents.actorSlotId, slotId)))
    .groupBy(auditEvents.actorSlotId)
    .all();
  return new Map(rows.flatMap(({ slotId, at }) => (slotId && at ? [[slotId, at] as const] : [])));
}

export function listMembers(db: Queryable, activeSlotIds: readonly string[]): Member[] {
  const unlocks = lastUnlocks(db);
  return db
    .select()
    .from(vaultMembers)
    .where(isNull(vaultMembers.removedAt))
    .all()
    .filter((row) => activeSlotIds.includes(row.slotId))
    .map((row) => toMember(row, unlocks.get(row.slotId) ?? null))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function findMember(db: Queryable, slotId: string): Member | null {
  const row = db.select().from(vaultMembers).where(eq(vaultMembers.slotId, slotId)).get();
  return row ? toMember(row, lastUnlocks(db, slotId).get(slotId) ?? null) : null;
}

/**
 * The role a slot's member holds now, read at each request rather than once at unlock, so a role
 * changed or a member removed by another window or command counts at once; null once removed.
 */
export function currentRole(db: Queryable, slotId: string): StaffRole | null {
  const row = db
    .select({ role: vaultMembers.role, removedAt: vaultMembers.removedAt })
    .from(vaultMembers)
    .where(eq(vaultMembers.slotId, slotId))
    .get();
  return row && row.removedAt === null ? StaffRole.parse(row.role) : null;
}

/**
 * A new member's row; when they last unlocked is read from the audit trail, never stored here.
 * `signingKey`: the slot's Ed25519 public key (base64), which every event the member signs is verified against.
 */
export function insertMember(db: VaultTx, member: Omit<Member, 'lastUnlockAt'>, signingKey: string | null = null): void {
  const result = db
    .insert(vaultMembers)
    .values({ slotId: member.slotId, name: member.name, role: member.role, addedAt: member.addedAt, removedAt: null, signingKey })
    .run();
  if (result.changes !== 1) throw new Error('insertMember: the member was not written');
}

export function markMemberRemoved(db: VaultTx, slotId: string, at: Date): void {
  db.update(vaultMembers)
    .set({ removedAt: at.toISOString() })
    .where(and(eq(vaultMembers.slotId, slotId), isNull(vaultMembers.removedAt)))
    .run();
}

/** The slot ids of members not removed, whether or not their key slot is still in the slot file. */
export function activeMemberSlots(db: Queryable): { slotId: string; name: string }[] {
  return db.select({ slotId: vaultMembers.slotId, name: vaultMembers.name }).from(vaultMembers).where(isNull(vaultMembers.removedAt)).all();
}

/** Undoes `insertMember` and its staff record when the member's key slot could not be written. */
export function deleteNewMember(db: VaultTx, slotId: string): void {
  db.delete(staff).where(eq(staff.slotId, slotId)).run();
  const result = db.delete(vaultMembers).where(eq(vaultMembers.slotId, slotId)).run();
  if (result.changes !== 1) throw new Error('deleteNewMember: the member was not removed');
}

/**
 * Refuses to remove the member of `slotId`, or to give them `newRole`, when they are the last
 * active member who can manage members (a case manager or an administrator): a team without one
 * could not add, remove or re-role anyone again but through the recovery key.
 */
export function requireAnotherManager(db: Queryable, slotId: string, newRole?: StaffRole): void {
  if (newRole !== undefined && MANAGING_ROLES.includes(newRole)) return;
  const managers = db
    .select({ slotId: vaultMembers.slotId })
    .from(vaultMembers)
    .where(and(isNull(vaultMembers.removedAt), inArray(vaultMembers.role, [...MANAGING_ROLES])))
    .all();
  if (managers.length === 1 && managers[0]?.slotId === slotId) throw new AppError('last_manager', LAST_MANAGER_MESSAGE);
}

/** A staff record's new role is its member's too: the permission table reads the member's role. */
export function setMemberRole(db: VaultTx, slotId: string, role: StaffRole): void {
  requireAnotherManager(db, slotId, role);
  db.update(vaultMembers).set({ role }).where(eq(vaultMembers.slotId, slotId)).run();
}

/**
 * At unlock: the unlocking member's signing key as their slot holds it, against the one in their
 * row. `recorded`: the row had none (a member from before signing); `restored`: the row held
 * another key — written by someone with the data key so that events they signed in this member's
 * name would verify. Either way the slot's key goes into the row (`setSigningKey`), so such events
 * fail `audit verify` again, and the unlock's own signed event says which.
 */
export function signingKeyChange(db: Queryable, slotId: string, slotKey: string): 'recorded' | 'restored' | null {
  const row = db.select({ key: vaultMembers.signingKey }).from(vaultMembers).where(eq(vaultMembers.slotId, slotId)).get();
  if (!row || row.key === slotKey) return null;
  return row.key === null ? 'recorded' : 'restored';
}

export function setSigningKey(db: VaultTx, slotId: string, key: string): void {
  db.update(vaultMembers).set({ signingKey: key }).where(eq(vaultMembers.slotId, slotId)).run();
}
