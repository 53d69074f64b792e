/** The student page's way into their reports and the record of reports saved about them. */
import { useTranslation } from 'react-i18next';
import { routeHref } from '../../app/hash-route';

export function StudentReportsLink({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  return (
    <a className="button button--secondary" href={routeHref('reports', 'student', studentId)}>
      {t('reportsScreen.studentLink')}
    </a>
  );
}
