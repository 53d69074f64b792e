/** Add a student (`#/students/new`) or edit one (`#/students/<id>/edit`). */
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api-client/react';
import { routeHref } from '../../app/hash-route';
import { FormAlert } from '../../components/FormAlert';
import { PageHeading } from '../../components/PageHeading';
import { useServiceError } from '../../components/service-error';
import { StudentForm } from './StudentForm';
import { draftFromStudent, emptyStudentDraft } from './student-draft';
import { displayName } from './student-name';

export function StudentFormPage({ studentId }: { studentId?: string }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const existing = useApiQuery('students.get', { id: studentId ?? '' }, { enabled: studentId !== undefined });
  const student = existing.data;
  const title = studentId
    ? student
      ? t('students.form.editTitle', { name: displayName(student) })
      : t('students.form.editTitleLoading')
    : t('students.form.addTitle');

  return (
    <div className="page stack">
      <a className="back-link" href={studentId ? routeHref('students', studentId) : routeHref('students')}>
        {studentId ? t('students.form.backToRecord') : t('students.detail.backToList')}
      </a>
      <PageHeading>{title}</PageHeading>
      <FormAlert id="student-form-load-alert">{existing.isError ? describe(existing.error) : null}</FormAlert>
      {studentId === undefined ? <StudentForm initial={emptyStudentDraft()} /> : null}
      {/* Keyed by the record's version: the form starts from what was saved, once it has loaded. */}
      {student ? <StudentForm key={student.updatedAt} studentId={student.id} initial={draftFromStudent(student)} /> : null}
    </div>
  );
}
