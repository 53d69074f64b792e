/** Leaving meeting mode: the acting member's passphrase, checked by the services against their key slot. */
import { useId, useState } from 'react';
import { Button, Dialog, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api-client/react';
import { FormAlert } from '../../components/FormAlert';
import { errorCode, useServiceError } from '../../components/service-error';
import { TextInputField } from '../../components/TextInputField';
import { useMeetingSwitch } from './use-meeting-mode';

export function LeaveMeeting({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const alertId = useId();
  const [passphrase, setPassphrase] = useState('');
  const switchMode = useMeetingSwitch();
  const leave = useApiMutation('meetings.leave', {
    onSuccess: () => void switchMode(),
    onError: () => setPassphrase(''),
  });
  const problem = leave.isError ? (errorCode(leave.error) === 'wrong_secret' ? t('meeting.leave.wrong') : describe(leave.error)) : null;
  return (
    <ModalOverlay className="modal-overlay" isOpen isDismissable onOpenChange={(open) => (open ? null : onCancel())}>
      <Modal className="modal">
        <Dialog className="dialog stack">
          <Heading slot="title">{t('meeting.leave.title')}</Heading>
          <p>{t('meeting.leave.intro')}</p>
          <Form
            className="stack"
            aria-describedby={alertId}
            onSubmit={(event) => {
              event.preventDefault();
              leave.mutate({ passphrase });
            }}
          >
            <TextInputField
              label={t('meeting.leave.passphrase')}
              type="password"
              value={passphrase}
              onChange={setPassphrase}
              isRequired
              autoFocus
              autoComplete="current-password"
            />
            <FormAlert id={alertId}>{problem}</FormAlert>
            <div className="actions">
              <Button type="submit" className="button button--primary" isDisabled={leave.isPending}>
                {t('meeting.leave.submit')}
              </Button>
              <Button className="button button--secondary" onPress={onCancel}>
                {t('meeting.leave.cancel')}
              </Button>
            </div>
          </Form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
