/**
 * Live strength of a passphrase being chosen, from the service's own policy (vault.assessPassphrase),
 * so the hint and the rule that finally accepts or refuses it can never disagree.
 */
import { useEffect, useState } from 'react';
import type { PassphraseAssessment } from '../../../src-main/contract';
import { useApi } from '../api-client/react';

const SETTLE_MS = 250;

export function usePassphraseAssessment(passphrase: string, context: readonly string[]): PassphraseAssessment | null {
  const api = useApi();
  const [latest, setLatest] = useState<{ passphrase: string; assessment: PassphraseAssessment } | null>(null);
  const contextKey = JSON.stringify(context.filter(Boolean).map((word) => word.slice(0, 200)));

  useEffect(() => {
    if (passphrase === '') return;
    let current = true;
    // Wait until typing settles, and ignore answers for text that has since changed.
    const timer = setTimeout(() => {
      api('vault.assessPassphrase', { passphrase, context: JSON.parse(contextKey) })
        .then((assessment) => current && setLatest({ passphrase, assessment }))
        .catch(() => current && setLatest(null));
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, passphrase, contextKey]);

  return latest?.passphrase === passphrase ? latest.assessment : null;
}
