/** Seconds before the service accepts another unlock attempt (it slows repeated wrong secrets). */
import { useVaultStatus } from '../../app/vault-status';
import { useSecondsUntil } from '../../components/countdown';

export function useRetryWaitSeconds(): number {
  const { data: status, dataUpdatedAt } = useVaultStatus();
  return useSecondsUntil(status ? dataUpdatedAt + status.retryAfterMs : 0);
}
