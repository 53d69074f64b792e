/**
 * `peerpath vault …`: create, check, secrets, members, backup and restore of the vault itself. Each
 * command is one or two requests through dispatch (`vault.*`); backup and restore are the channels
 * only the command line's dispatch answers, since they name a file or folder.
 */
import { z } from 'zod';
import { AppError, MemberName, StaffRole } from '../contract';
import { CommandFailed, call, type Io, secret, unlocked, withPeerpath } from './common';

export const VaultInvocation = z.discriminatedUnion('command', [
  z.object({ command: z.literal('init'), name: MemberName, role: StaffRole, positionals: z.tuple([]) }),
  z.object({ command: z.literal('check'), positionals: z.tuple([]) }),
  z.object({ command: z.literal('change-passphrase'), positionals: z.tuple([]) }),
  z.object({ command: z.literal('add-member'), name: MemberName, role: StaffRole, positionals: z.tuple([]) }),
  z.object({ command: z.literal('recovery-key'), positionals: z.tuple([]) }),
  z.object({ command: z.literal('members'), positionals: z.tuple([]) }),
  z.object({ command: z.literal('remove-member'), positionals: z.tuple([z.string().trim().min(1).max(200)]) }),
  z.object({ command: z.literal('rotate-key'), positionals: z.tuple([]) }),
  z.object({ command: z.literal('backup'), positionals: z.tuple([z.string().min(1)]) }),
  z.object({ command: z.literal('restore'), positionals: z.tuple([z.string().min(1), z.string().min(1)]) }),
]);
export type VaultInvocation = z.infer<typeof VaultInvocation>;

/** What a new data key does not reach, said after every rotation. */
const STILL_READABLE =
  "Still readable: backups (.ppbak) made before now open with the passphrases and recovery key of then, including a removed member's. Delete those you no longer need.";

export async function runVault(invocation: VaultInvocation, dir: string, recovery: boolean, io: Io): Promise<void> {
  await withPeerpath(io, dir, async (peerpath) => {
    switch (invocation.command) {
      case 'init': {
        const passphrase = await secret(io, 'PEERPATH_PASSPHRASE', 'New passphrase: ', true);
        const { recoveryKey } = await call(peerpath, 'vault.create', {
          memberName: invocation.name,
          memberRole: invocation.role,
          passphrase,
        });
        io.out(`Created the vault in ${dir}.`);
        io.out(`Recovery key (print it and keep it somewhere safe; it is shown only now):\n\n    ${recoveryKey}\n`);
        return;
      }
      case 'check': {
        await unlocked(peerpath, io, recovery);
        const result = await call(peerpath, 'vault.check', {});
        if (!result.integrityOk) throw new AppError('vault_damaged', 'The vault failed its integrity check — restore from backup.');
        const problems = result.accessProblems ?? [];
        if (problems.length === 0) {
          io.out(`ok: schema ${result.schemaVersion}, integrity ok, ${result.members} team member(s) with access`);
          return;
        }
        // A key slot no one is listed for (or a listed member who can no longer unlock): left by a crash, never silent.
        throw new CommandFailed(
          problems.map((p) =>
            p.problem === 'slot_without_member'
              ? `peerpath: key slot ${p.slotId} opens the vault but names no team member; remove it with \`peerpath vault remove-member ${p.slotId}\`.`
              : `peerpath: ${p.name ?? 'a team member'} (slot ${p.slotId}) is listed but can no longer unlock; remove them (\`peerpath vault remove-member ${p.slotId}\`) and add them again.`,
          ),
        );
      }
      case 'members': {
        await unlocked(peerpath, io, recovery);
        for (const member of await call(peerpath, 'vault.members', {})) {
          io.out(
            [member.slotId, member.name, member.role, member.addedAt.slice(0, 10), member.lastUnlockAt ?? 'never unlocked'].join('\t'),
          );
        }
        for (const problem of (await call(peerpath, 'vault.check', {})).accessProblems ?? []) {
          io.out([problem.slotId, problem.name ?? '(no team member)', problem.problem.replaceAll('_', ' '), '-'].join('\t'));
        }
        return;
      }
      case 'remove-member': {
        await unlocked(peerpath, io, recovery);
        const [who] = invocation.positionals;
        const members = await call(peerpath, 'vault.members', {});
        const problems = (await call(peerpath, 'vault.check', {})).accessProblems ?? [];
        const bySlot = [...members, ...problems].filter((m) => m.slotId === who);
        const byName = members.filter((m) => m.name.toLocaleLowerCase() === who.toLocaleLowerCase());
        const found = bySlot.length ? bySlot : byName;
        if (found.length === 0)
          throw new AppError('not_found', `No team member or key slot is called "${who}"; see peerpath vault members.`);
        if (found.length > 1)
          throw new AppError(
            'conflict',
            `More than one team member is called "${who}"; give the slot id instead (peerpath vault members).`,
          );
        const [target] = found;
        if (!target) return;
        await call(peerpath, 'vault.removeMember', { slotId: target.slotId });
        io.out(
          `Removed ${'name' in target && target.name ? target.name : `key slot ${target.slotId}`}. The vault is now encrypted under a new key: their passphrase no longer opens it, not even with an older copy of keyslots.json.`,
        );
        io.out(STILL_READABLE);
        return;
      }
      case 'rotate-key': {
        await unlocked(peerpath, io, recovery);
        const { epoch } = await call(peerpath, 'vault.rotateKey', {});
        io.out(
          `The vault is now encrypted under a new key (key number ${epoch}); every current team member and the recovery key open it as before.`,
        );
        io.out(STILL_READABLE);
        return;
      }
      case 'change-passphrase': {
        const currentPassphrase = await unlocked(peerpath, io, false);
        const newPassphrase = await secret(io, 'PEERPATH_NEW_PASSPHRASE', 'New passphrase: ', true);
        await call(peerpath, 'vault.changePassphrase', { currentPassphrase, newPassphrase });
        io.out('Passphrase changed.');
        return;
      }
      case 'add-member': {
        await unlocked(peerpath, io, recovery);
        const passphrase = await secret(io, 'PEERPATH_NEW_PASSPHRASE', `Passphrase for ${invocation.name}: `, true);
        await call(peerpath, 'vault.addMember', { name: invocation.name, role: invocation.role, passphrase });
        io.out(`Added ${invocation.name} (${invocation.role}).`);
        return;
      }
      case 'recovery-key': {
        await unlocked(peerpath, io, recovery);
        const { recoveryKey, notice } = await call(peerpath, 'vault.newRecoveryKey', {});
        io.out(`New recovery key (the old one no longer works):\n\n    ${recoveryKey}\n`);
        if (notice) io.err(`peerpath: ${notice}`);
        else io.out(STILL_READABLE);
        return;
      }
      case 'backup': {
        await unlocked(peerpath, io, recovery);
        const { bytes } = await call(peerpath, 'vault.backup', { file: invocation.positionals[0] });
        io.out(`Backup written: ${invocation.positionals[0]} (${bytes} bytes, encrypted).`);
        return;
      }
      case 'restore': {
        const [file, into] = invocation.positionals;
        const given = await secret(io, 'PEERPATH_PASSPHRASE', recovery ? 'Recovery key: ' : 'Passphrase: ');
        await call(peerpath, 'vault.restore', { file, into, secret: given, kind: recovery ? 'recovery' : 'passphrase' });
        io.out(`Restored into ${into}; integrity ok.`);
        return;
      }
    }
  });
}
