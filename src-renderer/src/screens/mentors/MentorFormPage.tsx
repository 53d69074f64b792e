/**
 * Adding a mentor (`#/mentors/new`) or editing one (`#/mentors/<id>/edit`). Every check runs on Save
 * and all problems show at once beside their fields; a refused save keeps everything typed and says
 * why next to the Save button.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mentor } from '../../../../src-main/contract';
import { useApiMutation, useApiQuery } from '../../api-client/react';
import { navigate, routeHref } from '../../app/hash-route';
import { DateInputField } from '../../components/DateInputField';
import { FormAlert } from '../../components/FormAlert';
import { LoadingPage } from '../../components/LoadingPage';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { SlotGrid } from '../../components/SlotGrid';
import { SubmitButton } from '../../components/SubmitButton';
import { SubmitForm } from '../../components/SubmitForm';
import { useServiceError } from '../../components/service-error';
import { TextInputField } from '../../components/TextInputField';
import { GRADES, useGradeLabel } from './grades';
import { useRefreshMentorData } from './mentor-cache';
import {
  type MentorFormErrors,
  type MentorFormValues,
  newMentorValues,
  toMentorChanges,
  toMentorInput,
  validateMentorValues,
  valuesFromMentor,
} from './mentor-form-state';
import { mentorName } from './mentor-names';
import { TrainingFields } from './TrainingFields';

const LOAD_CAPS = [1, 2, 3, 4, 5, 6];

export function MentorFormPage({ mentorId }: { mentorId?: string }) {
  const { t } = useTranslation();
  const mentor = useApiQuery('mentors.get', { id: mentorId ?? '' }, { enabled: mentorId !== undefined });
  const mentors = useApiQuery('mentors.list', {}, { enabled: mentorId === undefined });
  if (mentorId !== undefined) {
    if (!mentor.data) return <LoadingPage title={t('mentors.form.editTitleLoading')} error={mentor.error} />;
    return <MentorForm key={mentor.data.id} original={mentor.data} defaultSchool="" />;
  }
  if (!mentors.data && !mentors.error) return <LoadingPage title={t('mentors.form.newTitle')} error={null} />;
  return <MentorForm defaultSchool={commonestSchool(mentors.data ?? [])} />;
}

/** A new mentor most likely goes to the school most mentors are at (a vault usually serves one school). */
function commonestSchool(mentors: readonly Mentor[]): string {
  const counts = new Map<string, number>();
  for (const mentor of mentors) counts.set(mentor.school, (counts.get(mentor.school) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

function MentorForm({ original, defaultSchool }: { original?: Mentor; defaultSchool: string }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const gradeLabel = useGradeLabel();
  const refresh = useRefreshMentorData();
  const alertId = useId();
  const [values, setValues] = useState<MentorFormValues>(() => (original ? valuesFromMentor(original) : newMentorValues(defaultSchool)));
  // Checked on every edit; the form shows a field's message once a Save has found it, then live.
  const errors: MentorFormErrors = validateMentorValues(values, original);
  const saved = async (mentor: Mentor) => {
    await refresh();
    navigate('mentors', mentor.id);
  };
  const create = useApiMutation('mentors.create', { onSuccess: saved });
  const update = useApiMutation('mentors.update', { onSuccess: saved });
  const save = original ? update : create;

  const set =
    <K extends keyof MentorFormValues>(field: K) =>
    (value: MentorFormValues[K]) =>
      setValues((now) => ({ ...now, [field]: value }));
  const errorText = (field: string) => {
    const error = errors[field];
    return error ? t(`mentors.form.errors.${error}`) : null;
  };
  const text = (field: 'localId' | 'firstName' | 'lastName' | 'preferredName' | 'school') => (
    <TextInputField
      label={t(`mentors.form.${field}`)}
      name={field}
      // Autofill would keep students' names in the browser profile, outside the encrypted vault.
      autoComplete="off"
      isRequired={field !== 'preferredName'}
      value={values[field]}
      onChange={set(field)}
      validate={() => errorText(field)}
      // The service's refusals of a mentor record are nearly always about the student number.
      aria-describedby={field === 'localId' && save.isError ? alertId : undefined}
    />
  );

  return (
    <div className="page stack">
      <PageHeading>{original ? t('mentors.form.editTitle', { name: mentorName(original) }) : t('mentors.form.newTitle')}</PageHeading>
      <p>{t('mentors.form.intro')}</p>
      <SubmitForm
        className="stack"
        onSubmit={(requestId) => {
          if (original) return update.mutateAsync({ id: original.id, changes: toMentorChanges(values, original) });
          return create.mutateAsync({ ...toMentorInput(values), requestId });
        }}
      >
        <fieldset className="panel stack">
          <legend className="panel-legend">{t('mentors.form.aboutTitle')}</legend>
          <div className="form-row">
            {text('firstName')}
            {text('lastName')}
          </div>
          <div className="form-row">
            {text('preferredName')}
            {text('localId')}
          </div>
          <div className="form-row">
            <SelectField
              label={t('mentors.form.grade')}
              name="grade"
              emptyOption={t('mentors.form.gradePlaceholder')}
              isRequired
              value={values.grade}
              options={GRADES.map((grade) => ({ value: String(grade), label: gradeLabel(grade) }))}
              onChange={set('grade')}
              customError={errorText('grade')}
            />
            {text('school')}
          </div>
        </fieldset>

        <fieldset className="panel stack">
          <legend className="panel-legend">{t('mentors.form.consentTitle')}</legend>
          <p>{t('mentors.form.consentIntro')}</p>
          <div className="form-row">
            {(['consentGivenOn', 'guardianConsentGivenOn'] as const).map((field) => (
              <DateInputField
                key={field}
                label={t(`mentors.form.${field}`)}
                name={field}
                value={values[field]}
                onChange={set(field)}
                customError={errorText(field)}
              />
            ))}
          </div>
        </fieldset>

        <fieldset className="panel stack">
          <legend className="panel-legend">{t('mentors.training.title')}</legend>
          <p>{t('mentors.form.trainingIntro')}</p>
          <TrainingFields
            value={values.training}
            onChange={(module, record) => setValues((now) => ({ ...now, training: { ...now.training, [module]: record } }))}
            errorText={errorText}
          />
        </fieldset>

        <fieldset className="panel stack">
          <legend className="panel-legend">{t('mentors.form.scheduleTitle')}</legend>
          <SlotGrid
            legend={t('mentors.availability.legend')}
            description={t('mentors.availability.keys')}
            value={values.availability}
            onChange={set('availability')}
          />
          <div className="form-row">
            <SelectField
              label={t('mentors.form.loadCap')}
              name="loadCap"
              value={values.loadCap}
              options={LOAD_CAPS.map((cap) => ({ value: String(cap), label: t('mentors.form.loadCapOption', { count: cap }) }))}
              onChange={set('loadCap')}
              description={t('mentors.form.loadCapHelp')}
            />
            <TextInputField
              label={t('mentors.form.interests')}
              name="interests"
              value={values.interests}
              onChange={set('interests')}
              description={t('mentors.form.interestsHelp')}
              validate={() => errorText('interests')}
            />
          </div>
        </fieldset>

        <FormAlert id={alertId}>{save.isError ? describe(save.error) : null}</FormAlert>
        <div className="actions">
          <SubmitButton pending={save.isPending}>{original ? t('mentors.form.saveChanges') : t('mentors.form.create')}</SubmitButton>
          <a className="button button--secondary" href={original ? routeHref('mentors', original.id) : routeHref('mentors')}>
            {t('app.cancel')}
          </a>
        </div>
      </SubmitForm>
    </div>
  );
}
