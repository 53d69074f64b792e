/**
 * Everything between "locked" and "ready": passphrase, or recovery key followed by a new passphrase.
 * The same gate fills the page at start-up and sits in the lock overlay later.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '../../../../src-main/contract';
import { GateCard } from '../../components/GatePage';
import { DemoLockedNote } from './DemoLockedNote';
import { RecoveryForm } from './RecoveryForm';
import { ResetAfterRecovery } from './ResetAfterRecovery';
import { UnlockForm } from './UnlockForm';

export function LockedGate({ status, preferredSlotId }: { status: VaultStatus; preferredSlotId?: string }) {
  const { t } = useTranslation();
  const [useRecoveryKey, setUseRecoveryKey] = useState(false);

  if (status.state === 'unlocked' && status.viaRecoveryKey) {
    return (
      <GateCard title={t('reset.title')} intro={t('reset.intro')}>
        <ResetAfterRecovery preferredSlotId={preferredSlotId} />
      </GateCard>
    );
  }
  if (useRecoveryKey) {
    return (
      <GateCard title={t('recovery.title')} intro={t('recovery.intro')}>
        <RecoveryForm onUsePassphrase={() => setUseRecoveryKey(false)} />
      </GateCard>
    );
  }
  return (
    <GateCard title={t('unlock.title')} intro={t('unlock.intro')}>
      <UnlockForm onUseRecoveryKey={() => setUseRecoveryKey(true)} />
      {status.isDemo ? <DemoLockedNote /> : null}
    </GateCard>
  );
}
