/** Every version of a plan, oldest first; earlier ones open read-only. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../../src-main/contract';
import { routeHref } from '../../app/hash-route';

export function PlanVersions({ detail, studentId }: { detail: PlanDetail; studentId: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  if (detail.versions.length < 2) return null;
  const versions = [...detail.versions].sort((a, b) => a.version - b.version);
  return (
    <nav className="panel stack" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel-title">
        {t('plans.versions.title')}
      </h2>
      <ol className="version-list">
        {versions.map((version) => {
          const label = t('plans.versions.item', { version: version.version, status: t(`plans.status.${version.status}`) });
          return (
            <li key={version.id}>
              {version.id === detail.plan.id ? (
                <span aria-current="page" className="version-current">
                  {label} {t('plans.versions.thisOne')}
                </span>
              ) : (
                <a href={routeHref('students', studentId, 'plans', version.id)}>{label}</a>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
