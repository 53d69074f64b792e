/**
 * A message about what just happened, with an optional follow-up action ("Undo"). It takes focus
 * when it appears, so a keyboard user is one Tab away from the action and hears the message.
 */
import { useEffect, useRef } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export interface ActionNoticeProps {
  message: string;
  actionLabel?: string;
  onAction?: () => void;
  isWorking?: boolean;
  onDismiss: () => void;
  /** The notice is about a failure: drawn and announced as an alert. */
  isError?: boolean;
}

export function ActionNotice({ message, actionLabel, onAction, isWorking, onDismiss, isError }: ActionNoticeProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className={isError ? 'action-notice action-notice--error' : 'action-notice'}>
      <p role={isError ? 'alert' : 'status'}>{message}</p>
      <div className="actions">
        {actionLabel && onAction ? (
          <Button className="button button--secondary" onPress={() => isWorking || onAction()}>
            {actionLabel}
          </Button>
        ) : null}
        <Button className="button button--quiet" onPress={onDismiss}>
          {t('notice.dismiss')}
        </Button>
      </div>
    </div>
  );
}
