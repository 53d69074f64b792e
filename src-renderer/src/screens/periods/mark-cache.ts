/**
 * The page reads every mark of the plan in one query (all periods); a save, finalize or amend
 * puts what the service returned into that list at once, so a form never shows the old mark
 * between the answer and a re-read.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { ProgressMark } from '../../../../src-main/contract';
import { queryKey } from '../../api-client/react';

export function useStoreMarks(planId: string): (saved: readonly ProgressMark[]) => void {
  const client = useQueryClient();
  const key = queryKey('progressMarks.listForPlan', { planId });
  return (saved) => {
    client.setQueryData<ProgressMark[]>(key, (list = []) => {
      const fresh = new Map(saved.map((mark) => [mark.id, mark]));
      const kept = list.map((mark) => fresh.get(mark.id) ?? mark);
      const added = saved.filter((mark) => !list.some((old) => old.id === mark.id));
      return [...kept, ...added];
    });
  };
}
