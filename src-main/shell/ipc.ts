/**
 * The IPC registration loop: one `ipcMain.handle` per contract channel, each forwarding to the one
 * dispatch function. Before dispatching, the sender must be the top frame of a page on our origin;
 * an iframe, a page navigated elsewhere or a frame already gone gets `forbidden`.
 */
import type { IpcMain } from 'electron';
import type { Dispatch } from '../api/dispatch';
import { CHANNELS, type Result } from '../contract';
import { sameOrigin } from './origin';

/** What the check reads of Electron's WebFrameMain: a top frame has no parent. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: object | null;
}

export const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This request did not come from the Peerpath window.' },
};

export function isTrustedSender(frame: SenderFrame | null | undefined, trustedOrigin: string): boolean {
  return frame != null && frame.parent === null && sameOrigin(frame.url, trustedOrigin);
}

export interface ContractHandlerOptions {
  dispatch: Dispatch;
  trustedOrigin: string;
  /** Defaults to the contract's channels; a list is accepted only so tests can feed a bad one. */
  channels?: readonly string[];
}

/**
 * Refuses a channel named twice before registering anything, so a bad list cannot leave half the
 * contract wired. (Electron itself throws on a second `handle` for a channel already registered.)
 */
export function registerContractHandlers(ipcMain: Pick<IpcMain, 'handle'>, options: ContractHandlerOptions): void {
  const channels = options.channels ?? CHANNELS;
  const duplicates = channels.filter((channel, index) => channels.indexOf(channel) !== index);
  if (duplicates.length > 0) {
    throw new Error(`registerContractHandlers: channel registered twice: ${[...new Set(duplicates)].join(', ')}`);
  }
  for (const channel of channels) {
    ipcMain.handle(channel, (event, input: unknown) =>
      isTrustedSender(event.senderFrame, options.trustedOrigin) ? options.dispatch(channel, input) : FORBIDDEN,
    );
  }
}
