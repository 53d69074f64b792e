/**
 * On the lock screen of the demo vault: its passphrase is no secret (made-up records only), and
 * the way back to the real vault or to first run.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api-client/react';

export function DemoLockedNote() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const leave = useApiMutation('vault.leaveDemo', {
    onSuccess: (status) => queryClient.setQueryData(['vault.status', {}], status),
  });
  return (
    <div className="stack demo-locked">
      <p>{t('demo.lockedHint')}</p>
      <Button className="button" onPress={() => leave.mutate({})} isDisabled={leave.isPending}>
        {t('demo.leave')}
      </Button>
    </div>
  );
}
