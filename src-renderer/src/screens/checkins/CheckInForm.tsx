/**
 * The check-in form, to record a new one or edit one in place: which support (the only or first
 * running one to start with), the date (today), the mentor (the support's current mentors; the only
 * one to start with), what's working and what's not, the four ratings, next steps. Opens with the
 * focus on its first field; the service's refusals show in the form's alert.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Accommodation, CheckIn } from '../../../../src-main/contract';
import { useApiMutation, useApiQuery } from '../../api-client/react';
import { DateInputField } from '../../components/DateInputField';
import { todayIso, useDateFormat } from '../../components/dates';
import { FormAlert } from '../../components/FormAlert';
import { focusSoon } from '../../components/focus-soon';
import { SelectField } from '../../components/SelectField';
import { SubmitButton } from '../../components/SubmitButton';
import { SubmitForm } from '../../components/SubmitForm';
import { useServiceError } from '../../components/service-error';
import { TextAreaField } from '../../components/TextAreaField';
import { useRefreshCheckIns } from './checkin-cache';
import { type CheckInRatings, MENTOR_RATINGS, type RatingName, STUDENT_RATINGS, useSupportName } from './checkin-labels';
import { RatingField } from './RatingField';

export type CheckInFormMode = { kind: 'create'; supports: Accommodation[] } | { kind: 'edit'; checkIn: CheckIn };

export interface CheckInFormProps {
  mode: CheckInFormMode;
  onCancel: () => void;
  /** With the words to announce ("Check-in of Oct 1, 2026 saved."). */
  onSaved: (message: string, checkIn: CheckIn) => void;
}

const NO_RATINGS: CheckInRatings = { belonging: null, engagement: null, mentorWorkload: null, mentorConfidence: null };

