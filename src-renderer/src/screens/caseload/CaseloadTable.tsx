/**
 * The caseload as a table: one row per student with their plan and review date, their goals' status,
 * fidelity and flags; sortable columns as buttons with aria-sort; each row opens below itself to
 * list the goals and the flags. Wrapped in a focusable scroll region so it stays usable at 200% zoom.
 */
import { Fragment, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CaseloadStudent, GoalStatus, HealthFlagView } from '../../../../src-main/contract';
import { routeHref } from '../../app/hash-route';
import { useDateFormat } from '../../components/dates';
import { useGradeLabel } from '../students/grades';
import type { Direction, SortKey } from './caseload-view';
import { StatusTag, StudentDetails } from './StudentDetails';

const STATUSES: readonly GoalStatus[] = ['at_risk', 'no_service', 'no_data', 'not_enough_data', 'unclear', 'on_track'];
const COUNT_OF: Record<GoalStatus, keyof CaseloadStudent['goalCounts']> = {
  at_risk: 'atRisk',
  no_service: 'noService',
  no_data: 'noData',
  not_enough_data: 'notEnoughData',
  unclear: 'unclear',
  on_track: 'onTrack',
};
const COLUMNS = 6;

export interface CaseloadTableProps {
  rows: readonly CaseloadStudent[];
  flags: ReadonlyMap<string, HealthFlagView>;
  sort: SortKey;
  direction: Direction;
  onSortChange: (sort: SortKey) => void;
}

export function CaseloadTable({ rows, flags, sort, direction, onSortChange }: CaseloadTableProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => {
    const next = new Set(open);
    if (!next.delete(id)) next.add(id);
    setOpen(next);
  };
  const header = (key: SortKey) => (
    <th scope="col" aria-sort={sort === key ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Button className="sort-button" onPress={() => onSortChange(key)}>
        {t(`caseload.table.columns.${key}`)}
        <span aria-hidden="true" className="sort-mark">
          {sort === key ? (direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </Button>
    </th>
  );

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it (WCAG 2.1.1).
    <section className="table-scroll" tabIndex={0} aria-label={t('caseload.table.region')}>
      <table className="data-table caseload-table">
        <caption className="visually-hidden">
          {t('caseload.table.caption', {
            column: t(`caseload.table.sortBy.${sort}`),
            direction: t(`caseload.table.directions.${direction}`),
          })}
        </caption>
        <thead>
          <tr>
            {header('name')}
            <th scope="col">{t('caseload.table.columns.grade')}</th>
            <th scope="col">{t('caseload.table.columns.plan')}</th>
            {header('status')}
            {header('fidelity')}
            {header('flags')}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const rowFlags = row.flagIds.flatMap((id) => flags.get(id) ?? []);
            const isOpen = open.has(row.id);
            const detailsId = `caseload-details-${row.id}`;
            return (
              <Fragment key={row.id}>
                <tr className={isOpen ? 'caseload-row caseload-row--open' : 'caseload-row'}>
                  <th scope="row">
                    <a href={routeHref('students', row.id)}>{row.name}</a>
                    <Button
                      className="button button--quiet caseload-toggle"
                      aria-expanded={isOpen}
                      aria-controls={isOpen ? detailsId : undefined}
                      onPress={() => toggle(row.id)}
                    >
                      <span aria-hidden="true" className="caseload-toggle-mark">
                        {isOpen ? '▾' : '▸'}
                      </span>
                      {t('caseload.table.details')}
                      <span className="visually-hidden"> {t('caseload.table.detailsFor', { name: row.name })}</span>
                    </Button>
                  </th>
                  <GradeCell grade={row.grade} />
                  <PlanCell row={row} />
                  <GoalsCell row={row} />
                  <FidelityCell row={row} />
                  <td>
                    {rowFlags.length === 0 ? (
                      <span className="muted">{t('caseload.table.noFlags')}</span>
                    ) : (
                      <span className={rowFlags.some((flag) => flag.severity === 'urgent') ? 'tag tag--danger' : 'tag tag--warn'}>
                        {t('caseload.table.flagCount', { count: rowFlags.length })}
                      </span>
                    )}
                  </td>
                </tr>
                {isOpen ? (
                  <tr id={detailsId} className="caseload-details-row">
                    <td colSpan={COLUMNS}>
                      <StudentDetails student={row} flags={rowFlags} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function GradeCell({ grade }: { grade: number }) {
  const gradeLabel = useGradeLabel();
  return <td className="nowrap">{gradeLabel(grade)}</td>;
}

function PlanCell({ row }: { row: CaseloadStudent }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  if (row.plans.length === 0) return <td className="muted">{t('caseload.table.noPlan')}</td>;
  return (
    <td>
      {row.plans.map((plan) => (
        <span key={plan.id} className="caseload-plan">
          {t('caseload.table.planReview', { type: t(`plans.types.${plan.type}`), date: formatDate(plan.annualReviewDue) })}
        </span>
      ))}
    </td>
  );
}

function GoalsCell({ row }: { row: CaseloadStudent }) {
  const { t } = useTranslation();
  if (row.goals.length === 0) return <td className="muted">{t('caseload.table.noGoals')}</td>;
  return (
    <td>
      <span className="caseload-counts">
        {STATUSES.filter((status) => row.goalCounts[COUNT_OF[status]] > 0).map((status) => (
          <StatusTag key={status} status={status}>
            {t(`caseload.counts.${status}`, { count: row.goalCounts[COUNT_OF[status]] })}
          </StatusTag>
        ))}
      </span>
    </td>
  );
}

function FidelityCell({ row }: { row: CaseloadStudent }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  if (row.fidelity.percent === null) return <td className="muted">{t('caseload.table.noFidelity')}</td>;
  return (
    <td>
      <strong>{t('caseload.table.fidelity', { percent: row.fidelity.percent })}</strong>
      <span className="caseload-fidelity-detail">
        {t('caseload.table.fidelityDetail', { held: row.fidelity.heldSessions, planned: number.format(row.fidelity.plannedSessions) })}
      </span>
    </td>
  );
}
