/**
 * `peerpath vault …`: create, check, secrets, members, backup and restore of the vault itself. Each
 * command is one or two requests through dispatch (`vault.*`); backup and restore are the channels
 * only the command line's dispatch answers, since they name a file or folder.
 */
import { z } from 'zod';
import { AppError, MemberName, StaffRole } from '../contract';
import { call, type Io, secret, unlocked, withPeerpath } from './common';

export const VaultInvocation = z.discriminatedUnion('command', [
  z.object({ command: z.literal('init'), name: MemberName, role: StaffRole, positionals: z.tuple([]) }),
  z.object({ command: z.literal('check'), positionals: z.tuple([]) }),
  z.object({ command: z.literal('change-passphrase'), positionals: z.tuple([]) }),
  z.object({ command: z.literal('add-member'), name: MemberName, role: StaffRole, positionals: z.tuple([]) }),
  z.object({ command: z.literal('recovery-key'), positionals: z.tuple([]) }),
  z.object({ command: z.literal('backup'), positionals: z.tuple([z.string().min(1)]) }),
  z.object({ command: z.literal('restore'), positionals: z.tuple([z.string().min(1), z.string().min(1)]) }),
]);
export type VaultInvocation = z.infer<typeof VaultInvocation>;

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
        io.out(`ok: schema ${result.schemaVersion}, integrity ok, ${result.members} team member(s) with access`);
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
        const { recoveryKey } = await call(peerpath, 'vault.newRecoveryKey', {});
        io.out(`New recovery key (the old one no longer works):\n\n    ${recoveryKey}\n`);
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
