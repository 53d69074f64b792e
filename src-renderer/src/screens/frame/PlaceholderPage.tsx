/** Sections that arrive in later releases say so plainly; they never show made-up records. */
import { useTranslation } from 'react-i18next';

export function PlaceholderPage({ section }: { section: 'reports' }) {
  const { t } = useTranslation();
  return (
    <div className="page stack">
      <h1 tabIndex={-1} className="page-title">
        {t(`nav.${section}`)}
      </h1>
      <p className="lead">{t(`placeholder.${section}`)}</p>
      <p>{t('placeholder.nothingYet')}</p>
    </div>
  );
}
