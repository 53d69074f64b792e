/** Whole seconds left until a moment (for "try again in N s"), re-rendering as they tick down. */
import { useEffect, useReducer } from 'react';

export function useSecondsUntil(deadline: number): number {
  const [, tick] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    if (deadline <= Date.now()) return;
    const timer = setInterval(() => {
      tick();
      if (Date.now() >= deadline) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [deadline]);
  // Read the clock while rendering: a stored "now" would be stale for a frame after the deadline moves.
  return Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
}
