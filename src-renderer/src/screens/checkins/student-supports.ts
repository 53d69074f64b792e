/**
 * The peer supports a check-in can be recorded for: the accommodations of the student's active
 * plans (one IEP and one 504 at most), running ones first. Check-ins under a draft, superseded or
 * ended plan are refused by the service, so those are not offered.
 */
import { useQueries } from '@tanstack/react-query';
import type { Accommodation } from '../../../../src-main/contract';
import { queryKey, useApi, useApiQuery } from '../../api-client/react';

export interface ActiveSupports {
  /** Running today first, then those that start later or have ended, in plan order. */
  supports: Accommodation[];
  isPending: boolean;
  error: Error | null;
}

export function isRunning(support: Pick<Accommodation, 'startDate' | 'endDate'>, today: string): boolean {
  return support.startDate <= today && today <= support.endDate;
}

export function useActiveSupports(studentId: string, today: string): ActiveSupports {
  const api = useApi();
  const plans = useApiQuery('plans.listForStudent', { studentId });
  const active = (plans.data ?? []).filter((plan) => plan.status === 'active');
  const details = useQueries({
    queries: active.map((plan) => ({ queryKey: queryKey('plans.get', { id: plan.id }), queryFn: () => api('plans.get', { id: plan.id }) })),
  });
  const all = details.flatMap((detail) => detail.data?.accommodations ?? []);
  return {
    supports: [...all.filter((support) => isRunning(support, today)), ...all.filter((support) => !isRunning(support, today))],
    isPending: plans.isPending || details.some((detail) => detail.isPending),
    error: plans.error ?? details.find((detail) => detail.error)?.error ?? null,
  };
}
