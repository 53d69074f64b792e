/**
 * Rotating the open vault's data key (vault/rotation.ts) as a session step: the session's
 * connection is replaced by the one on the rotated database, and the rotation is audited as
 * `vault.key_rotated`. Removing a member, changing or resetting a passphrase and replacing the
 * recovery key each rotate right after their slot change (`rotateAfter`), so an older slot file or
 * backup and the old secret open no current database.
 */
import { AppError } from '../../contract';
import { type RotationOptions, type RotationReason, rotateDataKey } from '../../vault/rotation';
import { KEY_ROTATED } from '../backups';
import { vaultDb } from '../vault-db';
import type { SessionCore } from './session';

/** Rotates now; the caller has checked the session is open and outside a meeting. */
export async function rotateSessionKey(core: SessionCore, reason: RotationReason, options?: RotationOptions): Promise<{ epoch: number }> {
  const current = core.requireOutsideMeeting();
  let epoch: number;
  try {
    ({ epoch } = await rotateDataKey(current.vault, options));
  } finally {
    // A failed swap reopens the old database on a new connection; if even that failed, the session locks.
    if (current.vault.db.open) current.db = vaultDb(current.vault.db);
    else core.lock('system');
  }
  core.record({ action: KEY_ROTATED, detail: { epoch, reason } });
  return { epoch };
}

/**
 * After a slot change that is already written (`done` says what in plain words): rotates, and if
 * that fails says the change stands but the key is unchanged, and how to finish.
 */
export async function rotateAfter(core: SessionCore, reason: RotationReason, done: string): Promise<void> {
  try {
    await rotateSessionKey(core, reason);
  } catch (error) {
    const why = error instanceof AppError ? ` (${error.message})` : '';
    throw new AppError(
      'rotation_incomplete',
      `${done}, but the vault's key could not be changed${why}. Until it is, an older copy of the key file with the old passphrase still opens the vault: run \`peerpath vault rotate-key\`.`,
      { cause: error },
    );
  }
}
