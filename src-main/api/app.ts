/**
 * Builds the whole service side for one vault folder: the session and the dispatch over it.
 * Electron's main process, the CLI and the e2e host all start here, so they cannot drift apart.
 */
import type { Channel } from '../contract';
import { createVaultSession, type VaultSessionOptions } from '../services/vault-session';
import { createDispatch } from './dispatch';
import { createHandlers } from './handlers';
import type { FileDialogs } from './handlers/files';

/** Polling the status is not a sign that someone is at the keyboard. */
const NOT_ACTIVITY: ReadonlySet<Channel> = new Set(['vault.status']);

export interface PeerpathOptions extends VaultSessionOptions {
  /** The shell's save and folder dialogs; without them (the CLI) `files.*` refuse. */
  dialogs?: FileDialogs;
}

export function createPeerpath({ dialogs, ...options }: PeerpathOptions) {
  const session = createVaultSession(options);
  const dispatch = createDispatch(createHandlers(session, { dialogs }), {
    beforeEach: (channel) => {
      if (!NOT_ACTIVITY.has(channel)) session.activity();
    },
  });
  return { session, dispatch };
}

export type Peerpath = ReturnType<typeof createPeerpath>;
