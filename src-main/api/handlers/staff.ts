import { eq } from 'drizzle-orm';
import { staff as staffTable } from '../../../db/schema';
import { listAudit, verifyAuditChain } from '../../services/audit';
import { jsonColumns } from '../../services/json-columns';
import { archiveStaff, createStaff, listStaff, restoreStaff, updateStaff } from '../../services/staff';
import type { VaultSession } from '../../services/vault-session';
import type { HandlerGroup } from './group';

export function staffHandlers(session: VaultSession) {
  return {
    'staff.list': (input) => listStaff(session.context(), input),
    'staff.create': (input) => createStaff(session.context(), input),
    'staff.update': (input) => updateStaff(session.context(), input),
    'staff.archive': ({ id }) => archiveStaff(session.context(), id),
    'staff.restore': ({ id }) => restoreStaff(session.context(), id),
    'audit.list': (filter) => {
      const { db } = session.context();
      const names = new Map<string, string>();
      const nameOf = (slotId: string | null) => {
        if (!slotId) return null;
        if (!names.has(slotId)) {
          names.set(
            slotId,
            db.select({ name: staffTable.name }).from(staffTable).where(eq(staffTable.slotId, slotId)).get()?.name ?? 'former team member',
          );
        }
        return names.get(slotId) ?? null;
      };
      return listAudit(db, filter).map((row) => ({
        id: row.id,
        at: row.at,
        actorName: nameOf(row.actorSlotId),
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        fields: jsonColumns.auditEvents.fields.read(row.fields),
      }));
    },
    'audit.verify': () => verifyAuditChain(session.context().db),
  } satisfies HandlerGroup<'staff.' | 'audit.'>;
}
