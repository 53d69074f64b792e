/**
 * "Check the audit trail": re-computes the hash chain and every signature and says whether any
 * event was edited, deleted or moved, in the service's own words: which event broke the chain, then
 * one line per team member whose events fail, are missing or are out of order, naming them.
 */
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api-client/react';
import { FormAlert } from '../../components/FormAlert';
import { Panel } from '../../components/Panel';
import { useServiceError } from '../../components/service-error';

export function AuditVerifier() {
  const { t } = useTranslation();
  const describe = useServiceError();
  // A mutation rather than a query: it is a deliberate check, run when asked, never from a cache.
  const verify = useApiMutation('audit.verify');
  const verdict = verify.data;
  return (
    <Panel title={t('audit.verify.title')} intro={t('audit.verify.intro')}>
      <div className="actions">
        <Button className="button button--primary" onPress={() => verify.isPending || verify.mutate({})}>
          {t('audit.verify.submit')}
        </Button>
        <span role="status" className="busy-text">
          {verify.isPending ? t('audit.verify.checking') : null}
        </span>
      </div>
      <div role="status">{verdict?.ok ? <p className="verdict">{verdict.message}</p> : null}</div>
      <FormAlert id="audit-verdict-alert">
        {verdict && !verdict.ok ? <VerdictLines message={verdict.message} /> : verify.isError ? describe(verify.error) : null}
      </FormAlert>
    </Panel>
  );
}

/** The verdict's first line says what broke; each further line names one member and what happened to their events. */
function VerdictLines({ message }: { message: string }) {
  const [summary, ...members] = message.split('\n');
  return (
    <>
      <p>{summary}</p>
      {members.length ? (
        <ul className="audit-verdict-members">
          {members.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
