/**
 * A change to a mentor or an assignment shows on several screens at once (the mentor's page, the
 * list's load column, every accommodation card, the eligibility checks), so all of them are re-read.
 */
import { useQueryClient } from '@tanstack/react-query';

export function useRefreshMentorData(): () => Promise<void> {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({
      predicate: (query) => {
        const channel = query.queryKey[0];
        return typeof channel === 'string' && (channel.startsWith('mentors.') || channel.startsWith('assignments.'));
      },
    });
}
