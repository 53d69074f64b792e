/**
 * Where a form says why its action failed. The region is always in the page, so screen readers
 * announce the text when it appears; fields the error concerns point at it with aria-describedby.
 */
import type { ReactNode } from 'react';

export function FormAlert({ id, children }: { id: string; children?: ReactNode }) {
  return (
    <div id={id} role="alert" className={children ? 'form-alert' : 'form-alert form-alert--empty'}>
      {children}
    </div>
  );
}

/** A quiet confirmation after a form succeeds ("Saved."), announced politely. */
export function FormStatus({ children }: { children?: ReactNode }) {
  return (
    <p role="status" className="form-status">
      {children}
    </p>
  );
}
