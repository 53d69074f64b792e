/** Team members who hold key slots: their names and roles, kept inside the encrypted database. */
import { and, eq, isNull } from 'drizzle-orm';
import { staff, vaultMembers } from '../../db/schema';
import { type Member, StaffRole } from '../contract';
import type { Queryable, VaultTx } from './vault-db';

type MemberRow = typeof vaultMembers.$inferSelect;

function toMember(row: MemberRow): Member {
  return { slotId: row.slotId, name: row.name, role: StaffRole.parse(row.role), addedAt: row.addedAt };
}

export function listMembers(db: Queryable, activeSlotIds: readonly string[]): Member[] {
  return db
    .select()
    .from(vaultMembers)
    .where(isNull(vaultMembers.removedAt))
    .all()
    .filter((row) => activeSlotIds.includes(row.slotId))
    .map(toMember)
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function findMember(db: Queryable, slotId: string): Member | null {
  const row = db.select().from(vaultMembers).where(eq(vaultMembers.slotId, slotId)).get();
  return row ? toMember(row) : null;
}

/** `signingKey`: the slot's Ed25519 public key (base64), which every event the member signs is verified against. */
export function insertMember(db: VaultTx, member: Member, signingKey: string | null = null): void {
  const result = db
    .insert(vaultMembers)
    .values({ ...member, removedAt: null, signingKey })
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
