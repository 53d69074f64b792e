/**
 * A recovery key shown once: large and grouped for reading, printable on its own (the print
 * stylesheet hides everything but `.print-sheet`), and a box to tick before moving on.
 */
import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export function RecoveryKeySheet({
  recoveryKey,
  continueLabel,
  onContinue,
}: {
  recoveryKey: string;
  continueLabel: string;
  onContinue: () => void;
}) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  const captionId = useId();
  const storedId = useId();
  const hintId = useId();
  return (
    <div className="stack">
      <p>{t('recoveryKey.intro')}</p>
      <p className="notice notice--warning">{t('recoveryKey.onceOnly')}</p>
      <figure className="print-sheet" aria-labelledby={captionId}>
        <p className="print-only print-heading">{t('recoveryKey.printHeading')}</p>
        <figcaption id={captionId} className="key-caption">
          {t('recoveryKey.keyLabel')}
        </figcaption>
        <code className="recovery-key">{recoveryKey}</code>
        <p className="print-only">{t('recoveryKey.printNote')}</p>
      </figure>
      <div className="actions">
        <Button className="button button--secondary" onPress={() => window.print()}>
          {t('recoveryKey.print')}
        </Button>
      </div>
      <div className="checkbox-field">
        <input
          id={storedId}
          type="checkbox"
          checked={stored}
          onChange={(event) => setStored(event.target.checked)}
          aria-describedby={hintId}
        />
        <label htmlFor={storedId}>{t('recoveryKey.stored')}</label>
      </div>
      <p id={hintId} className="field-description">
        {t('recoveryKey.storedRequired')}
      </p>
      <div className="actions">
        <Button className="button button--primary" isDisabled={!stored} onPress={onContinue}>
          {continueLabel}
        </Button>
      </div>
    </div>
  );
}
