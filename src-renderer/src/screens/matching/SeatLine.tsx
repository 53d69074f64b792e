/** The seat in words: "Peer tutor for Ana Ruiz in Math 7" — whose accommodation, which role, which class. */
import { useTranslation } from 'react-i18next';
import type { OpenSeat } from '../../../../src-main/contract';
import { routeHref } from '../../app/hash-route';

export function SeatLine({ seat }: { seat: Pick<OpenSeat, 'role' | 'settingClass' | 'studentId' | 'studentName'> }) {
  const { t } = useTranslation();
  return (
    <p className="match-seat">
      {t('matching.seat.label')} {t('matching.seat.what', { role: t(`assignments.roles.${seat.role}`), setting: seat.settingClass })}{' '}
      <a href={routeHref('students', seat.studentId)}>{seat.studentName}</a>
    </p>
  );
}
