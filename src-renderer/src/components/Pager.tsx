/** A server-paged list's position ("1–50 of 5,000") and its previous / next page buttons. */
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export interface PagerProps {
  offset: number;
  limit: number;
  total: number;
  /** The label of the navigation landmark, e.g. "Pages of students". */
  label: string;
  onOffsetChange: (offset: number) => void;
}

export function Pager({ offset, limit, total, label, onOffsetChange }: PagerProps) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const hasPrevious = offset > 0;
  const hasNext = offset + limit < total;
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="pager" aria-label={label}>
      <Button className="button button--secondary" isDisabled={!hasPrevious} onPress={() => onOffsetChange(Math.max(0, offset - limit))}>
        {t('pager.previous')}
      </Button>
      <p className="pager-page">
        {t('pager.page', { page: number.format(Math.floor(offset / limit) + 1), pages: number.format(Math.ceil(total / limit)) })}
      </p>
      <Button className="button button--secondary" isDisabled={!hasNext} onPress={() => onOffsetChange(offset + limit)}>
        {t('pager.next')}
      </Button>
    </nav>
  );
}

/** "1–50 of 5,000": which rows of the whole list are on screen (at least one is). */
export function useRangeText(): (offset: number, shown: number, total: number) => string {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (offset, shown, total) =>
    t('pager.range', { from: number.format(offset + 1), to: number.format(offset + shown), total: number.format(total) });
}
