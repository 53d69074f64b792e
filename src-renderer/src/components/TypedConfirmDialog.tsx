/**
 * A confirmation for something that cannot be taken back: the person types a word they can see on
 * the record (e.g. the student number), so a stray Enter or a click on the wrong row does nothing.
 */
import { type ReactNode, useId, useState } from 'react';
import { Button, Dialog, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { FormAlert } from './FormAlert';
import { SubmitButton } from './SubmitButton';
import { TextInputField } from './TextInputField';

export interface TypedConfirmDialogProps {
  isOpen: boolean;
  title: string;
  children: ReactNode;
  /** What must be typed, exactly (surrounding spaces are forgiven). */
  expected: string;
  fieldLabel: string;
  mismatchMessage: string;
  confirmLabel: string;
  isWorking: boolean;
  /** Why the last attempt failed, from the service. */
  errorText: string | null;
  onCancel: () => void;
  onConfirm: (typed: string) => void;
}

export function TypedConfirmDialog(props: TypedConfirmDialogProps) {
  const { t } = useTranslation();
  const alertId = useId();
  const [typed, setTyped] = useState('');
  const close = () => {
    setTyped('');
    props.onCancel();
  };
  return (
    <ModalOverlay className="modal-overlay" isOpen={props.isOpen} isDismissable onOpenChange={(open) => open || close()}>
      <Modal className="modal modal--wide">
        <Dialog role="alertdialog" className="dialog stack">
          <Heading slot="title" className="dialog-title">
            {props.title}
          </Heading>
          {props.children}
          <Form
            className="stack"
            onSubmit={(event) => {
              event.preventDefault();
              if (!props.isWorking) props.onConfirm(typed.trim());
            }}
          >
            <TextInputField
              label={props.fieldLabel}
              name="typed-confirmation"
              autoComplete="off"
              autoFocus
              isRequired
              value={typed}
              onChange={setTyped}
              validate={(value) => (value.trim() === props.expected ? null : props.mismatchMessage)}
              aria-describedby={props.errorText ? alertId : undefined}
            />
            <FormAlert id={alertId}>{props.errorText}</FormAlert>
            <div className="actions">
              <Button className="button button--secondary" onPress={close}>
                {t('app.cancel')}
              </Button>
              <SubmitButton pending={props.isWorking} danger>
                {props.confirmLabel}
              </SubmitButton>
            </div>
          </Form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
