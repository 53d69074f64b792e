/**
 * The file dialogs behind `files.*`, and the rule they serve: in the app, a report or the JSON export
 * is written only to a path the person chose in one of these dialogs. Each chosen path is remembered
 * once; saving a report or the export uses its file up (a folder may take several batches), and any other path is refused. Where there are no
 * dialogs (the CLI, which writes where its own command line says), the channels refuse and no
 * check applies.
 */
import { resolve } from 'node:path';
import { AppError } from '../../contract';
import type { HandlerGroup } from './group';

/** What a shell provides: the OS's dialogs (Electron), or a stub (the e2e host). null: cancelled. */
export interface FileDialogs {
  chooseSavePath(options: { title: string; suggestedName: string; filter: 'pdf' | 'json' }): Promise<string | null>;
  chooseFolder(options: { title: string }): Promise<string | null>;
}

/** A PDF file (`file`), a JSON file (`json`, the export) or a folder: a path chosen for one never serves another. */
export type ChoiceKind = 'file' | 'json' | 'folder';

export interface FileChoices {
  handlers: HandlerGroup<'files.'>;
  /** Throws `forbidden` unless `path` was chosen in a dialog of that kind (a file: and not used yet). */
  claim(kind: ChoiceKind, path: string): void;
}

const NO_DIALOGS = 'File dialogs are only available in the Peerpath app; on the command line, give the path with --out.';

export function createFileChoices(dialogs: FileDialogs | undefined): FileChoices {
  const chosen = new Set<string>();
  const key = (kind: ChoiceKind, path: string) => `${kind}\u0000${resolve(path)}`;
  const remember = (kind: ChoiceKind, path: string | null) => {
    if (path !== null) chosen.add(key(kind, path));
    return { path };
  };
  const requireDialogs = (): FileDialogs => {
    if (!dialogs) throw new AppError('forbidden', NO_DIALOGS);
    return dialogs;
  };
  return {
    handlers: {
      'files.chooseSavePath': async (input) =>
        remember(input.filter === 'json' ? 'json' : 'file', await requireDialogs().chooseSavePath(input)),
      'files.chooseFolder': async (input) => remember('folder', await requireDialogs().chooseFolder(input)),
    },
    claim(kind, path) {
      if (!dialogs) return;
      const known = kind === 'folder' ? chosen.has(key(kind, path)) : chosen.delete(key(kind, path));
      if (!known) {
        throw new AppError('forbidden', 'Peerpath writes files only where you chose in its save or folder dialog. Choose the place again.');
      }
    },
  };
}
