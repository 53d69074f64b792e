/**
 * A change to a plan, a goal, an accommodation or a link shows in several places at once (the plan
 * page and its gaps, the student's plan list, the list's plan column, assignment checks), so all are re-read.
 */
import { useQueryClient } from '@tanstack/react-query';

const PLAN_CHANNELS = new Set(['plans.get', 'plans.listForStudent', 'students.list', 'assignments.check']);

export function useRefreshPlans(): () => Promise<void> {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({ predicate: (query) => typeof query.queryKey[0] === 'string' && PLAN_CHANNELS.has(query.queryKey[0]) });
}
