/**
 * The reports section; `params` are the route segments after `#/reports`: [] make a report (pick a
 * student), ['student', id] a student's reports and their disclosure record, ['batch'] team
 * summaries for many students (['batch', jobId] one batch's progress), ['disclosures'] the record.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api-client/react';
import { routeHref } from '../../app/hash-route';
import { PageHeading } from '../../components/PageHeading';
import { Panel } from '../../components/Panel';
import { displayName } from '../students/student-name';
import { BatchPage } from './BatchPage';
import { DisclosureList } from './DisclosureList';
import { ReportForm } from './ReportForm';
import { ReportsTabs } from './ReportsTabs';
import { type PickedStudent, StudentPicker } from './StudentPicker';

export function ReportsSection({ params }: { params: string[] }) {
  const [first, second] = params;
  if (first === 'student' && second) return <StudentReportsPage studentId={second} />;
  if (first === 'batch') return <BatchPage jobId={second ?? null} />;
  if (first === 'disclosures') return <DisclosuresPage />;
  return <MakeReportPage />;
}

function SectionHeader({ current }: { current: 'make' | 'batch' | 'disclosures' }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('reportsScreen.title')}</PageHeading>
      <p className="lead">{t('reportsScreen.intro')}</p>
      <ReportsTabs current={current} />
    </>
  );
}

function MakeReportPage() {
  const { t } = useTranslation();
  const [student, setStudent] = useState<PickedStudent | null>(null);
  return (
    <div className="page stack reports-page">
      <SectionHeader current="make" />
      <Panel title={t('reportsScreen.tabs.make')}>
        <StudentPicker value={student} onChange={setStudent} />
        {student ? <ReportForm key={student.id} studentId={student.id} /> : <p>{t('reportsScreen.make.chooseFirst')}</p>}
      </Panel>
    </div>
  );
}

function DisclosuresPage() {
  const { t } = useTranslation();
  const [student, setStudent] = useState<PickedStudent | null>(null);
  return (
    <div className="page stack reports-page">
      <SectionHeader current="disclosures" />
      <Panel title={t('reportsScreen.disclosures.title')} intro={t('reportsScreen.disclosures.intro')}>
        <StudentPicker value={student} onChange={setStudent} allowAll />
        <DisclosureList studentId={student?.id ?? null} />
      </Panel>
    </div>
  );
}

/** Reached from the student's page: make a report about them, and the record of those already saved. */
function StudentReportsPage({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const student = useApiQuery('students.get', { id: studentId });
  const name = student.data ? displayName(student.data) : '';
  return (
    <div className="page stack reports-page">
      <a className="back-link" href={routeHref('students', studentId)}>
        {t('reportsScreen.studentPage.back', { name: name || t('nav.students') })}
      </a>
      <PageHeading>{name ? t('reportsScreen.studentPage.title', { name }) : t('reportsScreen.title')}</PageHeading>
      <ReportsTabs current={null} />
      <Panel title={t('reportsScreen.tabs.make')}>
        <ReportForm studentId={studentId} />
      </Panel>
      <Panel title={name ? t('reportsScreen.disclosures.studentTitle', { name }) : t('reportsScreen.disclosures.title')}>
        <DisclosureList studentId={studentId} />
      </Panel>
    </div>
  );
}