export function CheckInForm({ mode, onCancel, onSaved }: CheckInFormProps) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const formatDate = useDateFormat();
  const supportName = useSupportName();
  const refresh = useRefreshCheckIns();
  const titleId = useId();
  const alertId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const editing = mode.kind === 'edit' ? mode.checkIn : null;
  const [supportId, setSupportId] = useState(editing?.accommodationId ?? (mode.kind === 'create' ? (mode.supports[0]?.id ?? '') : ''));
  const [date, setDate] = useState(editing?.date ?? todayIso());
  // null until a mentor is chosen: then the support's only current mentor is the default.
  const [mentorChoice, setMentorChoice] = useState<string | null>(editing ? (editing.mentorId ?? '') : null);
  const [whatsWorking, setWhatsWorking] = useState(editing?.whatsWorking ?? '');
  const [whatsNot, setWhatsNot] = useState(editing?.whatsNot ?? '');
  const [nextSteps, setNextSteps] = useState(editing?.nextSteps ?? '');
  const [ratings, setRatings] = useState<CheckInRatings>(editing ? pickRatings(editing) : NO_RATINGS);
  useEffect(() => focusSoon(() => formRef.current?.querySelector<HTMLElement>('select, input')), []);

  const assignments = useApiQuery('assignments.listForAccommodation', { accommodationId: supportId }, { enabled: supportId !== '' });
  // Current mentors, plus the one an older check-in names if they have moved on since.
  const mentors = (assignments.data ?? []).filter((row) => row.active || row.mentorId === editing?.mentorId);
  const mentorOptions = [...new Map(mentors.map((row) => [row.mentorId, { value: row.mentorId, label: row.mentorName }])).values()];
  const mentorId = mentorChoice ?? (mentorOptions.length === 1 ? (mentorOptions[0]?.value ?? '') : '');

  const settle = async (message: string, checkIn: CheckIn) => {
    await refresh();
    onSaved(message, checkIn);
  };
  const create = useApiMutation('checkIns.create', {
    onSuccess: (checkIn) => settle(t('checkIns.saved', { date: formatDate(checkIn.date) }), checkIn),
  });
  const update = useApiMutation('checkIns.update', {
    onSuccess: (checkIn) => settle(t('checkIns.updated', { date: formatDate(checkIn.date) }), checkIn),
  });
  const saving = create.isPending || update.isPending;
  const failure = create.error ?? update.error;

  function submit(requestId: string) {
    const text = { whatsWorking: whatsWorking.trim(), whatsNot: whatsNot.trim(), nextSteps: nextSteps.trim() };
    if (editing) {
      // Every field is sent: a blank note or "Not rated" clears what was there.
      return update.mutateAsync({
        id: editing.id,
        changes: {
          date,
          whatsWorking: text.whatsWorking || null,
          whatsNot: text.whatsNot || null,
          nextSteps: text.nextSteps || null,
          ...ratings,
          mentorId: mentorId || null,
        },
      });
    }
    const rated = Object.fromEntries(Object.entries(ratings).filter(([, value]) => value !== null));
    const written = Object.fromEntries(Object.entries(text).filter(([, value]) => value !== ''));
    return create.mutateAsync({ accommodationId: supportId, date, ...rated, ...written, ...(mentorId ? { mentorId } : {}), requestId });
  }

  const setRating = (name: RatingName) => (value: number | null) => setRatings((current) => ({ ...current, [name]: value }));
  return (
    <SubmitForm ref={formRef} className="stack checkin-form" aria-labelledby={titleId} onSubmit={submit}>
      <h3 id={titleId} className="subform-title">
        {editing ? t('checkIns.form.editTitle', { date: formatDate(editing.date) }) : t('checkIns.form.createTitle')}
      </h3>
      {editing ? <p className="record-name">{supportName(editing)}</p> : null}
      <div className="form-row">
        {mode.kind === 'create' ? (
          <SelectField
            label={t('checkIns.form.support')}
            description={t('checkIns.form.supportHelp')}
            value={supportId}
            options={mode.supports.map((support) => ({ value: support.id, label: supportName(support) }))}
            onChange={(next) => {
              setSupportId(next);
              setMentorChoice(null);
            }}
            isRequired
          />
        ) : null}
        <DateInputField
          label={t('checkIns.form.date')}
          value={date}
          onChange={setDate}
          max={todayIso()}
          isRequired
          aria-describedby={failure ? alertId : undefined}
        />
        <SelectField
          label={t('checkIns.form.mentor')}
          description={mentorOptions.length === 0 ? t('checkIns.form.noMentors') : t('checkIns.form.mentorHelp')}
          value={mentorId}
          emptyOption={t('checkIns.form.noMentor')}
          options={mentorOptions}
          onChange={setMentorChoice}
          aria-describedby={failure ? alertId : undefined}
        />
      </div>
      <TextAreaField label={t('checkIns.form.working')} value={whatsWorking} onChange={setWhatsWorking} />
      <TextAreaField label={t('checkIns.form.notWorking')} value={whatsNot} onChange={setWhatsNot} />
      <fieldset className="field-group rating-set">
        <legend className="field-group-legend">{t('checkIns.form.studentGroup')}</legend>
        {STUDENT_RATINGS.map((name) => (
          <RatingField key={name} name={name} value={ratings[name]} onChange={setRating(name)} />
        ))}
      </fieldset>
      <fieldset className="field-group rating-set">
        <legend className="field-group-legend">{t('checkIns.form.mentorGroup')}</legend>
        {MENTOR_RATINGS.map((name) => (
          <RatingField key={name} name={name} value={ratings[name]} onChange={setRating(name)} />
        ))}
      </fieldset>
      <TextAreaField label={t('checkIns.form.nextSteps')} value={nextSteps} onChange={setNextSteps} />
      <FormAlert id={alertId}>{failure ? describe(failure) : null}</FormAlert>
      <div className="actions">
        <SubmitButton pending={saving}>{editing ? t('checkIns.form.saveChanges') : t('checkIns.form.save')}</SubmitButton>
        <Button className="button button--quiet" onPress={onCancel}>
          {t('checkIns.form.cancel')}
        </Button>
      </div>
    </SubmitForm>
  );
}

function pickRatings(checkIn: CheckIn): CheckInRatings {
  return {
    belonging: checkIn.belonging,
    engagement: checkIn.engagement,
    mentorWorkload: checkIn.mentorWorkload,
    mentorConfidence: checkIn.mentorConfidence,
  };
}
