/**
 * One check-in on a timeline: date and support, who was there, the four ratings as words ("Belonging
 * 2 of 5") with a five-box bar that shows the same by filled and empty boxes (never by colour), and
 * the notes. Actions (edit, delete) come from the timeline that owns them.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckIn } from '../../../../src-main/contract';
import { useApiQuery } from '../../api-client/react';
import { useDateFormat } from '../../components/dates';
import { useStaff } from '../students/use-staff';
import { RATING_VALUES, RATINGS, useSupportName } from './checkin-labels';

export interface CheckInEntryProps {
  checkIn: CheckIn;
  /** On the student's timeline; the mentor's own page does not repeat their name. */
  showMentor: boolean;
  note?: string;
  actions?: ReactNode;
}

export function CheckInEntry({ checkIn, showMentor, note, actions }: CheckInEntryProps) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const supportName = useSupportName();
  const staff = useStaff();
  const mentor = useMentorName(showMentor ? checkIn : null);
  const conductedBy = staff.nameOf(checkIn.conductedBy);
  const people = [
    mentor ? t('checkIns.entry.withMentor', { name: mentor }) : null,
    conductedBy ? t('checkIns.entry.by', { name: conductedBy }) : null,
  ];
  const rated = RATINGS.filter((name) => checkIn[name] !== null);
  const notes = [
    ['checkIns.form.working', checkIn.whatsWorking],
    ['checkIns.form.notWorking', checkIn.whatsNot],
    ['checkIns.form.nextSteps', checkIn.nextSteps],
  ] as const;
  return (
    <div className="checkin-entry stack">
      <div className="checkin-entry-header">
        <div>
          <p className="record-name">
            {formatDate(checkIn.date)} · {supportName(checkIn)}
          </p>
          {people.some(Boolean) ? <p className="record-meta">{people.filter(Boolean).join(' · ')}</p> : null}
          {note ? <p className="record-meta">{note}</p> : null}
        </div>
        {actions ? <div className="actions">{actions}</div> : null}
      </div>
      {rated.length > 0 ? (
        <ul className="checkin-ratings">
          {rated.map((name) => {
            const value = checkIn[name] ?? 0;
            return (
              <li key={name} className="checkin-rating">
                <span>{t('checkIns.ratings.value', { name: t(`checkIns.ratings.${name}.short`), value })}</span>
                <span className="rating-bar" aria-hidden="true">
                  {RATING_VALUES.map((box) => (
                    <span key={box} className={box <= value ? 'rating-box rating-box--filled' : 'rating-box'} />
                  ))}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
      {notes.some(([, text]) => text) ? (
        <dl className="checkin-notes">
          {notes.map(([label, text]) =>
            text ? (
              <div key={label} className="checkin-note">
                <dt>{t(label)}</dt>
                <dd>{text}</dd>
              </div>
            ) : null,
          )}
        </dl>
      ) : null}
    </div>
  );
}

/** The mentor's name from the support's assignments (a check-in's mentor was always assigned to it). */
function useMentorName(checkIn: Pick<CheckIn, 'accommodationId' | 'mentorId'> | null): string | null {
  const assignments = useApiQuery(
    'assignments.listForAccommodation',
    { accommodationId: checkIn?.accommodationId ?? '' },
    { enabled: Boolean(checkIn?.mentorId), staleTime: 60_000 },
  );
  return assignments.data?.find((assignment) => assignment.mentorId === checkIn?.mentorId)?.mentorName ?? null;
}
