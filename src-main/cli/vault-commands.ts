/** `peerpath vault …`: create, check, secrets, members, backup and restore of the vault itself. */
import { z } from 'zod';
import { createPeerpath } from '../api/app';
import { AppError, MemberName, StaffRole } from '../contract';
import { restoreBackup } from '../vault/backup';
import { closeVault } from '../vault/vault';
import { type Io, secret, unlocked } from './common';

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
  const app = createPeerpath({ dir });
  try {
    switch (invocation.command) {
      case 'init': {
        const passphrase = await secret(io, 'PEERPATH_PASSPHRASE', 'New passphrase: ', true);
        const { recoveryKey } = await app.session.create({ memberName: invocation.name, memberRole: invocation.role, passphrase });
        io.out(`Created the vault in ${dir}.`);
        io.out(`Recovery key (print it and keep it somewhere safe; it is shown only now):\n\n    ${recoveryKey}\n`);
        return;
      }
      case 'check': {
        await unlocked(app, io, recovery);
        const result = app.session.check();
        if (!result.integrityOk) throw new AppError('vault_damaged', 'The vault failed its integrity check — restore from backup.');
        io.out(`ok: schema ${result.schemaVersion}, integrity ok, ${result.members} team member(s) with access`);
        return;
      }
      case 'change-passphrase': {
        const currentPassphrase = await unlocked(app, io, false);
        const newPassphrase = await secret(io, 'PEERPATH_NEW_PASSPHRASE', 'New passphrase: ', true);
        await app.session.changePassphrase({ currentPassphrase, newPassphrase });
        io.out('Passphrase changed.');
        return;
      }
      case 'add-member': {
        await unlocked(app, io, recovery);
        const passphrase = await secret(io, 'PEERPATH_NEW_PASSPHRASE', `Passphrase for ${invocation.name}: `, true);
        await app.session.addMember({ name: invocation.name, role: invocation.role, passphrase });
        io.out(`Added ${invocation.name} (${invocation.role}).`);
        return;
      }
      case 'recovery-key': {
        await unlocked(app, io, recovery);
        const { recoveryKey } = await app.session.newRecoveryKey();
        io.out(`New recovery key (the old one no longer works):\n\n    ${recoveryKey}\n`);
        return;
      }
      case 'backup': {
        await unlocked(app, io, recovery);
        const { bytes } = app.session.backup(invocation.positionals[0]);
        io.out(`Backup written: ${invocation.positionals[0]} (${bytes} bytes, encrypted).`);
        return;
      }
      case 'restore': {
        const [file, target] = invocation.positionals;
        const given = await secret(io, 'PEERPATH_PASSPHRASE', recovery ? 'Recovery key: ' : 'Passphrase: ');
        const restored = await restoreBackup({
          file,
          dir: target,
          secret: given,
          kind: recovery ? 'recovery' : 'passphrase',
          liveDir: dir,
        });
        closeVault(restored);
        io.out(`Restored into ${target}; integrity ok.`);
        return;
      }
    }
  } finally {
    app.session.lock('user');
  }
}
