/** The facts of a student's record and their guardians, read-only. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Student } from '../../../../src-main/contract';
import { useDateFormat } from '../../components/dates';
import { Fact } from '../../components/Fact';
import { useGradeLabel } from './grades';
import { useLanguageName } from './languages';
import { useStaff } from './use-staff';

export function StudentFacts({ student }: { student: Student }) {
  const { t } = useTranslation();
  const gradeLabel = useGradeLabel();
  const formatDate = useDateFormat();
  const languageName = useLanguageName();
  const staff = useStaff();
  const detailsId = useId();
  const guardiansId = useId();
  const none = <span className="muted">{t('students.detail.notRecorded')}</span>;

  return (
    <>
      <section className="panel stack" aria-labelledby={detailsId}>
        <h2 id={detailsId} className="panel-title">
          {t('students.detail.details')}
        </h2>
        <dl className="facts">
          <Fact term={t('students.fields.legalName')}>{`${student.firstName} ${student.lastName}`}</Fact>
          <Fact term={t('students.fields.preferredName')}>{student.preferredName || none}</Fact>
          <Fact term={t('students.fields.localId')}>{student.localId}</Fact>
          <Fact term={t('students.fields.grade')}>{gradeLabel(student.grade)}</Fact>
          <Fact term={t('students.fields.school')}>{student.school}</Fact>
          <Fact term={t('students.fields.caseManager')}>{staff.nameOf(student.caseManagerId) ?? t('students.detail.noCaseManager')}</Fact>
          <Fact term={t('students.fields.dateOfBirth')}>{student.dateOfBirth ? formatDate(student.dateOfBirth) : none}</Fact>
        </dl>
      </section>
      <section className="panel stack" aria-labelledby={guardiansId}>
        <h2 id={guardiansId} className="panel-title">
          {t('students.guardians.title')}
        </h2>
        {student.guardians.length === 0 ? <p className="muted">{t('students.guardians.none')}</p> : null}
        <ul className="guardian-list">
          {student.guardians.map((guardian) => (
            <li key={guardian.id} className="guardian">
              <p className="guardian-name">
                {guardian.name} <span className="muted">({guardian.relationship})</span>
              </p>
              <dl className="facts facts--compact">
                <Fact term={t('students.guardians.phone')}>{guardian.phone || none}</Fact>
                <Fact term={t('students.guardians.email')}>{guardian.email || none}</Fact>
                <Fact term={t('students.guardians.language')}>{languageName(guardian.preferredLanguage)}</Fact>
              </dl>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
