import { exportToFile } from '../../services/exchange/export';
import { readJsonFile } from '../../services/exchange/file';
import { importExport } from '../../services/exchange/import';
import { commitRoster, previewRoster } from '../../services/roster/import';
import { importRosterFile } from '../../services/roster/import-file';
import type { VaultSession } from '../../services/vault-session';
import type { FileChoices } from './files';
import type { HandlerGroup } from './group';

export function rosterHandlers(session: VaultSession, files?: Pick<FileChoices, 'claim'>) {
  return {
    'roster.preview': (input) => previewRoster(session.context(), input),
    'roster.commit': (input) => commitRoster(session.context(), input),
    'exchange.save': ({ path }) => {
      // Locked answers "locked", not "choose again"; then only a path this session's dialog gave is written.
      session.context();
      files?.claim('json', path);
      return { path, counts: exportToFile(session.context(), path) };
    },
    'roster.importFile': (input) => importRosterFile(session.context(), input),
    'exchange.exportFile': ({ file }) => exportToFile(session.context(), file),
    'exchange.importFile': ({ file }) => {
      const ctx = session.context();
      return importExport(ctx, readJsonFile(file));
    },
  } satisfies HandlerGroup<'roster.' | 'exchange.'>;
}
