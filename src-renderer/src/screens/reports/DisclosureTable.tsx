/**
 * The record of saved reports as a table: when, who saved it, what, about whom, to whom, why, and
 * the dates it covered. A parent report is a disclosure to its recipient; the others are internal use.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Disclosure } from '../../../../src-main/contract';
import { useApiQuery } from '../../api-client/react';
import { useDateFormat } from '../../components/dates';
import { mentorName } from '../mentors/mentor-names';
import { displayName } from '../students/student-name';
import { isReportLanguage } from './report-request';

export function DisclosureTable({ rows, showSubject }: { rows: readonly Disclosure[]; showSubject: boolean }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const date = useDateFormat();
  // A moment, in the reader's own time zone; the dates covered are calendar days (UTC, never shifted).
  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });
  const days = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
  return (
    <div className="table-wrap">
      <table className="data-table disclosure-table" aria-labelledby={captionId}>
        <caption id={captionId} className="visually-hidden">
          {t('reportsScreen.disclosures.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('reportsScreen.disclosures.when')}</th>
            <th scope="col">{t('reportsScreen.disclosures.who')}</th>
            <th scope="col">{t('reportsScreen.disclosures.what')}</th>
            {showSubject ? <th scope="col">{t('reportsScreen.disclosures.about')}</th> : null}
            <th scope="col">{t('reportsScreen.disclosures.toWhom')}</th>
            <th scope="col">{t('reportsScreen.disclosures.why')}</th>
            <th scope="col">{t('reportsScreen.disclosures.covers')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <time dateTime={row.at}>
                  {day.format(new Date(row.at))}
                  <span className="cell-note">{time.format(new Date(row.at))}</span>
                </time>
              </td>
              <td>{row.actorName ?? t('reportsScreen.disclosures.recoveryKey')}</td>
              <th scope="row">
                {t(`reportsScreen.disclosures.kinds.${row.report}`, {
                  language: row.language && isReportLanguage(row.language) ? t(`reportsScreen.languages.${row.language}`) : row.language,
                })}
                {typeof row.namesReplaced === 'number' ? (
                  <span className="cell-note">
                    {t('reportsScreen.disclosures.namesReviewed', {
                      replaced: row.namesReplaced,
                      kept: row.namesKept ?? 0,
                      added: row.namesAdded ?? 0,
                    })}
                  </span>
                ) : null}
              </th>
              {showSubject ? (
                <td>
                  <SubjectName subject={row.subject} id={row.subjectId} />
                </td>
              ) : null}
              <td>{row.use === 'disclosure' ? row.recipient : t('reportsScreen.disclosures.internal')}</td>
              <td>{row.purpose ?? '—'}</td>
              <td>
                {row.from && row.to ? days.formatRange(utc(row.from), utc(row.to)) : '—'}
                <span className="cell-note">{t('reportsScreen.disclosures.preparedOn', { date: date(row.preparedOn) })}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The student's or mentor's name, read from their record (cached); a purged record says so. */
function SubjectName({ subject, id }: { subject: 'student' | 'mentor'; id: string }) {
  const { t } = useTranslation();
  const student = useApiQuery('students.get', { id }, { enabled: subject === 'student', retry: false, staleTime: 60_000 });
  const mentor = useApiQuery('mentors.get', { id }, { enabled: subject === 'mentor', retry: false, staleTime: 60_000 });
  const record = subject === 'student' ? student : mentor;
  if (record.isError) return <>{t('reportsScreen.disclosures.removedRecord')}</>;
  if (subject === 'student' && student.data) return <>{displayName(student.data)}</>;
  if (subject === 'mentor' && mentor.data) return <>{mentorName(mentor.data)}</>;
  return <>…</>;
}
