/**
 * A session or a progress point shows in several places at once (the week view, an accommodation's
 * session log and defaults, the goal graph with its flags and suggestion, fidelity), so a change
 * re-reads every one of them that is on screen.
 */
import { useQueryClient } from '@tanstack/react-query';

const PROGRESS_CHANNELS = ['sessions.', 'progressPoints.', 'goals.progress', 'fidelity.'];

export function useRefreshProgress(): () => Promise<void> {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({
      predicate: (query) => {
        const channel = query.queryKey[0];
        return typeof channel === 'string' && PROGRESS_CHANNELS.some((prefix) => channel.startsWith(prefix));
      },
    });
}
