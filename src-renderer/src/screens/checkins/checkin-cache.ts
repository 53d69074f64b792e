/**
 * A check-in shows on the student's timeline, the mentor's timeline and the mentor's ratings over
 * time, so a change to one re-reads all of them.
 */
import { useQueryClient } from '@tanstack/react-query';

export function useRefreshCheckIns(): () => Promise<void> {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({
      predicate: (query) => {
        const channel = query.queryKey[0];
        return typeof channel === 'string' && (channel.startsWith('checkIns.') || channel === 'mentors.activity');
      },
    });
}
