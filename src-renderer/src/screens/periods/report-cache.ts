/**
 * The page reads every report of the plan in one query (all periods); a save, finalize or amend
 * puts what the service returned into that list at once, so a form never shows the old report
 * between the answer and a re-read.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { ProgressReport } from '../../../../src-main/contract';
import { queryKey } from '../../api-client/react';

export function useStoreReports(planId: string): (saved: readonly ProgressReport[]) => void {
  const client = useQueryClient();
  const key = queryKey('progressReports.listForPlan', { planId });
  return (saved) => {
    client.setQueryData<ProgressReport[]>(key, (list = []) => {
      const fresh = new Map(saved.map((report) => [report.id, report]));
      const kept = list.map((report) => fresh.get(report.id) ?? report);
      const added = saved.filter((report) => !list.some((old) => old.id === report.id));
      return [...kept, ...added];
    });
  };
}
