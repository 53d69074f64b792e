/** A pair's reasons as the service words them, each with its share of the score ("+200"). */
import { useTranslation } from 'react-i18next';
import type { MatchReason } from '../../../../src-main/contract';

export function ReasonList({ reasons, label }: { reasons: readonly MatchReason[]; label: string }) {
  const { t } = useTranslation();
  return (
    <ul className="match-reasons" aria-label={label}>
      {reasons.map((reason) => (
        <li key={`${reason.kind}:${reason.text}`} className={reason.points > 0 ? 'match-reason match-reason--scored' : 'match-reason'}>
          <span>{reason.text}</span>
          {reason.kind === 'schedule' || reason.kind === 'training' ? (
            <span className="match-points">{t('matching.reasons.ruleMet')}</span>
          ) : (
            <span className="match-points">{t('matching.reasons.points', { count: reason.points })}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
