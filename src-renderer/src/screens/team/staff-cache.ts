/** Staff lists appear elsewhere too (case manager and team choices), so every staff.* answer is re-read after a change. */
import { useQueryClient } from '@tanstack/react-query';

export function useRefreshStaff(): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ predicate: (query) => String(query.queryKey[0]).startsWith('staff.') });
}
