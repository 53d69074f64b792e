/**
 * Decides what fills the window from the vault status: first run, a welcome note, the unlock gate,
 * or the app frame. Once a member has used the app, the frame stays mounted through locks (the
 * overlay covers it) and is rebuilt only when a different member unlocks, whose work it is not.
 */
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../src-main/contract';
import { GatePage } from '../components/GatePage';
import { AppFrame } from '../screens/frame/AppFrame';
import { LockedGate } from '../screens/unlock/LockedGate';
import { LockOverlay } from '../screens/unlock/LockOverlay';
import { FirstRun } from '../screens/welcome/FirstRun';
import { WelcomeNoteScreen } from '../screens/welcome/WelcomeNoteScreen';
import type { WelcomeNote } from '../screens/welcome/welcome-note';
import { useActivityHeartbeat } from './activity';
import { isReady, useVaultStatus } from './vault-status';

interface Owner {
  member: Member;
  isDemo: boolean;
}

export function App() {
  const { t } = useTranslation();
  const statusQuery = useVaultStatus();
  const status = statusQuery.data;
  const ready = status ? isReady(status) : false;
  const [owner, setOwner] = useState<Owner | null>(null);
  const [welcome, setWelcome] = useState<WelcomeNote | null>(null);
  useActivityHeartbeat(ready);

  // Derived from the status while rendering (React's pattern for state that follows a prop).
  if (ready && status?.member && owner?.member.slotId !== status.member.slotId) {
    setOwner({ member: status.member, isDemo: status.isDemo });
  }
  if (status?.state === 'absent' && owner) {
    // Left the demo: its frame has nothing to come back to.
    setOwner(null);
  }

  if (!status) {
    return (
      <GatePage>
        {statusQuery.isError ? (
          <div className="card stack" role="alert">
            <p>{t('app.cannotReach')}</p>
            <Button className="button button--primary" onPress={() => void statusQuery.refetch()}>
              {t('app.tryAgain')}
            </Button>
          </div>
        ) : (
          <p className="card" role="status">
            {t('app.opening')}
          </p>
        )}
      </GatePage>
    );
  }
  if (welcome) {
    return (
      <GatePage>
        <WelcomeNoteScreen note={welcome} onDone={() => setWelcome(null)} />
      </GatePage>
    );
  }
  if (status.state === 'absent') {
    return (
      <GatePage>
        <FirstRun onCreated={setWelcome} />
      </GatePage>
    );
  }
  if (!owner) {
    return (
      <GatePage>
        <LockedGate status={status} />
      </GatePage>
    );
  }
  return (
    <>
      <AppFrame key={owner.member.slotId} member={owner.member} isDemo={owner.isDemo} locked={!ready} />
      {ready ? null : <LockOverlay status={status} ownerSlotId={owner.member.slotId} />}
    </>
  );
}
