/**
 * The audit trail: every change, newest first — who, when, what was done to which kind of record,
 * and which fields (names only, never what they held). Filters by record kind and action, pages
 * back in time, and checks the hash chain on request.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api-client/react';
import { FormAlert } from '../../components/FormAlert';
import { PageHeading } from '../../components/PageHeading';
import { Panel } from '../../components/Panel';
import { SelectField } from '../../components/SelectField';
import { useServiceError } from '../../components/service-error';
import { AuditTable } from './AuditTable';
import { AuditVerifier } from './AuditVerifier';
import { type AuditAction, actionsOfKind, RECORD_KINDS, type RecordKind, useAuditLabels } from './audit-labels';
import { TeamTabs } from './TeamTabs';

const PAGE_SIZE = 50;

export function AuditTrailPage() {
  const { t } = useTranslation();
  const describe = useServiceError();
  const labels = useAuditLabels();
  const [kind, setKind] = useState<RecordKind | null>(null);
  const [action, setAction] = useState<AuditAction | null>(null);
  // The id each page starts below: [] is the newest page; "Older" pushes, "Newer" pops.
  const [pageStarts, setPageStarts] = useState<number[]>([]);
  const beforeId = pageStarts.at(-1);
  const events = useApiQuery(
    'audit.list',
    { entity: kind ?? undefined, action: action ?? undefined, beforeId, limit: PAGE_SIZE + 1 },
    { placeholderData: keepPreviousData },
  );
  // One more than a page is asked for: if it comes, there is an older page.
  const rows = (events.data ?? []).slice(0, PAGE_SIZE);
  const hasOlder = (events.data?.length ?? 0) > PAGE_SIZE;
  const actions = actionsOfKind(kind);

  return (
    <div className="page stack">
      <PageHeading>{t('team.title')}</PageHeading>
      <TeamTabs current="audit" />
      <AuditVerifier />
      <Panel title={t('audit.title')} intro={t('audit.intro')}>
        <search aria-label={t('audit.filtersLabel')} className="filters">
          <SelectField
            label={t('audit.kindFilter')}
            name="audit-kind"
            emptyOption={t('audit.anyKind')}
            value={kind ?? ''}
            options={RECORD_KINDS.map((value) => ({ value, label: labels.kind(value) }))}
            onChange={(value) => {
              const next = RECORD_KINDS.find((known) => known === value) ?? null;
              setKind(next);
              if (action && !actionsOfKind(next).includes(action)) setAction(null);
              setPageStarts([]);
            }}
          />
          <SelectField
            label={t('audit.actionFilter')}
            name="audit-action"
            emptyOption={t('audit.anyAction')}
            value={action ?? ''}
            options={actions.map((value) => ({ value, label: labels.action(value) }))}
            onChange={(value) => {
              setAction(actions.find((known) => known === value) ?? null);
              setPageStarts([]);
            }}
          />
        </search>
        <FormAlert id="audit-list-alert">{events.isError ? describe(events.error) : null}</FormAlert>
        <p role="status" className="result-count">
          {events.data
            ? rows.length === 0
              ? t('audit.none')
              : t('audit.showing', { count: rows.length, page: pageStarts.length + 1 })
            : t('app.working')}
        </p>
        {rows.length > 0 ? <AuditTable events={rows} /> : null}
        <nav className="actions" aria-label={t('audit.pagesLabel')}>
          <Button
            className="button button--secondary"
            isDisabled={pageStarts.length === 0}
            onPress={() => setPageStarts((starts) => starts.slice(0, -1))}
          >
            {t('audit.newer')}
          </Button>
          <Button
            className="button button--secondary"
            isDisabled={!hasOlder}
            onPress={() => {
              const last = rows.at(-1);
              if (last) setPageStarts((starts) => [...starts, last.id]);
            }}
          >
            {t('audit.older')}
          </Button>
        </nav>
      </Panel>
    </div>
  );
}
