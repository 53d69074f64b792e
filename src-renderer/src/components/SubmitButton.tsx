/**
 * A form's submit button. It stays enabled and focusable while the action runs (a disabled button
 * would drop keyboard focus), and a status line beside it says that work is under way.
 */
import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export interface SubmitButtonProps {
  children: ReactNode;
  pending: boolean;
  isDisabled?: boolean;
  /** What to say while the action runs, when "Working…" is not enough (e.g. it takes seconds). */
  busyText?: string;
  /** The action destroys something (purge): drawn as a danger button. */
  danger?: boolean;
}

export function SubmitButton({ children, pending, isDisabled, busyText, danger }: SubmitButtonProps) {
  const { t } = useTranslation();
  return (
    <>
      <Button
        type="submit"
        className={danger ? 'button button--danger' : 'button button--primary'}
        isDisabled={isDisabled}
        data-busy={pending || undefined}
      >
        {children}
      </Button>
      <span role="status" className="busy-text">
        {pending ? (busyText ?? t('app.working')) : null}
      </span>
    </>
  );
}
