/**
 * Maps every contract channel to its service call, one group per domain (api/handlers/*.ts).
 * Adding a feature adds one contract entry, one service function and one line in its group.
 */
import type { VaultSession } from '../services/vault-session';
import type { Handlers } from './dispatch';
import { mentorHandlers } from './handlers/mentors';
import { planHandlers } from './handlers/plans';
import { progressHandlers } from './handlers/progress';
import { rosterHandlers } from './handlers/roster';
import { staffHandlers } from './handlers/staff';
import { studentHandlers } from './handlers/students';
import { vaultHandlers } from './handlers/vault';

export function createHandlers(session: VaultSession): Handlers {
  return {
    ...vaultHandlers(session),
    ...staffHandlers(session),
    ...studentHandlers(session),
    ...planHandlers(session),
    ...mentorHandlers(session),
    ...rosterHandlers(session),
    ...progressHandlers(session),
  };
}
