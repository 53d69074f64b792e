/**
 * The operating system's file dialogs, opened by the main process on the app's window: where to
 * save one report or the JSON export, which folder a batch goes into. The answer is the path the person chose, or null
 * when they cancelled. Only the app has dialogs; elsewhere (the CLI) these channels refuse.
 */
import { z } from 'zod';
import { ShortText } from './common';

export const FILE_FILTERS = ['pdf', 'json'] as const;

const ChosenPath = z.object({ path: z.string().nullable() });

/**
 * A file or folder named on the command line. Only channels marked `commandLineOnly` take one: the
 * app writes only where its own dialogs were answered, so a page (or a script injected into it)
 * can never name a place on disk.
 */
export const LocalPath = z
  .string()
  .min(1, 'Give a file or folder.')
  .max(4096, 'That path is too long.')
  .refine((path) => !path.includes('\u0000'), 'A path cannot hold a NUL character.');

/** Marks a contract entry that only the command line's dispatch answers (api/handlers/command-line.ts). */
export const COMMAND_LINE_ONLY = { commandLineOnly: true } as const;

export const files = {
  'files.chooseSavePath': {
    input: z
      .object({
        /** The dialog's title, in the UI's language. */
        title: ShortText.min(1),
        /** Offered as the file name, e.g. "S-100234 Quixote – team summary – 2026-10-15.pdf". */
        suggestedName: z.string().min(1).max(255),
        filter: z.enum(FILE_FILTERS),
      })
      .strict(),
    output: ChosenPath,
  },
  'files.chooseFolder': { input: z.object({ title: ShortText.min(1) }).strict(), output: ChosenPath },
} as const;
