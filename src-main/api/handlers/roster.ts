import { exportForDownload } from '../../services/exchange/export';
import { commitRoster, previewRoster } from '../../services/roster/import';
import type { VaultSession } from '../../services/vault-session';
import type { HandlerGroup } from './group';

export function rosterHandlers(session: VaultSession) {
  return {
    'roster.preview': (input) => previewRoster(session.context(), input),
    'roster.commit': (input) => commitRoster(session.context(), input),
    'exchange.exportJson': () => exportForDownload(session.context()),
  } satisfies HandlerGroup<'roster.' | 'exchange.'>;
}
