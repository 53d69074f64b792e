/**
 * Builds the whole service side for one vault folder: the session, the worker threads that take the
 * heavy computing off the main thread, and the dispatch over them. Electron's main process, the CLI
 * and the e2e host all start here, so they cannot drift apart.
 */
import { type Acting, AppError, type Channel, RESTRICTED_ROLES } from '../contract';
import { currentRole } from '../services/members';
import { requireInReach } from '../services/permissions/reach';
import { createVaultSession, type VaultSession, type VaultSessionOptions } from '../services/vault-session';
import { createTaskPool } from '../workers/pool';
import { createDispatch } from './dispatch';
import { createHandlers } from './handlers';
import type { FileDialogs } from './handlers/files';
import { rememberRequests } from './request-ids';

/** Polling the status is not a sign that someone is at the keyboard. */
const NOT_ACTIVITY: ReadonlySet<Channel> = new Set(['vault.status']);

/**
 * Who the dispatch checks the permission table for: the recovery key, or the unlocking member's
 * role as the vault has it now (another window may have changed it or removed them since unlock).
 */
function actingOf(session: VaultSession): Acting | null | 'locked' {
  const status = session.status();
  if (status.state !== 'unlocked') return 'locked';
  if (status.viaRecoveryKey) return 'recovery_key';
  return status.member ? currentRole(session.db(), status.member.slotId) : null;
}

export interface PeerpathOptions extends VaultSessionOptions {
  /** The shell's save and folder dialogs; without them (the CLI) `files.*` refuse. */
  dialogs?: FileDialogs;
  /** Only the CLI's: the channels that name a file or folder on disk answer (api/handlers/command-line.ts). */
  commandLine?: boolean;
}

export function createPeerpath({ dialogs, commandLine, ...options }: PeerpathOptions) {
  const tasks = createTaskPool();
  let forgetRequests = () => {};
  const session = createVaultSession({
    ...options,
    // Locking (the app quitting locks first) ends the threads and closes their vault connections: no data of the vault outlives it there.
    onLock: (reason) => {
      tasks.stop(new AppError('locked', 'The vault is locked. Unlock it to continue.'));
      forgetRequests();
      options.onLock?.(reason);
    },
  });
  const dispatch = rememberRequests(
    createDispatch(createHandlers(session, { dialogs, tasks, commandLine, dir: options.dir, demoDir: options.demoDir }), {
      beforeEach: (channel) => {
        if (!NOT_ACTIVITY.has(channel)) session.activity();
      },
      acting: () => actingOf(session),
      checkReach: (channel, input, who) => {
        // Only a restricted role has a reach to check; the others (in a meeting, say) must not build a context.
        if (who === undefined || who === 'locked' || who === null || !RESTRICTED_ROLES.has(who)) return;
        const ctx = session.context();
        requireInReach(ctx.db, ctx.reach, who, channel, input);
      },
    }),
  );
  forgetRequests = dispatch.forget;
  return { session, dispatch, tasks };
}

export type Peerpath = ReturnType<typeof createPeerpath>;
