/**
 * The team: who holds a key slot. Each holder has a member row (names the slot) and a staff record
 * (authors changes); adding and removing one changes the key slots and those rows together.
 */
import type { Member, StaffRole } from '../../contract';
import { addPassphraseSlot, passphraseSlotIds, removeSlot } from '../../vault/vault';
import { insertMember, listMembers, markMemberRemoved } from '../members';
import { insertStaffForSlot, unlinkSlot } from '../staff';
import type { VaultTx } from '../vault-db';
import { requireAcceptable } from './secrets';
import type { SessionCore } from './session';

/** A key slot's holder: a member row (names the slot) and a staff record (authors changes). */
export function addTeamMember(tx: VaultTx, member: Member): void {
  insertMember(tx, member);
  insertStaffForSlot(tx, { slotId: member.slotId, name: member.name, role: member.role, at: new Date(member.addedAt) });
}

export function teamMethods(core: SessionCore) {
  const { options } = core;
  return {
    members(): Member[] {
      const current = core.requireOutsideMeeting();
      return listMembers(current.db, passphraseSlotIds(current.vault));
    },

    async addMember(input: { name: string; role: StaffRole; passphrase: string }): Promise<Member> {
      const current = core.requireOutsideMeeting();
      await requireAcceptable(input.passphrase, [input.name]);
      const slot = await addPassphraseSlot(current.vault, input.passphrase, options.kdfCost);
      const member: Member = { slotId: slot.id, name: input.name, role: input.role, addedAt: new Date(core.now()).toISOString() };
      try {
        core.record({ action: 'vault.member_added', subject: slot.id, detail: { role: input.role } }, (tx) => addTeamMember(tx, member));
      } catch (error) {
        removeSlot(current.vault, slot.id);
        throw error;
      }
      return member;
    },

    removeMember(slotId: string): void {
      const current = core.requireOutsideMeeting();
      removeSlot(current.vault, slotId);
      core.record({ action: 'vault.member_removed', subject: slotId }, (tx) => {
        markMemberRemoved(tx, slotId, new Date(core.now()));
        unlinkSlot(tx, slotId);
      });
    },
  };
}
