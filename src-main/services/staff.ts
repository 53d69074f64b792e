/** Staff records. A staff member with a key slot can unlock the vault and authors what they change. */
import { asc, eq, isNull } from 'drizzle-orm';
import { staff } from '../../db/schema';
import { AppError, type StaffMember, StaffRole } from '../contract';
import { change, expectChanged, newId, notFound, type ServiceContext } from './context';
import { setMemberRole } from './members';
import type { Queryable, VaultTx } from './vault-db';

type StaffRow = typeof staff.$inferSelect;
export type StaffInputValue = { name: string; role: StaffRole; email?: string; localId?: string };

function toStaffMember(row: StaffRow): StaffMember {
  return {
    id: row.id,
    name: row.name,
    role: StaffRole.parse(row.role),
    email: row.email,
    localId: row.localId,
    hasVaultAccess: row.slotId !== null,
    archived: row.archivedAt !== null,
  };
}

function findStaff(db: Queryable, id: string): StaffRow {
  const row = db.select().from(staff).where(eq(staff.id, id)).get();
  if (!row) throw notFound('staff member');
  return row;
}

export function staffIdForSlot(db: Queryable, slotId: string | null): string | null {
  if (!slotId) return null;
  return db.select({ id: staff.id }).from(staff).where(eq(staff.slotId, slotId)).get()?.id ?? null;
}

/** Links a new key slot to a new staff record (vault creation and "add team member"). */
export function insertStaffForSlot(db: VaultTx, input: { slotId: string; name: string; role: StaffRole; at: Date }): string {
  const id = newId();
  expectChanged(
    db.insert(staff).values({ id, name: input.name, role: input.role, slotId: input.slotId, createdAt: input.at.toISOString() }).run(),
    1,
    'insertStaffForSlot',
  );
  return id;
}

export function unlinkSlot(db: VaultTx, slotId: string): void {
  db.update(staff).set({ slotId: null }).where(eq(staff.slotId, slotId)).run();
}

export function listStaff(ctx: ServiceContext, input: { includeArchived: boolean }): StaffMember[] {
  return ctx.db
    .select()
    .from(staff)
    .where(input.includeArchived ? undefined : isNull(staff.archivedAt))
    .orderBy(asc(staff.name))
    .all()
    .map(toStaffMember);
}

const DUPLICATE_LOCAL_ID = 'A staff member already has that staff id.';

/** A staff id is either absent or something a person can read; two staff members never share one. */
function checkLocalId(db: Queryable, localId: string | null | undefined, exceptId: string | null): string | null {
  if (localId === undefined || localId === null) return null;
  const trimmed = localId.trim();
  if (trimmed === '') throw new AppError('invalid_input', 'Staff id: enter the staff id, or leave it out.');
  const holder = db.select({ id: staff.id }).from(staff).where(eq(staff.localId, trimmed)).get();
  if (holder && holder.id !== exceptId) throw new AppError('conflict', DUPLICATE_LOCAL_ID);
  return trimmed;
}

export function createStaff(ctx: ServiceContext, input: StaffInputValue): StaffMember {
  return change(ctx, (tx) => {
    const localId = checkLocalId(tx, input.localId, null);
    const id = newId();
    expectChanged(
      tx
        .insert(staff)
        .values({
          id,
          name: input.name,
          role: input.role,
          email: input.email ?? null,
          localId,
          createdAt: ctx.now().toISOString(),
        })
        .run(),
      1,
      'createStaff',
    );
    return {
      result: toStaffMember(findStaff(tx, id)),
      record: { action: 'staff.created', entity: 'staff', entityId: id, fields: Object.keys(input) },
    };
  });
}

export function updateStaff(
  ctx: ServiceContext,
  input: { id: string; changes: Partial<Omit<StaffInputValue, 'email' | 'localId'>> & { email?: string | null; localId?: string | null } },
): StaffMember {
  const fields = Object.keys(input.changes);
  if (fields.length === 0) throw new AppError('invalid_input', 'Nothing to change: give at least one field.');
  return change(ctx, (tx) => {
    const row = findStaff(tx, input.id);
    const changes = { ...input.changes };
    if (changes.role !== undefined && row.slotId) setMemberRole(tx, row.slotId, changes.role);
    if (changes.localId !== undefined) changes.localId = checkLocalId(tx, changes.localId, input.id);
    expectChanged(tx.update(staff).set(changes).where(eq(staff.id, input.id)).run(), 1, 'updateStaff');
    return {
      result: toStaffMember(findStaff(tx, input.id)),
      record: { action: 'staff.updated', entity: 'staff', entityId: input.id, fields },
    };
  });
}

export function archiveStaff(ctx: ServiceContext, id: string): StaffMember {
  return change(ctx, (tx) => {
    const row = findStaff(tx, id);
    if (row.slotId) throw new AppError('forbidden', 'Remove their vault access in Settings before archiving this staff member.');
    tx.update(staff).set({ archivedAt: ctx.now().toISOString() }).where(eq(staff.id, id)).run();
    return { result: toStaffMember(findStaff(tx, id)), record: { action: 'staff.archived', entity: 'staff', entityId: id } };
  });
}

export function restoreStaff(ctx: ServiceContext, id: string): StaffMember {
  return change(ctx, (tx) => {
    findStaff(tx, id);
    tx.update(staff).set({ archivedAt: null }).where(eq(staff.id, id)).run();
    return { result: toStaffMember(findStaff(tx, id)), record: { action: 'staff.restored', entity: 'staff', entityId: id } };
  });
}
