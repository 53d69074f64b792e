/** One page of audit events as a table: when, who, what, which kind of record, which fields. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../../src-main/contract';
import { useAuditLabels } from './audit-labels';

export function AuditTable({ events }: { events: readonly AuditEvent[] }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const labels = useAuditLabels();
  // A moment, not a calendar day: shown in the reader's own time zone.
  const moment = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="table-wrap">
      <table className="data-table" aria-labelledby={captionId}>
        <caption id={captionId} className="visually-hidden">
          {t('audit.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.when')}</th>
            <th scope="col">{t('audit.who')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.kind')}</th>
            <th scope="col">{t('audit.fields')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td>
                <time dateTime={event.at}>{moment.format(new Date(event.at))}</time>
              </td>
              <td>{event.actorName ?? t('audit.nobody')}</td>
              <th scope="row">{labels.action(event.action)}</th>
              <td>{labels.kind(event.entity)}</td>
              <td className="field-names">{event.fields.length > 0 ? event.fields.join(', ') : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
