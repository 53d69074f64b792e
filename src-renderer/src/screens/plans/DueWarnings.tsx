/** A plan's review and re-evaluation warnings: colour and a mark for the eye, and the words for everyone. */
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../../src-main/contract';
import { useDateFormat } from '../../components/dates';

export function DueWarnings({ warnings }: { warnings: Plan['warnings'] }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  if (warnings.length === 0) return null;
  return (
    <ul className="due-warnings">
      {warnings.map((warning) => (
        <li key={warning.kind} className={`due-warning due-warning--${warning.severity}`}>
          <span aria-hidden="true" className="due-mark">
            {warning.severity === 'overdue' ? '!' : '◷'}
          </span>
          <strong>{t(`plans.due.${warning.severity}`)}</strong> {t(`plans.due.${warning.kind}`, { date: formatDate(warning.due) })}
        </li>
      ))}
    </ul>
  );
}
