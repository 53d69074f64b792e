/**
 * A timeline of check-ins, newest first (the order the service gives), a page at a time with "Show
 * more", each drawn by the caller (read-only on the mentor's page, editable on the student's).
 */
import { type ReactNode, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CheckIn } from '../../../../src-main/contract';

const PAGE = 10;

export interface CheckInListProps {
  checkIns: readonly CheckIn[];
  emptyText: string;
  renderEntry: (checkIn: CheckIn) => ReactNode;
}

export function CheckInList({ checkIns, emptyText, renderEntry }: CheckInListProps) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(PAGE);
  if (checkIns.length === 0) return <p className="muted">{emptyText}</p>;
  const visible = checkIns.slice(0, shown);
  return (
    <>
      <ol className="record-list checkin-list" aria-label={t('checkIns.listLabel')}>
        {visible.map((checkIn) => (
          <li key={checkIn.id} className="checkin-item">
            {renderEntry(checkIn)}
          </li>
        ))}
      </ol>
      {checkIns.length > visible.length ? (
        <div className="actions">
          <Button className="button button--secondary" onPress={() => setShown((count) => count + PAGE)}>
            {t('checkIns.showMore')}
          </Button>
          <p className="muted">{t('checkIns.shown', { shown: visible.length, count: checkIns.length })}</p>
        </div>
      ) : null}
    </>
  );
}
