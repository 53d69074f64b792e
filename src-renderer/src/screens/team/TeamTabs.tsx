/** The two pages of the team section, as links (each page has its own address). */
import { useTranslation } from 'react-i18next';
import { routeHref } from '../../app/hash-route';
import { IfCan } from '../../components/permissions';

export function TeamTabs({ current }: { current: 'staff' | 'audit' }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('team.tabs.label')} className="tabs">
      <ul>
        <li>
          <a href={routeHref('team')} aria-current={current === 'staff' ? 'page' : undefined}>
            {t('team.tabs.staff')}
          </a>
        </li>
        <IfCan action="audit.read">
          <li>
            <a href={routeHref('team', 'audit')} aria-current={current === 'audit' ? 'page' : undefined}>
              {t('team.tabs.audit')}
            </a>
          </li>
        </IfCan>
      </ul>
    </nav>
  );
}
