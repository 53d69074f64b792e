/**
 * One page of students as a plain table: real column headers, sortable ones as buttons with aria-sort,
 * the name a link to the record. Wrapped in a focusable scroll region so it stays usable at 200% zoom.
 */
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { StudentRow } from '../../../../src-main/contract';
import { routeHref } from '../../app/hash-route';
import { useGradeLabel } from './grades';
import type { SortKey } from './list-state';

export interface StudentTableProps {
  rows: readonly StudentRow[];
  sort: SortKey;
  direction: 'asc' | 'desc';
  /** The rows are the previous answer while a new one loads. */
  isStale: boolean;
  onSortChange: (sort: SortKey) => void;
}

export function StudentTable({ rows, sort, direction, isStale, onSortChange }: StudentTableProps) {
  const { t } = useTranslation();
  const gradeLabel = useGradeLabel();
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort === key ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Button className="sort-button" onPress={() => onSortChange(key)}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {sort === key ? (direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </Button>
    </th>
  );

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it (WCAG 2.1.1).
    <section className="table-scroll" tabIndex={0} aria-label={t('students.list.tableRegion')}>
      <table className="data-table" aria-busy={isStale || undefined}>
        <caption className="visually-hidden">
          {t('students.list.caption', { column: t(`students.columns.${sort}`), direction: t(`students.list.directions.${direction}`) })}
        </caption>
        <thead>
          <tr>
            {header('name', t('students.columns.name'))}
            {header('localId', t('students.columns.localId'))}
            {header('grade', t('students.columns.grade'))}
            {header('school', t('students.columns.school'))}
            <th scope="col">{t('students.columns.caseManager')}</th>
            <th scope="col">{t('students.columns.plans')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <a href={routeHref('students', row.id)}>{row.displayName}</a>
                <StatusTags row={row} />
              </th>
              <td className="nowrap">{row.localId}</td>
              <td className="nowrap">{gradeLabel(row.grade)}</td>
              <td>{row.school}</td>
              <td>{row.caseManagerName ?? <span className="muted">{t('students.detail.noCaseManager')}</span>}</td>
              <td>
                {row.planTypes.length ? (
                  row.planTypes.map((type) => t(`plans.types.${type}`)).join(', ')
                ) : (
                  <span className="muted">{t('students.list.noActivePlan')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function StatusTags({ row }: { row: StudentRow }) {
  const { t } = useTranslation();
  return (
    <>
      {row.status !== 'active' ? <span className="tag">{t(`students.status.${row.status}`)}</span> : null}
      {row.noLongerNeeded ? <span className="tag tag--warn">{t('students.status.noLongerNeeded')}</span> : null}
    </>
  );
}
