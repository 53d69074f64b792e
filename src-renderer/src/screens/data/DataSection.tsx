/** The import and export section (`#/data`): roster import from CSV, and the full JSON export. */
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading';
import { IfCan } from '../../components/permissions';
import { JsonExportPanel } from './JsonExportPanel';
import { RosterImport } from './RosterImport';

export function DataSection(_props: { params: string[] }) {
  const { t } = useTranslation();
  return (
    <div className="page stack">
      <PageHeading>{t('nav.data')}</PageHeading>
      <IfCan action="students.manage">
        <RosterImport />
      </IfCan>
      <IfCan action="records.export">
        <JsonExportPanel />
      </IfCan>
    </div>
  );
}
