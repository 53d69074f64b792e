/**
 * Choosing a mentor by hand for a seat. As soon as a mentor is picked, Peerpath checks the pair
 * (`matching.checkPair`): a hard rule broken is shown and blocks the choice; soft concerns are shown
 * and do not. Assigning goes through `matching.override`, which checks again.
 */
import { useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { OpenSeat } from '../../../../src-main/contract';
import { useApiMutation, useApiQuery } from '../../api-client/react';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { SelectField } from '../../components/SelectField';
import { SubmitButton } from '../../components/SubmitButton';
import { useServiceError } from '../../components/service-error';
import { useGradeLabel } from '../mentors/grades';
import { useRefreshMentorData } from '../mentors/mentor-cache';
import { mentorName } from '../mentors/mentor-names';
import { ReasonList } from './ReasonList';

export interface OverrideFormProps {
  seat: Pick<OpenSeat, 'accommodationId' | 'studentName' | 'settingClass'>;
  startDate: string;
  /** Rotation: the running assignment the chosen mentor takes over. */
  replacesAssignmentId?: string | null;
  /** The mentor already suggested for this seat, left out of the choices. */
  skipMentorId?: string;
  onDone: (mentorName: string) => void;
}

export function OverrideForm({ seat, startDate, replacesAssignmentId, skipMentorId, onDone }: OverrideFormProps) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const refresh = useRefreshMentorData();
  const gradeLabel = useGradeLabel();
  const titleId = useId();
  const verdictId = useId();
  const alertId = useId();
  const [mentorId, setMentorId] = useState('');
  const mentors = useApiQuery('mentors.list', { includeArchived: false });
  const candidates = (mentors.data ?? []).filter((mentor) => mentor.id !== skipMentorId);
  const chosen = candidates.find((mentor) => mentor.id === mentorId);
  const pair = { mentorId, accommodationId: seat.accommodationId, startDate, replacesAssignmentId: replacesAssignmentId ?? undefined };
  const check = useApiQuery('matching.checkPair', pair, { enabled: chosen !== undefined });
  const verdict = chosen ? check.data : undefined;
  const blocked = verdict !== undefined && !verdict.allowed;
  const override = useApiMutation('matching.override', {
    onSuccess: async () => {
      if (chosen) onDone(mentorName(chosen));
      await refresh();
    },
  });
  const names = { student: seat.studentName, setting: seat.settingClass };

  return (
    <Form
      className="stack subform"
      aria-labelledby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen && verdict?.allowed && !override.isPending) override.mutate(pair);
      }}
    >
      <h4 id={titleId} className="subform-title">
        {t('matching.override.title', names)}
      </h4>
      <SelectField
        label={t('matching.override.mentorLabel')}
        name="override-mentor"
        emptyOption={t('matching.override.mentorPlaceholder')}
        isRequired
        value={chosen ? mentorId : ''}
        options={candidates.map((mentor) => ({
          value: mentor.id,
          label: t('matching.override.mentorOption', { name: mentorName(mentor), grade: gradeLabel(mentor.grade) }),
        }))}
        onChange={(value) => {
          setMentorId(value);
          override.reset();
        }}
        customError={chosen ? null : t('matching.override.mentorRequired')}
        aria-describedby={verdict ? verdictId : undefined}
      />
      <div id={verdictId} className="stack">
        {chosen && verdict ? (
          blocked ? (
            <div className="match-verdict match-verdict--blocked" role="alert">
              <p>
                <strong>{t('matching.override.blocked', { name: mentorName(chosen) })}</strong>
              </p>
              <ul className="refusals">
                {verdict.exclusions.map((exclusion) => (
                  <li key={`${exclusion.rule}:${exclusion.message}`}>{exclusion.message}</li>
                ))}
              </ul>
            </div>
          ) : (
            <div className="match-verdict" role="status">
              <p>
                <strong>
                  {verdict.softConcerns.length > 0
                    ? t('matching.override.allowedWithConcerns', { name: mentorName(chosen), score: verdict.score })
                    : t('matching.override.allowed', { name: mentorName(chosen), score: verdict.score })}
                </strong>
              </p>
              {verdict.softConcerns.length > 0 ? (
                <ul className="match-concerns" aria-label={t('matching.override.concernsLabel')}>
                  {verdict.softConcerns.map((concern) => (
                    <li key={`${concern.kind}:${concern.message}`}>{concern.message}</li>
                  ))}
                </ul>
              ) : null}
              <details>
                <summary>{t('matching.override.showReasons')}</summary>
                <ReasonList reasons={verdict.reasons} label={t('matching.override.reasonsLabel', { name: mentorName(chosen) })} />
              </details>
            </div>
          )
        ) : null}
      </div>
      <FormAlert id={alertId}>
        {override.isError
          ? describe(override.error)
          : check.isError
            ? describe(check.error)
            : mentors.isError
              ? describe(mentors.error)
              : null}
      </FormAlert>
      <div className="actions">
        <SubmitButton pending={override.isPending} isDisabled={!chosen || !verdict?.allowed}>
          {chosen ? t('matching.override.submit', { name: mentorName(chosen) }) : t('matching.override.submitEmpty')}
        </SubmitButton>
        <FormStatus>{chosen && check.isFetching ? t('matching.override.checking') : null}</FormStatus>
      </div>
    </Form>
  );
}
