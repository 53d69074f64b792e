/** A yes/no question before something that cannot be undone, as a modal alert dialog. */
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export interface ConfirmDialogProps {
  title: string;
  text: string;
  confirmLabel: string;
  isOpen: boolean;
  isWorking?: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

export function ConfirmDialog({ title, text, confirmLabel, isOpen, isWorking, onCancel, onConfirm }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} isDismissable onOpenChange={(open) => open || onCancel()}>
      <Modal className="modal">
        <Dialog role="alertdialog" className="dialog stack">
          <Heading slot="title" className="dialog-title">
            {title}
          </Heading>
          <p>{text}</p>
          <div className="actions">
            <Button className="button button--secondary" onPress={onCancel} autoFocus>
              {t('app.cancel')}
            </Button>
            <Button className="button button--danger" onPress={() => isWorking || onConfirm()}>
              {confirmLabel}
            </Button>
            <span role="status" className="busy-text">
              {isWorking ? t('app.working') : null}
            </span>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
