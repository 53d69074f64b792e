/** Shows a new vault's recovery key (or the demo's passphrase) once, before the app opens. */
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { GateCard } from '../../components/GatePage';
import { RecoveryKeySheet } from '../../components/RecoveryKeySheet';
import type { WelcomeNote } from './welcome-note';

export function WelcomeNoteScreen({ note, onDone }: { note: WelcomeNote; onDone: () => void }) {
  const { t } = useTranslation();
  if (note.kind === 'recovery-key') {
    return (
      <GateCard title={t('recoveryKey.title')}>
        <RecoveryKeySheet recoveryKey={note.recoveryKey} continueLabel={t('app.continue')} onContinue={onDone} />
      </GateCard>
    );
  }
  return (
    <GateCard title={t('demo.title')} intro={t('demo.intro')}>
      <figure className="key-figure" aria-label={t('demo.passphraseLabel')}>
        <code className="recovery-key">{note.passphrase}</code>
      </figure>
      <div className="actions">
        <Button className="button button--primary" onPress={onDone} autoFocus>
          {t('app.continue')}
        </Button>
      </div>
    </GateCard>
  );
}
