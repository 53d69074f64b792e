/**
 * The mentor page's record of what the mentor has done: service hours this school year and in all
 * (held sessions' minutes, by role), their latest sessions held or missed with "Show more", then
 * their check-ins: workload and confidence over time and the check-in timeline itself (read-only
 * here; check-ins are edited on the student's page).
 */
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { MentorActivity, ServiceHours } from '../../../../src-main/contract';
import { useApiQuery } from '../../api-client/react';
import { useDateFormat } from '../../components/dates';
import { Fact } from '../../components/Fact';
import { FormAlert } from '../../components/FormAlert';
import { Panel } from '../../components/Panel';
import { useServiceError } from '../../components/service-error';
import { CheckInEntry } from './CheckInEntry';
import { CheckInList } from './CheckInList';
import { useSupportName } from './checkin-labels';
import { RatingsChart } from './RatingsChart';

const PAGE = 10;

export function MentorActivityPanel({ mentorId }: { mentorId: string }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const [limit, setLimit] = useState(PAGE);
  // The list grows in place: keep showing the shorter one while the longer one loads.
  const activity = useApiQuery('mentors.activity', { mentorId, sessionsLimit: limit }, { placeholderData: (previous) => previous });
  const checkIns = useApiQuery('checkIns.listForMentor', { mentorId });
  const data = activity.data;
  return (
    <>
      <Panel title={t('mentorActivity.title')} intro={t('mentorActivity.intro')}>
        <FormAlert id={`mentor-activity-alert-${mentorId}`}>{activity.isError ? describe(activity.error) : null}</FormAlert>
        {activity.isPending ? <p role="status">{t('mentorActivity.loading')}</p> : null}
        {data ? (
          <>
            <dl className="facts service-hours">
              <HoursFact term={t('mentorActivity.schoolYear')} hours={data.hours.schoolYear} />
              <HoursFact term={t('mentorActivity.allTime')} hours={data.hours.allTime} />
            </dl>
            <MentorSessions activity={data} onShowMore={() => setLimit((current) => current + PAGE)} />
          </>
        ) : null}
      </Panel>
      <Panel title={t('mentorActivity.checkInsTitle')}>
        <FormAlert id={`mentor-check-ins-alert-${mentorId}`}>{checkIns.isError ? describe(checkIns.error) : null}</FormAlert>
        <h3 className="subform-title">{t('mentorActivity.ratingsTitle')}</h3>
        {data && data.ratings.length === 0 ? <p className="muted">{t('mentorActivity.ratingsNone')}</p> : null}
        {data && data.ratings.length > 0 ? <RatingsChart ratings={data.ratings} /> : null}
        <h3 className="subform-title">{t('mentorActivity.timelineTitle')}</h3>
        {checkIns.isPending ? <p role="status">{t('checkIns.loading')}</p> : null}
        {checkIns.data ? (
          <CheckInList
            checkIns={checkIns.data}
            emptyText={t('checkIns.noneForMentor')}
            renderEntry={(checkIn) => <CheckInEntry checkIn={checkIn} showMentor={false} />}
          />
        ) : null}
      </Panel>
    </>
  );
}

/** "12.5 hours", the minutes and sessions behind it, and how they split by role. */
function HoursFact({ term, hours }: { term: string; hours: ServiceHours }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  return (
    <Fact term={term}>
      <p className="service-hours-total">{t('mentorActivity.hours', { count: hours.hours })}</p>
      <p className="record-meta">
        {hours.from && hours.to
          ? `${t('mentorActivity.schoolYearRange', { from: formatDate(hours.from), to: formatDate(hours.to) })} · `
          : ''}
        {t('mentorActivity.minutes', { minutes: hours.minutes, count: hours.heldSessions })}
      </p>
      {hours.roles.length > 0 ? (
        <ul className="service-hours-roles record-meta">
          {hours.roles.map((role) => (
            <li key={role.role}>
              {t('mentorActivity.roleMinutes', { role: t(`accommodations.roles.${role.role}`), minutes: role.minutes })}
            </li>
          ))}
        </ul>
      ) : null}
    </Fact>
  );
}

function MentorSessions({ activity, onShowMore }: { activity: MentorActivity; onShowMore: () => void }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const supportName = useSupportName();
  const { sessions, sessionCounts } = activity;
  const total = sessionCounts.held + sessionCounts.missed;
  return (
    <>
      <h3 className="subform-title">{t('mentorActivity.sessionsTitle')}</h3>
      {total === 0 ? (
        <p className="muted">{t('mentorActivity.noSessions')}</p>
      ) : (
        <>
          <p>{t('mentorActivity.counts', sessionCounts)}</p>
          <ol className="record-list mentor-sessions" aria-label={t('mentorActivity.sessionsLabel')}>
            {sessions.map((session) => (
              <li key={session.id} className="record mentor-session">
                <span className="mentor-session-date">{formatDate(session.date)}</span>
                <span className="mentor-session-what">{supportName(session)}</span>
                <span className={session.status === 'held' ? 'tag tag--ok' : 'tag tag--warn'}>
                  {session.status === 'held'
                    ? t('mentorActivity.held', { minutes: session.minutes })
                    : t('mentorActivity.missed', { reason: t(`progress.sessions.reasons.${session.missReason ?? 'other'}`) })}
                </span>
              </li>
            ))}
          </ol>
          {total > sessions.length ? (
            <div className="actions">
              <Button className="button button--secondary" onPress={onShowMore}>
                {t('mentorActivity.showMore')}
              </Button>
              <p className="muted">{t('mentorActivity.shown', { shown: sessions.length, count: total })}</p>
            </div>
          ) : null}
        </>
      )}
    </>
  );
}
