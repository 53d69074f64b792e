/**
 * The app's file dialogs (api/handlers/files.ts): Electron's save and folder dialogs, modal to the
 * window the person is using. The path they pick is returned as is (with ".pdf" or ".json" added when a
 * Linux file chooser left it off); cancelling returns null. Nothing is written here.
 */
import { join } from 'node:path';
import type { BaseWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { FileDialogs } from '../api/handlers/files';

const FILTERS: Record<'pdf' | 'json', { name: string; extensions: string[] }> = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  json: { name: 'JSON', extensions: ['json'] },
};

export interface ShellDialogOptions {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  /** The window to attach the dialog to (the focused one, else the main window); null: none. */
  window: () => BaseWindow | null;
  /** Where a save dialog starts, e.g. the Documents folder. */
  startFolder: () => string;
}

export function shellDialogs({ dialog, window, startFolder }: ShellDialogOptions): FileDialogs {
  return {
    async chooseSavePath({ title, suggestedName, filter }) {
      const options: SaveDialogOptions = {
        title,
        defaultPath: join(startFolder(), suggestedName),
        filters: [FILTERS[filter]],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = window();
      const answer = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      if (answer.canceled || !answer.filePath) return null;
      const extension = `.${filter}`;
      return answer.filePath.toLowerCase().endsWith(extension) ? answer.filePath : `${answer.filePath}${extension}`;
    },
    async chooseFolder({ title }) {
      const options: OpenDialogOptions = { title, defaultPath: startFolder(), properties: ['openDirectory', 'createDirectory'] };
      const parent = window();
      const answer = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return answer.canceled ? null : (answer.filePaths[0] ?? null);
    },
  };
}
