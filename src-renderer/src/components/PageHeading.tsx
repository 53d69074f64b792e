/**
 * A page's h1. Moving between pages of one section (list → detail → form) changes only the hash, so
 * the heading takes focus when it appears: screen readers start reading at the new page, and the
 * keyboard continues from the top of it rather than from a button that no longer exists.
 */
import { type ReactNode, useEffect, useRef } from 'react';

export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Not when the user is typing somewhere already (e.g. the page re-mounts behind an open field).
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected || active.closest('main') === null) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
