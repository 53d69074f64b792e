/**
 * What the signed-in role may do, for hiding what they cannot (contract/permissions.ts is the one
 * table; the dispatch refuses the same things whatever the screen shows).
 */
import { createContext, type ReactNode, useContext } from 'react';
import { type Acting, type Action, can } from '../../../src-main/contract/permissions';

const RoleContext = createContext<Acting | null>(null);

export function RoleProvider({ role, children }: { role: Acting; children: ReactNode }) {
  return <RoleContext.Provider value={role}>{children}</RoleContext.Provider>;
}

/** Outside a provider (a screen rendered on its own) nothing is hidden: the dispatch still refuses. */
export function useCan(): (action: Action) => boolean {
  const role = useContext(RoleContext);
  return (action) => role === null || can(role, action);
}

/** Shows its children only to a role that may perform `action`. */
export function IfCan({ action, children }: { action: Action; children: ReactNode }) {
  return useCan()(action) ? children : null;
}
