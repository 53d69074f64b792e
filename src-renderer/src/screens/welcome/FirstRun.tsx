/** The first screen on a computer without a vault: create a real one, or look around with demo data. */
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api-client/react';
import { useRefreshStatus } from '../../app/vault-status';
import { useErrorMessage } from '../../components/error-message';
import { FormAlert } from '../../components/FormAlert';
import { GateCard } from '../../components/GatePage';
import { CreateVaultForm } from './CreateVaultForm';
import type { WelcomeNote } from './welcome-note';

export function FirstRun({ onCreated }: { onCreated: (note: WelcomeNote) => void }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const refreshStatus = useRefreshStatus();
  const [creating, setCreating] = useState(false);
  const demo = useApiMutation('vault.createDemo', {
    onSuccess: ({ passphrase }) => {
      onCreated({ kind: 'demo', passphrase });
      void refreshStatus();
    },
  });

  if (creating) {
    return (
      <GateCard title={t('createVault.title')} intro={t('createVault.intro')}>
        <CreateVaultForm onCreated={onCreated} onBack={() => setCreating(false)} />
      </GateCard>
    );
  }
  return (
    <GateCard title={t('firstRun.title')} intro={t('firstRun.intro')}>
      <div className="choices">
        <div className="choice">
          <h2 className="choice-title">{t('firstRun.createTitle')}</h2>
          <p>{t('firstRun.createText')}</p>
          <Button className="button button--primary" onPress={() => setCreating(true)}>
            {t('firstRun.createTitle')}
          </Button>
        </div>
        <div className="choice">
          <h2 className="choice-title">{t('firstRun.demoTitle')}</h2>
          <p>{t('firstRun.demoText')}</p>
          <Button className="button button--secondary" onPress={() => demo.isPending || demo.mutate({})}>
            {demo.isPending ? t('firstRun.demoWorking') : t('firstRun.demoTitle')}
          </Button>
        </div>
      </div>
      <FormAlert id="first-run-alert">{demo.isError ? describe(demo.error) : null}</FormAlert>
    </GateCard>
  );
}
