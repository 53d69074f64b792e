/** Placeholder until this screen is built. */
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading';

export function ProgressReportPage(_props: { studentId: string; planId: string }) {
  const { t } = useTranslation();
  return (
    <div className="page stack">
      <PageHeading>{t('periods.title')}</PageHeading>
    </div>
  );
}
