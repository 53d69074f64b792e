/**
 * All students: search as you type (name or student number), filters, sortable columns and server
 * paging, so a district's 5,000 records stay quick: only one page is ever fetched or drawn.
 */
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../src-main/contract';
import { useApiMutation, useApiQuery } from '../../api-client/react';
import { routeHref } from '../../app/hash-route';
import { ActionNotice } from '../../components/ActionNotice';
import { FormAlert } from '../../components/FormAlert';
import { PageHeading } from '../../components/PageHeading';
import { Pager, useRangeText } from '../../components/Pager';
import { useCan } from '../../components/permissions';
import { useServiceError } from '../../components/service-error';
import { hasFilters, INITIAL_LIST_STATE, type ListNotice, type ListState, PAGE_SIZE, withSort } from './list-state';
import { StudentFilters } from './StudentFilters';
import { StudentTable } from './StudentTable';
import { useDebouncedValue } from './use-debounced-value';

const SEARCH_SETTLE_MS = 250;

export interface StudentListProps {
  state: ListState;
  onStateChange: (state: ListState) => void;
  notice: ListNotice | null;
  onNoticeChange: (notice: ListNotice | null) => void;
}

export function StudentList({ state, onStateChange, notice, onNoticeChange }: StudentListProps) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const rangeText = useRangeText();
  const may = useCan();
  // Typed text (the search and the school) is asked for once typing settles, not on every key.
  const search = useDebouncedValue(state.search.trim(), SEARCH_SETTLE_MS);
  const school = useDebouncedValue(state.school.trim(), SEARCH_SETTLE_MS);
  const list = useApiQuery('students.list', listInput(state, search, school), { placeholderData: keepPreviousData });
  const schools = useSchoolsSeen(list.data?.rows);
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  const isEmpty = list.data !== undefined && rows.length === 0;

  return (
    <div className="page page--wide stack">
      <div className="page-header">
        <PageHeading>{t('students.list.title')}</PageHeading>
        {may('students.manage') ? (
          <a className="button button--primary" href={routeHref('students', 'new')}>
            {t('students.list.add')}
          </a>
        ) : null}
      </div>
      {notice ? <ListNoticeView notice={notice} onChange={onNoticeChange} /> : null}
      <StudentFilters state={state} schools={schools} onChange={onStateChange} />
      <div className="list-summary">
        {/* One live line says how much matched, or that nothing did, as the search is typed. */}
        <p role="status" className={isEmpty ? 'list-count empty-state' : 'list-count'}>
          {isEmpty
            ? hasFilters(state)
              ? t('students.list.noMatch')
              : t('students.list.empty')
            : list.data
              ? rangeText(state.offset, rows.length, total)
              : list.isPending
                ? t('students.list.loading')
                : null}
        </p>
        {hasFilters(state) ? (
          <Button className="button button--quiet" onPress={() => onStateChange(INITIAL_LIST_STATE)}>
            {t('students.list.clearFilters')}
          </Button>
        ) : null}
      </div>
      <FormAlert id="students-list-alert">{list.isError ? describe(list.error) : null}</FormAlert>
      {rows.length > 0 ? (
        <StudentTable
          rows={rows}
          sort={state.sort}
          direction={state.direction}
          isStale={list.isPlaceholderData}
          onSortChange={(sort) => onStateChange(withSort(state, sort))}
        />
      ) : null}
      <Pager
        label={t('students.list.pages')}
        offset={state.offset}
        limit={PAGE_SIZE}
        total={total}
        onOffsetChange={(offset) => onStateChange({ ...state, offset })}
      />
    </div>
  );
}

function listInput(state: ListState, search: string, school: string): InputOf<'students.list'> {
  return {
    query: search || undefined,
    caseManagerId: state.caseManagerId || undefined,
    school: school || undefined,
    grade: state.grade === '' ? undefined : Number(state.grade),
    planType: state.planType || undefined,
    status: state.status,
    sort: state.sort,
    direction: state.direction,
    limit: PAGE_SIZE,
    offset: state.offset,
  };
}

/**
 * Suggestions for the school filter: the schools seen in the pages shown so far. The contract has no
 * list of schools yet; the first page of a district nearly always holds every one of them.
 */
function useSchoolsSeen(rows: readonly { school: string }[] | undefined): string[] {
  const [schools, setSchools] = useState<string[]>([]);
  useEffect(() => {
    if (!rows?.some((row) => !schools.includes(row.school))) return;
    setSchools([...new Set([...schools, ...rows.map((row) => row.school)])].sort((a, b) => a.localeCompare(b)));
  }, [rows, schools]);
  return schools;
}

function ListNoticeView({ notice, onChange }: { notice: ListNotice; onChange: (notice: ListNotice | null) => void }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const client = useQueryClient();
  const restore = useApiMutation('students.restore', {
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['students.list'] });
      await client.invalidateQueries({ queryKey: ['students.get'] });
    },
  });
  if (notice.kind === 'purged') {
    const message = `${t('students.notices.purged', { name: notice.name })} ${t('students.notices.mentionsScrubbed', { count: notice.mentionsScrubbed })}`;
    return <ActionNotice message={message} onDismiss={() => onChange(null)} />;
  }
  if (restore.isSuccess) {
    // A new key: the notice that replaces the one with Undo takes focus again.
    return <ActionNotice key="restored" message={t('students.notices.restored', { name: notice.name })} onDismiss={() => onChange(null)} />;
  }
  return (
    <ActionNotice
      message={restore.isError ? describe(restore.error) : t('students.notices.archived', { name: notice.name })}
      isError={restore.isError}
      actionLabel={t('students.notices.undo')}
      isWorking={restore.isPending}
      onAction={() => restore.mutate({ id: notice.studentId })}
      onDismiss={() => onChange(null)}
    />
  );
}
