/** Placeholder until this screen is built. */
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading';

export function WeekPage(_props: { studentId: string }) {
  const { t } = useTranslation();
  return (
    <div className="page stack">
      <PageHeading>{t('week.title')}</PageHeading>
    </div>
  );
}
