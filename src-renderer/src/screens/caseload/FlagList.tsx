/**
 * Health flags as a list: who or what each is about, what was found, what to do, and a link to the
 * record. Urgent ones say so in words as well as colour.
 */
import { useTranslation } from 'react-i18next';
import type { HealthFlagView } from '../../../../src-main/contract';
import { useFlagWords } from './flag-words';

export function FlagList({ flags, label }: { flags: readonly HealthFlagView[]; label?: string }) {
  const { t } = useTranslation();
  const words = useFlagWords();
  return (
    <ul className="health-flags" aria-label={label}>
      {flags.map((flag) => {
        const text = words(flag);
        return (
          <li key={flag.id} className={`health-flag health-flag--${flag.severity}`}>
            <p className="health-flag-subject">
              {flag.severity === 'urgent' ? <span className="tag tag--danger">{t('health.urgent')}</span> : null}
              <strong>{text.subject}</strong>
            </p>
            <p>{text.message}</p>
            <p>
              <span className="health-flag-label">{t('health.whatToDo')}</span> {text.action}
            </p>
            <a className="health-flag-link" href={text.href}>
              {text.linkLabel}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
