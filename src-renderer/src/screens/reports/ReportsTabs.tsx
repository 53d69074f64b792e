/** The three pages of the reports section, as links (each page has its own address). */
import { useTranslation } from 'react-i18next';
import { routeHref } from '../../app/hash-route';

export type ReportsTab = 'make' | 'batch' | 'disclosures';

export function ReportsTabs({ current }: { current: ReportsTab | null }) {
  const { t } = useTranslation();
  const tab = (name: ReportsTab, href: string) => (
    <li>
      <a href={href} aria-current={current === name ? 'page' : undefined}>
        {t(`reportsScreen.tabs.${name}`)}
      </a>
    </li>
  );
  return (
    <nav aria-label={t('reportsScreen.tabs.label')} className="tabs">
      <ul>
        {tab('make', routeHref('reports'))}
        {tab('batch', routeHref('reports', 'batch'))}
        {tab('disclosures', routeHref('reports', 'disclosures'))}
      </ul>
    </nav>
  );
}
