/** The caseload dashboard and the program-health list. */
import { caseloadDashboard, programHealth } from '../../services/caseload/dashboard';
import type { VaultSession } from '../../services/vault-session';
import type { HandlerGroup } from './group';

export function caseloadHandlers(session: VaultSession) {
  return {
    'caseload.dashboard': (input) => caseloadDashboard(session.context(), input),
    'health.flags': (input) => programHealth(session.context(), input),
  } satisfies HandlerGroup<'caseload.' | 'health.'>;
}
