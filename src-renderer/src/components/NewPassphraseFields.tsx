/**
 * Choosing a passphrase: the field with a live strength hint (what is wrong and how to fix it) and
 * a second field to type it again. Used to create a vault, add a member, change or reset a passphrase.
 */
import { useTranslation } from 'react-i18next';
import type { PassphraseAssessment } from '../../../src-main/contract';
import { usePassphraseAssessment } from './passphrase-assessment';
import { TextInputField } from './TextInputField';

export interface NewPassphraseFieldsProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  confirmValue: string;
  onConfirmChange: (value: string) => void;
  /** Words a guesser would try first, such as the member's name. */
  context: readonly string[];
  advice?: string;
  /** The id of the form's alert, when the last server error was about this passphrase. */
  errorId?: string;
}

export function NewPassphraseFields(props: NewPassphraseFieldsProps) {
  const { t } = useTranslation();
  const assessment = usePassphraseAssessment(props.value, props.context);
  return (
    <>
      <TextInputField
        label={props.label}
        name="new-passphrase"
        type="password"
        autoComplete="new-password"
        isRequired
        value={props.value}
        onChange={props.onChange}
        aria-describedby={props.errorId}
        validate={() => (assessment && !assessment.acceptable ? t('passphrase.notAcceptable') : null)}
        description={
          <>
            <p>{props.advice ?? t('passphrase.advice')}</p>
            <StrengthHint typed={props.value !== ''} assessment={assessment} />
          </>
        }
      />
      <TextInputField
        label={t('passphrase.confirmLabel')}
        name="confirm-passphrase"
        type="password"
        autoComplete="new-password"
        isRequired
        value={props.confirmValue}
        onChange={props.onConfirmChange}
        validate={(confirm) => (confirm === props.value ? null : t('passphrase.mismatch'))}
      />
    </>
  );
}

function StrengthHint({ typed, assessment }: { typed: boolean; assessment: PassphraseAssessment | null }) {
  const { t } = useTranslation();
  return (
    <div className="strength" aria-live="polite">
      {typed ? (
        <>
          <div className="strength-bar" data-score={assessment?.score ?? 'none'} aria-hidden="true">
            <span />
            <span />
            <span />
            <span />
          </div>
          {assessment ? (
            <>
              <p className="strength-text">
                <strong>{t('passphrase.strength')}:</strong> {assessment.hint}
              </p>
              {assessment.problems.length > 0 ? (
                <ul className="strength-problems">
                  {assessment.problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : (
            <p className="strength-text">{t('passphrase.checking')}</p>
          )}
        </>
      ) : null}
    </div>
  );
}
