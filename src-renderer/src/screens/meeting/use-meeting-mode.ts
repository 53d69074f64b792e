/**
 * Whether meeting mode is on, as the services say (`meetings.current`). The services refuse every
 * other channel while it is on; the frame uses this only to show the meeting instead of the app.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { Meeting } from '../../../../src-main/contract';
import { useApiQuery } from '../../api-client/react';

export function useMeetingMode(locked: boolean): Meeting | null {
  // While locked the call would be refused; the last answer stays (the meeting outlives a lock).
  const query = useApiQuery('meetings.current', {}, { enabled: !locked });
  return query.data ?? null;
}

/**
 * After entering or leaving: re-read whether a meeting is on (which swaps the whole window), then
 * forget everything else cached, so nothing read in one mode is shown in the other.
 */
export function useMeetingSwitch(): () => Promise<void> {
  const client = useQueryClient();
  return async () => {
    await client.refetchQueries({ queryKey: ['meetings.current'] });
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'vault.status' && query.queryKey[0] !== 'meetings.current' });
  };
}
