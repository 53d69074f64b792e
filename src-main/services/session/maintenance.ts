/** Settings, backups (written, recorded, listed, deleted) and the full check of the open vault. */
import { resolve } from 'node:path';
import type { RecordedBackup, Settings, VaultCheck } from '../../contract';
import { backupVault } from '../../vault/backup';
import { integrityCheck } from '../../vault/database';
import { schemaVersionOf } from '../../vault/migrations';
import { passphraseSlotIds } from '../../vault/vault';
import { deleteBackup, listBackups, recordBackup } from '../backups';
import { newId } from '../context';
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

    /** Writes a backup and records it (path, time, who) with its audit event, so it can be listed after a key rotation. */
    backup(file: string): { bytes: number } {
      const current = core.requireOutsideMeeting();
      const madeAt = new Date(core.now());
      const result = backupVault(current.vault, file, madeAt);
      const id = newId();
      core.record({ action: 'vault.backup_written', subject: id, detail: { bytes: result.bytes } }, (tx) =>
        recordBackup(tx, {
          id,
          path: resolve(file),
          madeAt: madeAt.toISOString(),
          bytes: result.bytes,
          madeBySlot: current.viaRecoveryKey ? null : current.vault.slot.id,
        }),
      );
      return result;
    },

    backups(): RecordedBackup[] {
      return listBackups(core.requireOutsideMeeting().db);
    },

    /** Deletes one recorded backup (its file and its record) with its audit event, in one transaction. */
    deleteBackup(id: string): void {
      core.requireOutsideMeeting();
      core.record({ action: 'vault.backup_deleted', subject: id }, (tx) => deleteBackup(tx, id));
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
