/**
 * Saving or deleting an observation adds or removes progress points, so everything that reads points
 * (goal graphs, progress marks, the caseload's goal status) is re-read along with the observations.
 */
import { useQueryClient } from '@tanstack/react-query';

const READERS = new Set([
  'observations.listForStudent',
  'goals.progress',
  'progressPoints.listForGoal',
  'progressMarks.listForPlan',
  'caseload.dashboard',
  'health.flags',
]);

export function useRefreshObservations(): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ predicate: (query) => typeof query.queryKey[0] === 'string' && READERS.has(query.queryKey[0]) });
}
