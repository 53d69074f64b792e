/** Settings, backups and the full check of the open vault. */
import type { Settings, VaultCheck } from '../../contract';
import { backupVault } from '../../vault/backup';
import { integrityCheck } from '../../vault/database';
import { schemaVersionOf } from '../../vault/migrations';
import { passphraseSlotIds } from '../../vault/vault';
import { listMembers } from '../members';
import { updateSettings } from '../settings';
import { rotateSessionKey } from './key-rotation';
import type { SessionCore } from './session';
import { findAccessProblems } from './team';

export function maintenanceMethods(core: SessionCore) {
  return {
    getSettings(): Settings {
      return core.requireOpen().settings;
    },

    updateSettings(patch: Partial<Settings>): Settings {
      const current = core.requireOutsideMeeting();
      current.settings = core.record({ action: 'settings.updated', detail: { keys: Object.keys(patch).join(',') } }, (tx) =>
        updateSettings(tx, patch),
      );
      core.armIdleTimer();
      return current.settings;
    },

    backup(file: string): { bytes: number } {
      const current = core.requireOutsideMeeting();
      const result = backupVault(current.vault, file, new Date(core.now()));
      core.record({ action: 'vault.backup_written', detail: { bytes: result.bytes } });
      return result;
    },

    /** A new data key on request (`peerpath vault rotate-key`): the database re-encrypted, every slot given the new key. */
    rotateKey(): Promise<{ epoch: number }> {
      core.requireOutsideMeeting();
      return rotateSessionKey(core, 'requested');
    },

    /** A full `integrity_check` (reads every page), for `peerpath vault check`. */
    check(): VaultCheck {
      const current = core.requireOpen();
      const accessProblems = findAccessProblems(current.db, current.vault);
      return {
        schemaVersion: schemaVersionOf(current.vault.db),
        integrityOk: integrityCheck(current.vault.db),
        members: listMembers(current.db, passphraseSlotIds(current.vault)).length,
        ...(accessProblems.length ? { accessProblems } : {}),
      };
    },
  };
}
