/**
 * My caseload (`#/caseload`): the acting case manager's students — or another case manager's, or
 * the whole program's — with their goals' status, the fidelity of their peer support and what to
 * act on, sortable and filterable; and below, the program-health list for the same students.
 */
import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CaseloadDashboard, CaseloadScope, ResolvedScope } from '../../../../src-main/contract';
import { useApiQuery } from '../../api-client/react';
import { useDateFormat } from '../../components/dates';
import { FormAlert } from '../../components/FormAlert';
import { PageHeading } from '../../components/PageHeading';
import { Pager } from '../../components/Pager';
import { useServiceError } from '../../components/service-error';
import { useStaff } from '../students/use-staff';
import { CaseloadFilters } from './CaseloadFilters';
import { CaseloadTable } from './CaseloadTable';
import { scopeOfParams, scopeValue } from './caseload-route';
import { hasFilters, INITIAL_VIEW, PAGE_SIZE, type ViewState, visibleRows, withSort } from './caseload-view';
import { HealthList } from './HealthList';
import { ScopePicker } from './ScopePicker';

export function CaseloadSection({ params }: { params: string[] }) {
  const scope = useMemo(() => scopeOfParams(params), [params]);
  // Another caseload starts from its first page with nothing filtered.
  return <CaseloadPage key={scopeValue(scope)} scope={scope} />;
}

function CaseloadPage({ scope }: { scope: CaseloadScope }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const [view, setView] = useState<ViewState>(INITIAL_VIEW);
  const dashboard = useApiQuery('caseload.dashboard', { scope });
  const data = dashboard.data;
  const heading = useHeading(data?.scope);

  return (
    <div className="page page--wide stack caseload-page">
      <PageHeading>{heading}</PageHeading>
      <ScopePicker scope={scope} actingStaffId={data?.scope.actingStaffId ?? null} caseManagerName={data?.scope.caseManagerName ?? null} />
      <FormAlert id="caseload-alert">{dashboard.isError ? describe(dashboard.error) : null}</FormAlert>
      {dashboard.isPending ? <p role="status">{t('caseload.loading')}</p> : null}
      {data ? <CaseloadBody data={data} view={view} onViewChange={setView} /> : null}
    </div>
  );
}

function useHeading(scope: ResolvedScope | undefined): string {
  const { t } = useTranslation();
  if (scope?.kind === 'program') return t('caseload.titleProgram');
  if (scope?.kind === 'case_manager' && !scope.isActingUser) return t('caseload.titleOf', { name: scope.caseManagerName ?? '' });
  return t('caseload.title');
}

interface BodyProps {
  data: CaseloadDashboard;
  view: ViewState;
  onViewChange: (view: ViewState) => void;
}

function CaseloadBody({ data, view, onViewChange }: BodyProps) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const flags = useMemo(() => new Map(data.flags.map((flag) => [flag.id, flag])), [data.flags]);
  const rows = useMemo(() => visibleRows(data.students, view), [data.students, view]);
  const page = rows.slice(view.offset, view.offset + PAGE_SIZE);
  if (data.students.length === 0) return <EmptyCaseload data={data} />;
  const atRisk = data.students.filter((row) => row.goalCounts.atRisk > 0).length;
  const flagged = data.students.filter((row) => row.flagIds.length > 0).length;

  return (
    <div className="stack">
      <p className="caseload-summary">
        {[
          t('caseload.summary.students', { count: data.students.length }),
          t('caseload.summary.atRisk', { count: atRisk }),
          t('caseload.summary.flagged', { count: flagged }),
        ].join(' · ')}
      </p>
      <p className="field-description">
        {t('caseload.fidelityWindow', { from: formatDate(data.fidelityWindow.from), to: formatDate(data.fidelityWindow.to) })}
      </p>
      <CaseloadFilters state={view} onChange={onViewChange} />
      <div className="list-summary">
        <p role="status" className={rows.length === 0 ? 'list-count empty-state' : 'list-count'}>
          {rows.length === 0
            ? t('caseload.filters.noMatch')
            : t('caseload.filters.shown', { shown: rows.length, total: data.students.length })}
        </p>
        {hasFilters(view) ? (
          <Button
            className="button button--quiet"
            onPress={() => onViewChange({ ...INITIAL_VIEW, sort: view.sort, direction: view.direction })}
          >
            {t('caseload.filters.clear')}
          </Button>
        ) : null}
      </div>
      {page.length > 0 ? (
        <CaseloadTable
          rows={page}
          flags={flags}
          sort={view.sort}
          direction={view.direction}
          onSortChange={(sort) => onViewChange(withSort(view, sort))}
        />
      ) : null}
      <Pager
        label={t('caseload.table.pages')}
        offset={view.offset}
        limit={PAGE_SIZE}
        total={rows.length}
        onOffsetChange={(offset) => onViewChange({ ...view, offset })}
      />
      <HealthList flags={data.flags} />
    </div>
  );
}

function EmptyCaseload({ data }: { data: CaseloadDashboard }) {
  const { t } = useTranslation();
  const staff = useStaff();
  const noCaseManagers = staff.query.data !== undefined && !staff.current.some((member) => member.role === 'case_manager');
  const text =
    data.scope.kind === 'no_staff_record'
      ? t('caseload.empty.noStaffRecord')
      : data.scope.kind === 'program'
        ? t('caseload.empty.program')
        : data.scope.isActingUser
          ? t('caseload.empty.mine')
          : t('caseload.empty.other', { name: data.scope.caseManagerName });
  return (
    <div className="stack">
      <p className="empty-state">{text}</p>
      {noCaseManagers && data.scope.kind !== 'program' ? <p className="empty-state">{t('caseload.empty.noCaseManagers')}</p> : null}
    </div>
  );
}
