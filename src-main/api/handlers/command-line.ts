/**
 * The channels only the command line answers (marked `commandLineOnly` in the contract): they read
 * or write a file or folder the command line names. In the app, Peerpath writes only where its own
 * dialogs were answered (files.ts), and a page — or a script injected into it — must never name a
 * place on disk; so every dispatch built without `commandLine` refuses these channels with
 * `forbidden`, decided here, once, for the whole contract.
 */
import { AppError, COMMAND_LINE_CHANNELS } from '../../contract';
import type { Handlers } from '../dispatch';

export const COMMAND_LINE_ONLY_REFUSAL = 'Only the peerpath command line may name a file or folder on disk.';

/** Every command-line-only channel refuses unless this dispatch serves the command line. */
export function refusedOffTheCommandLine(handlers: Handlers, commandLine: boolean): Handlers {
  if (commandLine) return handlers;
  const guarded: Record<string, unknown> = { ...handlers };
  for (const channel of COMMAND_LINE_CHANNELS) {
    guarded[channel] = () => {
      throw new AppError('forbidden', COMMAND_LINE_ONLY_REFUSAL);
    };
  }
  return guarded as Handlers;
}
