/**
 * The team: who holds a key slot. Each holder has a member row (names the slot) and a staff record
 * (authors changes); adding and removing one changes the key slots and those rows together.
 *
 * Two files cannot change in one step, so the order is chosen for what a crash leaves behind:
 * adding commits the member row (and its audit event) first and writes the slot file second;
 * removing removes the slot first and marks the row second. A crash in between therefore leaves a
 * member who cannot unlock — never a working passphrase that no screen lists and no event records.
 * `accessProblems` reports any mismatch (also ones made by older versions), and `removeMember`
 * clears either kind. Removing a slot rotates the data key (key-rotation.ts): removal revokes.
 */
import type { AccessProblem, Member, StaffRole } from '../../contract';
import { type OpenVault, passphraseSlotIds, preparePassphraseSlot, removeSlot, slotExists, writeNewSlot } from '../../vault/vault';
import { activeMemberSlots, deleteNewMember, insertMember, listMembers, markMemberRemoved, requireAnotherManager } from '../members';
import { insertStaffForSlot, unlinkSlot } from '../staff';
import type { Queryable, VaultTx } from '../vault-db';
import { rotateAfter } from './key-rotation';
import { requireAcceptable } from './secrets';
import type { SessionCore } from './session';

/** A key slot's holder: a member row (names the slot and keeps its signing key) and a staff record (authors changes). */
export function addTeamMember(tx: VaultTx, member: Omit<Member, 'lastUnlockAt'>, signingKey: string | null = null): void {
  insertMember(tx, member, signingKey);
  insertStaffForSlot(tx, { slotId: member.slotId, name: member.name, role: member.role, at: new Date(member.addedAt) });
}

/** Passphrase slots no member names, and members whose slot is not in the slot file. */
export function findAccessProblems(db: Queryable, vault: OpenVault): AccessProblem[] {
  const slots = passphraseSlotIds(vault);
  const members = activeMemberSlots(db);
  const named = new Set(members.map((member) => member.slotId));
  return [
    ...slots.filter((slotId) => !named.has(slotId)).map((slotId) => ({ slotId, problem: 'slot_without_member' as const })),
    ...members
      .filter((member) => !slots.includes(member.slotId))
      .map((member) => ({ slotId: member.slotId, problem: 'member_without_slot' as const, name: member.name })),
  ];
}

export function teamMethods(core: SessionCore) {
  const { options } = core;
  return {
    members(): Member[] {
      const current = core.requireOutsideMeeting();
      return listMembers(current.db, passphraseSlotIds(current.vault));
    },

    /** Key slots and member rows that do not match (after a crash); empty when all is well. */
    accessProblems(): AccessProblem[] {
      const current = core.requireOutsideMeeting();
      return findAccessProblems(current.db, current.vault);
    },

    async addMember(input: { name: string; role: StaffRole; passphrase: string }): Promise<Member> {
      const current = core.requireOutsideMeeting();
      await requireAcceptable(input.passphrase, [input.name]);
      const slot = await preparePassphraseSlot(current.vault, input.passphrase, options.kdfCost);
      const member: Member = {
        slotId: slot.id,
        name: input.name,
        role: input.role,
        addedAt: new Date(core.now()).toISOString(),
        lastUnlockAt: null,
      };
      // The new member's signing key, in an event the adder signs: what their events are verified against.
      const signingKey = slot.publicKeys.sign;
      core.record({ action: 'vault.member_added', subject: slot.id, detail: { role: input.role, signingKey } }, (tx) =>
        addTeamMember(tx, member, signingKey),
      );
      try {
        writeNewSlot(current.vault, slot);
      } catch (error) {
        // Renamed into place but not synced (the folder's fsync failed): the slot and its row both exist.
        if (slotExists(current.vault, slot.id)) return member;
        core.record({ action: 'vault.member_add_undone', subject: slot.id }, (tx) => deleteNewMember(tx, slot.id));
        throw error;
      }
      return member;
    },

    /**
     * Removes a member's key slot and marks their row removed, then rotates the data key so the
     * removed passphrase opens no current database even with an older slot file; also clears a
     * slot or a row left alone by a crash.
     */
    async removeMember(slotId: string): Promise<void> {
      const current = core.requireOutsideMeeting();
      requireAnotherManager(current.db, slotId);
      const hasSlot = slotExists(current.vault, slotId);
      // A member row whose slot is gone is only marked removed; otherwise the slot goes first (not_found if there is none).
      if (hasSlot || !activeMemberSlots(current.db).some((member) => member.slotId === slotId)) removeSlot(current.vault, slotId);
      core.record({ action: 'vault.member_removed', subject: slotId, detail: hasSlot ? undefined : { hadSlot: false } }, (tx) => {
        markMemberRemoved(tx, slotId, new Date(core.now()));
        unlinkSlot(tx, slotId);
      });
      if (hasSlot) await rotateAfter(core, 'member_removed', 'The team member was removed');
    },
  };
}
