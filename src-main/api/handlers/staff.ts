import { listAuditEvents } from '../../services/audit';
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
    'audit.list': (filter) => listAuditEvents(session.context().db, filter),
    'audit.verify': () => session.verifyAudit(),
  } satisfies HandlerGroup<'staff.' | 'audit.'>;
}
