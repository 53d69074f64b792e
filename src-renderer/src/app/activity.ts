/**
 * Tells the main process someone is at the keyboard, so the auto-lock waits. Throttled to one call
 * per 30 s: the idle timer counts minutes, and every call is work in the main process.
 */
import { useEffect, useRef } from 'react';
import { useApi } from '../api-client/react';

const ACTIVITY_THROTTLE_MS = 30_000;

export function useActivityHeartbeat(active: boolean): void {
  const api = useApi();
  const lastSent = useRef(Number.NEGATIVE_INFINITY);

  useEffect(() => {
    if (!active) return;
    const onActivity = () => {
      const now = Date.now();
      if (now - lastSent.current < ACTIVITY_THROTTLE_MS) return;
      lastSent.current = now;
      // A lost heartbeat only means the vault may lock a little early; the status poll shows it.
      api('vault.activity', {}).catch(() => undefined);
    };
    window.addEventListener('keydown', onActivity, { capture: true, passive: true });
    window.addEventListener('pointerdown', onActivity, { capture: true, passive: true });
    return () => {
      window.removeEventListener('keydown', onActivity, { capture: true });
      window.removeEventListener('pointerdown', onActivity, { capture: true });
    };
  }, [active, api]);
}
