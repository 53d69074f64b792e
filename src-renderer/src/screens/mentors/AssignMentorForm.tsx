/**
 * Assigning a mentor to an accommodation. As the choice or the start date changes, Peerpath asks
 * the service whether the assignment would be allowed and shows every reason it would not, tied to
 * the mentor field, so the teacher sees why before pressing anything; Assign is off while refused.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mentor } from '../../../../src-main/contract';
import { isIsoDate } from '../../../../src-main/contract/calendar';
import { useApiMutation, useApiQuery } from '../../api-client/react';
import { DateInputField } from '../../components/DateInputField';
import { todayIso } from '../../components/dates';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { SelectField } from '../../components/SelectField';
import { SubmitButton } from '../../components/SubmitButton';
import { SubmitForm } from '../../components/SubmitForm';
import { useServiceError } from '../../components/service-error';
import { useGradeLabel } from './grades';
import { useRefreshMentorData } from './mentor-cache';
import { mentorName } from './mentor-names';

export function AssignMentorForm({ accommodationId, candidates }: { accommodationId: string; candidates: readonly Mentor[] }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const refresh = useRefreshMentorData();
  const gradeLabel = useGradeLabel();
  // "grade 8" reads well inside a sentence; pre-K, kindergarten and transition keep their own names.
  const gradeInline = (grade: number) => (grade >= 1 && grade <= 12 ? t('assignments.assign.gradeNumber', { grade }) : gradeLabel(grade));
  const titleId = useId();
  const verdictId = useId();
  const alertId = useId();
  const [mentorId, setMentorId] = useState('');
  const [startDate, setStartDate] = useState(todayIso);
  const [assignedName, setAssignedName] = useState<string | null>(null);
  const chosen = candidates.find((mentor) => mentor.id === mentorId);
  const check = useApiQuery(
    'assignments.check',
    { mentorId, accommodationId, startDate },
    { enabled: chosen !== undefined && isIsoDate(startDate) },
  );
  const refusals = chosen && check.data && !check.data.allowed ? check.data.refusals : [];
  const create = useApiMutation('assignments.create', {
    onSuccess: async () => {
      setAssignedName(chosen ? mentorName(chosen) : null);
      setMentorId('');
      await refresh();
    },
  });

  return (
    <SubmitForm
      className="stack subform"
      aria-labelledby={titleId}
      onSubmit={(requestId) => {
        if (chosen && refusals.length === 0) return create.mutateAsync({ mentorId, accommodationId, startDate, requestId });
      }}
    >
      <h5 id={titleId} className="subform-title">
        {t('assignments.assign.title')}
      </h5>
      <div className="form-row">
        <SelectField
          label={t('assignments.assign.mentorLabel')}
          name="mentor"
          emptyOption={t('assignments.assign.mentorPlaceholder')}
          isRequired
          value={chosen ? mentorId : ''}
          options={candidates.map((mentor) => ({
            value: mentor.id,
            label: t('assignments.assign.mentorOption', { name: mentorName(mentor), grade: gradeInline(mentor.grade) }),
          }))}
          onChange={(value) => {
            setMentorId(value);
            setAssignedName(null);
            create.reset();
          }}
          customError={chosen ? null : t('assignments.assign.mentorRequired')}
          aria-describedby={refusals.length > 0 ? verdictId : undefined}
        />
        <DateInputField
          label={t('assignments.assign.startLabel')}
          name="assignment-start"
          isRequired
          value={startDate}
          onChange={(value) => {
            setStartDate(value);
            create.reset();
          }}
        />
      </div>
      <FormAlert id={verdictId}>
        {refusals.length > 0 && chosen ? (
          <>
            <p>{t('assignments.assign.refused', { name: mentorName(chosen) })}</p>
            <ul className="refusals">
              {refusals.map((refusal) => (
                <li key={`${refusal.rule}:${refusal.message}`}>{refusal.message}</li>
              ))}
            </ul>
          </>
        ) : null}
      </FormAlert>
      <FormAlert id={alertId}>{create.isError ? describe(create.error) : check.isError ? describe(check.error) : null}</FormAlert>
      <div className="actions">
        <SubmitButton pending={create.isPending} isDisabled={refusals.length > 0}>
          {t('assignments.assign.submit')}
        </SubmitButton>
        <FormStatus>
          {assignedName
            ? t('assignments.assign.done', { name: assignedName })
            : chosen && check.data?.allowed
              ? t('assignments.assign.allowed', { name: mentorName(chosen) })
              : chosen && check.isFetching
                ? t('assignments.assign.checking')
                : null}
        </FormStatus>
      </div>
    </SubmitForm>
  );
}
