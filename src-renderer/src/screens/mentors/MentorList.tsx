/**
 * All peer mentors at a glance: search by name or student number, and for each one whether they
 * can be assigned today (both consents, training, load against their cap).
 */
import { keepPreviousData } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mentor } from '../../../../src-main/contract';
import { useApiQuery } from '../../api-client/react';
import { routeHref } from '../../app/hash-route';
import { todayIso } from '../../components/dates';
import { FormAlert } from '../../components/FormAlert';
import { PageHeading } from '../../components/PageHeading';
import { useServiceError } from '../../components/service-error';
import { TextInputField } from '../../components/TextInputField';
import { useGradeLabel } from './grades';
import { mentorName } from './mentor-names';
import { bothConsentsCurrent, trainingSummary } from './mentor-status';

export function MentorList() {
  const { t } = useTranslation();
  const describe = useServiceError();
  const captionId = useId();
  const [query, setQuery] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const mentors = useApiQuery(
    'mentors.list',
    { query: query.trim() || undefined, includeArchived },
    // Keep the last answer on screen while the next search runs, so the table does not flash empty.
    { placeholderData: keepPreviousData },
  );
  const rows = mentors.data ?? [];

  return (
    <div className="page stack">
      <div className="page-header">
        <PageHeading>{t('mentors.list.title')}</PageHeading>
        <div className="actions">
          <a className="button button--secondary" href={routeHref('mentors', 'matching')}>
            {t('matching.page.title')}
          </a>
          <a className="button button--primary" href={routeHref('mentors', 'new')}>
            {t('mentors.list.add')}
          </a>
        </div>
      </div>
      <p>{t('mentors.list.intro')}</p>
      <search className="filters">
        <TextInputField label={t('mentors.list.search')} name="mentor-search" type="search" value={query} onChange={setQuery} />
        <div className="checkbox-field">
          <input
            id={`${captionId}-archived`}
            type="checkbox"
            checked={includeArchived}
            onChange={(event) => setIncludeArchived(event.target.checked)}
          />
          <label htmlFor={`${captionId}-archived`}>{t('mentors.list.includeArchived')}</label>
        </div>
      </search>
      <FormAlert id={`${captionId}-alert`}>{mentors.isError ? describe(mentors.error) : null}</FormAlert>
      <p role="status" className="result-count">
        {mentors.data ? t('mentors.list.count', { count: rows.length }) : t('app.working')}
      </p>
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table" aria-labelledby={captionId}>
            <caption id={captionId} className="visually-hidden">
              {t('mentors.list.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('mentors.list.name')}</th>
                <th scope="col">{t('mentors.list.grade')}</th>
                <th scope="col">{t('mentors.list.consent')}</th>
                <th scope="col">{t('mentors.list.training')}</th>
                <th scope="col">{t('mentors.list.load')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((mentor) => (
                <MentorRow key={mentor.id} mentor={mentor} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

function MentorRow({ mentor }: { mentor: Mentor }) {
  const { t } = useTranslation();
  const gradeLabel = useGradeLabel();
  const today = todayIso();
  const training = trainingSummary(mentor, today);
  return (
    <tr>
      <th scope="row">
        <a href={routeHref('mentors', mentor.id)}>{mentorName(mentor)}</a>
        <span className="cell-note">
          {mentor.localId}
          {mentor.archived ? ` · ${t('mentors.archived')}` : ''}
        </span>
      </th>
      <td>{gradeLabel(mentor.grade)}</td>
      <td>
        {bothConsentsCurrent(mentor, today) ? (
          <span className="tag tag--ok">{t('mentors.list.consentCurrent')}</span>
        ) : (
          <span className="tag tag--warn">{t('mentors.list.consentMissing')}</span>
        )}
      </td>
      <td>
        {t('mentors.list.trainingCount', { current: training.current, total: 5 })}
        {training.expired > 0 ? <span className="tag tag--warn">{t('mentors.list.expiredCount', { count: training.expired })}</span> : null}
      </td>
      <td>{t('mentors.list.loadValue', { active: mentor.activeAssignments, cap: mentor.loadCap })}</td>
    </tr>
  );
}
