/**
 * The student form. Everything typed stays in this form's state until a save succeeds, so a refusal
 * (a student number already in use, a lock) loses nothing; the service's reason is shown above the
 * button and the field it concerns points at it.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api-client/react';
import { navigate, routeHref } from '../../app/hash-route';
import { DateInputField } from '../../components/DateInputField';
import { todayIso } from '../../components/dates';
import { FormAlert } from '../../components/FormAlert';
import { SelectField } from '../../components/SelectField';
import { SubmitButton } from '../../components/SubmitButton';
import { SubmitForm } from '../../components/SubmitForm';
import { errorCode, useServiceError } from '../../components/service-error';
import { TextInputField } from '../../components/TextInputField';
import { GuardianFields } from './GuardianFields';
import { useGradeOptions } from './grades';
import { type StudentDraft, studentInput } from './student-draft';
import { useStaff } from './use-staff';

export function StudentForm({ studentId, initial }: { studentId?: string; initial: StudentDraft }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const client = useQueryClient();
  const staff = useStaff();
  const gradeOptions = useGradeOptions();
  const alertId = useId();
  const [draft, setDraft] = useState(initial);
  const set = (change: Partial<StudentDraft>) => setDraft((current) => ({ ...current, ...change }));
  const saved = async (id: string) => {
    await client.invalidateQueries({ queryKey: ['students.list'] });
    await client.invalidateQueries({ queryKey: ['students.get', { id }] });
    navigate('students', id);
  };
  const create = useApiMutation('students.create', { onSuccess: (student) => saved(student.id) });
  const update = useApiMutation('students.update', { onSuccess: (student) => saved(student.id) });
  const save = studentId ? update : create;
  // The service refuses a student number in use with `conflict`: that is the field to look at.
  const numberTaken = errorCode(save.error) === 'conflict';

  return (
    <SubmitForm
      className="stack form"
      aria-label={t('students.form.label')}
      onSubmit={(requestId) => {
        if (studentId) return update.mutateAsync({ id: studentId, changes: studentInput(draft) });
        return create.mutateAsync({ ...studentInput(draft), requestId });
      }}
    >
      <p className="muted">{t('students.form.required')}</p>
      <fieldset className="form-section stack">
        <legend className="form-section-title">{t('students.form.student')}</legend>
        <div className="field-grid">
          <TextInputField
            label={t('students.fields.firstName')}
            autoComplete="off"
            isRequired
            value={draft.firstName}
            onChange={(firstName) => set({ firstName })}
          />
          <TextInputField
            label={t('students.fields.lastName')}
            autoComplete="off"
            isRequired
            value={draft.lastName}
            onChange={(lastName) => set({ lastName })}
          />
          <TextInputField
            label={t('students.form.optional', { label: t('students.fields.preferredName') })}
            autoComplete="off"
            value={draft.preferredName}
            onChange={(preferredName) => set({ preferredName })}
            description={t('students.form.preferredNameHint')}
          />
          <TextInputField
            label={t('students.fields.localId')}
            autoComplete="off"
            isRequired
            maxLength={40}
            value={draft.localId}
            onChange={(localId) => {
              set({ localId });
              // A server refusal marks the field invalid, which would block the next submit until cleared.
              if (numberTaken) save.reset();
            }}
            isInvalid={numberTaken || undefined}
            aria-describedby={numberTaken ? alertId : undefined}
          />
          <SelectField
            label={t('students.fields.grade')}
            emptyOption={t('students.form.chooseGrade')}
            isRequired
            options={gradeOptions}
            value={draft.grade}
            onChange={(grade) => set({ grade })}
          />
          <TextInputField
            label={t('students.fields.school')}
            autoComplete="off"
            isRequired
            value={draft.school}
            onChange={(school) => set({ school })}
          />
          <DateInputField
            label={t('students.form.optional', { label: t('students.fields.dateOfBirth') })}
            max={todayIso()}
            value={draft.dateOfBirth}
            onChange={(dateOfBirth) => set({ dateOfBirth })}
            customError={studentId && initial.dateOfBirth && !draft.dateOfBirth ? t('students.form.cannotClearDate') : null}
          />
          <SelectField
            label={t('students.form.optional', { label: t('students.fields.caseManager') })}
            emptyOption={t('students.form.noCaseManager')}
            options={staff.options}
            value={draft.caseManagerId}
            onChange={(caseManagerId) => set({ caseManagerId })}
            customError={studentId && initial.caseManagerId && !draft.caseManagerId ? t('students.form.cannotClearCaseManager') : null}
          />
        </div>
      </fieldset>
      <GuardianFields guardians={draft.guardians} onChange={(guardians) => set({ guardians })} />
      <FormAlert id={alertId}>{save.isError ? describe(save.error) : null}</FormAlert>
      <div className="actions">
        <SubmitButton pending={save.isPending}>{studentId ? t('students.form.save') : t('students.form.add')}</SubmitButton>
        <a className="button button--quiet" href={studentId ? routeHref('students', studentId) : routeHref('students')}>
          {t('app.cancel')}
        </a>
      </div>
    </SubmitForm>
  );
}
