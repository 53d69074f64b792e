/** One student's record: who they are, their guardians, their plans, and what can be done with the record. */
import { useTranslation } from 'react-i18next';
import type { Student } from '../../../../src-main/contract';
import { useApiQuery } from '../../api-client/react';
import { routeHref } from '../../app/hash-route';
import { FormAlert } from '../../components/FormAlert';
import { PageHeading } from '../../components/PageHeading';
import { IfCan, useCan } from '../../components/permissions';
import { errorCode, useServiceError } from '../../components/service-error';
import { CheckInTimeline } from '../checkins/CheckInTimeline';
import { MatchingProfilePanel } from '../matching/MatchingProfilePanel';
import { StartMeeting } from '../meeting/StartMeeting';
import { StudentReportsLink } from '../reports/StudentReportsLink';
import type { ListNotice } from './list-state';
import { StudentFacts } from './StudentFacts';
import { StudentPlans } from './StudentPlans';
import { StudentRecordActions } from './StudentRecordActions';
import { displayName } from './student-name';

export function StudentDetail({ studentId, onLeaveForList }: { studentId: string; onLeaveForList: (notice: ListNotice) => void }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const query = useApiQuery('students.get', { id: studentId });
  const student = query.data;
  const may = useCan();

  return (
    <div className="page stack">
      <a className="back-link" href={routeHref('students')}>
        {t('students.detail.backToList')}
      </a>
      <div className="page-header">
        <PageHeading>{student ? displayName(student) : t('students.detail.title')}</PageHeading>
        {student ? <StudentTags student={student} /> : null}
      </div>
      {query.isPending ? <p role="status">{t('students.detail.loading')}</p> : null}
      <FormAlert id="student-alert">
        {query.isError ? (errorCode(query.error) === 'not_found' ? t('students.detail.gone') : describe(query.error)) : null}
      </FormAlert>
      {student ? (
        <>
          {student.status === 'deidentified' ? null : (
            <div className="actions">
              {may('students.manage') ? (
                <a className="button button--secondary" href={routeHref('students', student.id, 'edit')}>
                  {t('students.detail.edit')}
                </a>
              ) : null}
              {student.status === 'active' ? (
                <>
                  {may('plans.manage') ? (
                    <a className="button button--secondary" href={routeHref('students', student.id, 'plans', 'new')}>
                      {t('plans.create.start')}
                    </a>
                  ) : null}
                  <a className="button button--secondary" href={routeHref('students', student.id, 'week')}>
                    {t('students.detail.week')}
                  </a>
                  <a className="button button--secondary" href={routeHref('students', student.id, 'observe')}>
                    {t('students.detail.observe')}
                  </a>
                  {may('reports.make') ? <StudentReportsLink studentId={student.id} /> : null}
                </>
              ) : null}
            </div>
          )}
          <StudentFacts student={student} />
          <StudentPlans studentId={student.id} />
          {student.status === 'deidentified' || !may('mentors.manage') ? null : (
            <MatchingProfilePanel kind="student" id={student.id} readOnly={student.status !== 'active'} />
          )}
          <CheckInTimeline studentId={student.id} />
          {student.status === 'active' ? (
            <IfCan action="meetings.run">
              <StartMeeting studentId={student.id} />
            </IfCan>
          ) : null}
          <StudentRecordActions student={student} onLeaveForList={onLeaveForList} />
        </>
      ) : null}
    </div>
  );
}

function StudentTags({ student }: { student: Student }) {
  const { t } = useTranslation();
  return (
    <p className="tags">
      {student.status !== 'active' ? <span className="tag">{t(`students.status.${student.status}`)}</span> : null}
      {student.noLongerNeeded ? <span className="tag tag--warn">{t('students.status.noLongerNeeded')}</span> : null}
    </p>
  );
}
