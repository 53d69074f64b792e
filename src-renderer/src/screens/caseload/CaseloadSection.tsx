/** Placeholder until this screen is built. */
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading';

export function CaseloadSection(_props: { params: string[] }) {
  const { t } = useTranslation();
  return (
    <div className="page stack">
      <PageHeading>{t('caseload.title')}</PageHeading>
    </div>
  );
}
