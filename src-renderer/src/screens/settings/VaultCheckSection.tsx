/** For whoever keeps the vault (IT staff among them): the full integrity check, run when asked. */
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api-client/react';
import { FormAlert } from '../../components/FormAlert';
import { useServiceError } from '../../components/service-error';
import { SettingsSection } from './SettingsSection';

export function VaultCheckSection() {
  const { t } = useTranslation();
  const describe = useServiceError();
  // A mutation, not a query: it reads every page, so it runs when asked and is never cached.
  const check = useApiMutation('vault.check');
  const result = check.data;
  const problems = result?.accessProblems?.length ?? 0;
  return (
    <SettingsSection title={t('settings.vaultCheck.title')} intro={t('settings.vaultCheck.intro')}>
      <div className="actions">
        <Button className="button button--primary" onPress={() => check.isPending || check.mutate({})}>
          {t('settings.vaultCheck.submit')}
        </Button>
        <span role="status" className="busy-text">
          {check.isPending ? t('settings.vaultCheck.checking') : null}
        </span>
      </div>
      <div role="status">
        {result?.integrityOk ? (
          <p className="verdict">{t('settings.vaultCheck.ok', { version: result.schemaVersion, members: result.members })}</p>
        ) : null}
        {result && problems > 0 ? <p>{t('settings.vaultCheck.accessProblems', { count: problems })}</p> : null}
      </div>
      <FormAlert id="vault-check-alert">
        {result && !result.integrityOk ? t('settings.vaultCheck.damaged') : check.isError ? describe(check.error) : null}
      </FormAlert>
    </SettingsSection>
  );
}
