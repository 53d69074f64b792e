/**
 * The vault's state as the UI sees it. Polled every 10 s so an auto-lock in the main process shows
 * up as the lock overlay even when nobody touches the app; any `locked` error re-reads it sooner.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { VaultStatus } from '../../../src-main/contract';
import { queryKey, useApiQuery } from '../api-client/react';

const STATUS_POLL_MS = 10_000;
const STATUS_KEY = queryKey('vault.status', {});

export function useVaultStatus() {
  return useApiQuery(
    'vault.status',
    {},
    {
      refetchInterval: STATUS_POLL_MS,
      // Keep polling while the window is hidden, so the app is already covered when someone returns.
      refetchIntervalInBackground: true,
      refetchOnWindowFocus: true,
    },
  );
}

/** Unlocked by a team member (not only by the recovery key): the app itself may be used. */
export function isReady(status: VaultStatus): boolean {
  return status.state === 'unlocked' && !status.viaRecoveryKey && status.member !== null;
}

export function useIsReady(): boolean {
  const { data } = useVaultStatus();
  return data ? isReady(data) : false;
}

/** Takes a status a call just returned (unlock, lock…) and refreshes whatever depended on the old one. */
export function useAcceptStatus(): (status: VaultStatus) => void {
  const client = useQueryClient();
  return useCallback(
    (status: VaultStatus) => {
      client.setQueryData(STATUS_KEY, status);
      if (status.state === 'unlocked') {
        void client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'vault.status' });
      }
    },
    [client],
  );
}

export function useRefreshStatus(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: STATUS_KEY }), [client]);
}
