/** The disclosure record, for every student or for one (what a parent may ask to inspect). */
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api-client/react';
import { FormAlert } from '../../components/FormAlert';
import { useServiceError } from '../../components/service-error';
import { DisclosureTable } from './DisclosureTable';

export function DisclosureList({ studentId }: { studentId: string | null }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const list = useApiQuery('reports.disclosures', studentId ? { studentId, limit: 500 } : { limit: 500 });
  if (list.isPending) return <p role="status">{t('reportsScreen.disclosures.loading')}</p>;
  if (list.isError) return <FormAlert id="disclosures-alert">{describe(list.error)}</FormAlert>;
  if (list.data.length === 0) {
    return <p>{t(studentId ? 'reportsScreen.disclosures.noneForStudent' : 'reportsScreen.disclosures.none')}</p>;
  }
  return <DisclosureTable rows={list.data} showSubject={studentId === null} />;
}
