/**
 * The vault's secrets as the session sees them: the passphrase rules, changing one's own passphrase,
 * setting a member's after opening with the recovery key, and replacing the recovery key. Each
 * re-makes a key slot, then rotates the data key (key-rotation.ts), so the old secret with an
 * older slot file opens no current database.
 */
import { AppError, type PassphraseAssessment, type VaultStatus } from '../../contract';
import { openSlot, wipeOpened } from '../../vault/keyslots';
import { assessPassphrase } from '../../vault/passphrase-policy';
import { type OpenVault, passphraseSlotIds, replaceRecoveryKey, rewrapSlot } from '../../vault/vault';
import { findMember } from '../members';
import { rotateAfter } from './key-rotation';
import type { SessionCore } from './session';

export async function requireAcceptable(passphrase: string, context: string[]): Promise<void> {
  const assessment = await assessPassphrase(passphrase, context);
  if (!assessment.acceptable) throw new AppError('weak_passphrase', assessment.problems.join(' '));
}

/** Checks a passphrase against the session's own slot without touching anything. */
export async function opensOwnSlot(vault: OpenVault, passphrase: string): Promise<boolean> {
  const opened = await openSlot(vault.vaultId, vault.slot, passphrase);
  if (!opened) return false;
  const ok = opened.dataKeys.some((dataKey) => dataKey.epoch === vault.epoch && dataKey.key.equals(vault.dataKey));
  wipeOpened(opened);
  return ok;
}

export function secretMethods(core: SessionCore) {
  const { options } = core;
  return {
    assessPassphrase(passphrase: string, context: string[] = []): Promise<PassphraseAssessment> {
      return assessPassphrase(passphrase, context);
    },

    async changePassphrase(input: { currentPassphrase: string; newPassphrase: string }): Promise<void> {
      const current = core.requireOutsideMeeting();
      if (current.viaRecoveryKey) throw new AppError('forbidden', 'Set a new passphrase for a team member first.');
      if (!(await opensOwnSlot(current.vault, input.currentPassphrase))) {
        throw new AppError('wrong_secret', 'Your current passphrase is not right; nothing was changed.');
      }
      await requireAcceptable(input.newPassphrase, [current.member?.name ?? '']);
      await rewrapSlot(current.vault, current.vault.slot.id, input.newPassphrase, options.kdfCost);
      core.record({ action: 'vault.passphrase_changed', subject: current.vault.slot.id });
      await rotateAfter(core, 'passphrase_changed', 'Your passphrase was changed');
    },

    async setPassphraseAfterRecovery(input: { slotId: string; newPassphrase: string }): Promise<VaultStatus> {
      const current = core.requireOutsideMeeting();
      if (!current.viaRecoveryKey) throw new AppError('forbidden', 'Use "change passphrase" for your own passphrase.');
      const member = findMember(current.db, input.slotId);
      if (!member || !passphraseSlotIds(current.vault).includes(input.slotId)) {
        throw new AppError('not_found', 'That team member no longer has access to this vault.');
      }
      await requireAcceptable(input.newPassphrase, [member.name]);
      const { slot, signer } = await rewrapSlot(current.vault, input.slotId, input.newPassphrase, options.kdfCost);
      core.record({ action: 'vault.passphrase_reset_with_recovery_key', subject: input.slotId });
      // From here on the session acts (and signs) as the member whose passphrase was reset.
      current.vault.slot = slot;
      current.vault.signer = signer;
      current.member = member;
      current.viaRecoveryKey = false;
      await rotateAfter(core, 'passphrase_changed', `${member.name}'s new passphrase was set`);
      return core.status();
    },

    async newRecoveryKey(): Promise<{ recoveryKey: string; notice?: string }> {
      const current = core.requireOutsideMeeting();
      const recoveryKey = await replaceRecoveryKey(current.vault, options.kdfCost);
      core.record({ action: 'vault.recovery_key_replaced' });
      try {
        await rotateAfter(core, 'recovery_key_replaced', 'The recovery key was replaced');
      } catch (error) {
        // The new key is already the only recovery key that works: it must reach the person, so the
        // failed rotation is told beside it rather than thrown (an error would lose the key, or carry it).
        if (error instanceof AppError) return { recoveryKey, notice: error.message };
        throw error;
      }
      return { recoveryKey };
    },
  };
}
