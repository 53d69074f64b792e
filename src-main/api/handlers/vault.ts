import type { VaultSession } from '../../services/vault-session';
import type { HandlerGroup } from './group';

export function vaultHandlers(session: VaultSession) {
  return {
    'vault.status': () => session.status(),
    'vault.assessPassphrase': ({ passphrase, context }) => session.assessPassphrase(passphrase, context),
    'vault.create': (input) => session.create(input),
    'vault.createDemo': () => session.createDemo(),
    'vault.unlock': ({ passphrase }) => session.unlock(passphrase),
    'vault.unlockWithRecoveryKey': ({ recoveryKey }) => session.unlockWithRecoveryKey(recoveryKey),
    'vault.lock': () => session.lock('user'),
    'vault.changePassphrase': async (input) => {
      await session.changePassphrase(input);
      return {};
    },
    'vault.setPassphraseAfterRecovery': (input) => session.setPassphraseAfterRecovery(input),
    'vault.members': () => session.members(),
    'vault.addMember': (input) => session.addMember(input),
    'vault.removeMember': ({ slotId }) => {
      session.removeMember(slotId);
      return {};
    },
    'vault.newRecoveryKey': () => session.newRecoveryKey(),
    'vault.activity': () => {
      session.activity();
      return {};
    },
    'vault.leaveDemo': () => session.leaveDemo(),
    'settings.get': () => session.getSettings(),
    'settings.update': (patch) => session.updateSettings(patch),
  } satisfies HandlerGroup<'vault.' | 'settings.'>;
}
