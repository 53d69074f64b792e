import type { VaultStatus } from '../../contract';
import { seedDemoVault } from '../../services/demo/seed-folder';
import { restoreInto } from '../../services/restore';
import type { VaultSession } from '../../services/vault-session';
import type { HandlerGroup } from './group';

/** The session's own folders: a restore never writes into `dir`; `demoDir` is the app's demo vault. */
export interface VaultFolders {
  dir?: string | undefined;
  demoDir?: string | undefined;
}

/** An unlocked vault's status names any key slot without a member, or member without a slot. */
function withAccessProblems(session: VaultSession, status: VaultStatus): VaultStatus {
  if (status.state !== 'unlocked') return status;
  try {
    const accessProblems = session.accessProblems();
    return accessProblems.length ? { ...status, accessProblems } : status;
  } catch {
    return status; // meeting mode: nothing but the meeting is shown
  }
}

export function vaultHandlers(session: VaultSession, folders: VaultFolders = {}) {
  return {
    'vault.status': () => withAccessProblems(session, session.status()),
    'vault.assessPassphrase': ({ passphrase, context }) => session.assessPassphrase(passphrase, context),
    'vault.create': (input) => session.create(input),
    'vault.createDemo': () => session.createDemo(),
    'vault.unlock': async ({ passphrase }) => withAccessProblems(session, await session.unlock(passphrase)),
    'vault.unlockWithRecoveryKey': async ({ recoveryKey }) => withAccessProblems(session, await session.unlockWithRecoveryKey(recoveryKey)),
    'vault.lock': () => session.lock('user'),
    'vault.changePassphrase': async (input) => {
      await session.changePassphrase(input);
      return {};
    },
    'vault.setPassphraseAfterRecovery': (input) => session.setPassphraseAfterRecovery(input),
    'vault.members': () => session.members(),
    'vault.addMember': (input) => session.addMember(input),
    'vault.removeMember': async ({ slotId }) => {
      await session.removeMember(slotId);
      return {};
    },
    'vault.rotateKey': () => session.rotateKey(),
    'vault.newRecoveryKey': () => session.newRecoveryKey(),
    'vault.activity': () => {
      session.activity();
      return {};
    },
    'vault.leaveDemo': () => session.leaveDemo(),
    'vault.check': () => session.check(),
    'vault.backup': ({ file }) => session.backup(file),
    'vault.backups': () => session.backups(),
    'vault.deleteBackup': ({ id }) => {
      session.deleteBackup(id);
      return {};
    },
    'vault.restore': async (input) => {
      await restoreInto(input, folders.dir);
      return {};
    },
    'vault.seedDemo': (input) => seedDemoVault(input, folders.demoDir),
    'settings.get': () => session.getSettings(),
    'settings.update': (patch) => session.updateSettings(patch),
  } satisfies HandlerGroup<'vault.' | 'settings.'>;
}
