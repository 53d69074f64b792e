import { commitRoster, previewRoster } from '../../services/roster/import';
import type { VaultSession } from '../../services/vault-session';
import type { HandlerGroup } from './group';

export function rosterHandlers(session: VaultSession) {
  return {
    'roster.preview': (input) => previewRoster(session.context(), input),
    'roster.commit': (input) => commitRoster(session.context(), input),
  } satisfies HandlerGroup<'roster.'>;
}
