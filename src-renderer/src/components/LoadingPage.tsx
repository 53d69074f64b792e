/** A page whose record is still on its way, or could not be read (e.g. a link to a record since removed). */
import { useTranslation } from 'react-i18next';
import { PageHeading } from './PageHeading';
import { useServiceError } from './service-error';

export function LoadingPage({
  title,
  error,
  backHref,
  backLabel,
}: {
  title: string;
  error: unknown;
  backHref?: string;
  backLabel?: string;
}) {
  const { t } = useTranslation();
  const describe = useServiceError();
  return (
    <div className="page stack">
      <PageHeading>{title}</PageHeading>
      {error ? (
        <p className="form-alert" role="alert">
          {describe(error)}
        </p>
      ) : (
        <p role="status">{t('app.working')}</p>
      )}
      {backHref && backLabel ? <a href={backHref}>{backLabel}</a> : null}
    </div>
  );
}
