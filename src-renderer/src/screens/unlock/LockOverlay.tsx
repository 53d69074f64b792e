/**
 * The lock screen over a running app. The app tree stays mounted (inert) underneath, so every
 * half-typed form is exactly as it was after unlocking; the backdrop is opaque because a locked
 * screen must not show records to whoever walks past.
 */
import { Dialog, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '../../../../src-main/contract';
import { LockedGate } from './LockedGate';

export function LockOverlay({ status, ownerSlotId }: { status: VaultStatus; ownerSlotId: string }) {
  const { t } = useTranslation();
  return (
    <ModalOverlay className="lock-overlay" isOpen isDismissable={false} isKeyboardDismissDisabled>
      <Modal className="lock-modal">
        <Dialog className="lock-dialog stack" aria-label={t('unlock.overlayTitle')}>
          <p className="brand">{t('app.name')}</p>
          <LockedGate status={status} preferredSlotId={ownerSlotId} />
          <p className="lock-note">{t('unlock.keepsWork')}</p>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
