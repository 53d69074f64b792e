/**
 * A mentor's time off (exams, a hard stretch at home, burnout): while it lasts they cannot be
 * assigned. Listed newest first, with a short form to add one.
 */
import { useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Mentor } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { DateInputField } from '../../components/DateInputField';
import { todayIso, useDateFormat } from '../../components/dates';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { Panel } from '../../components/Panel';
import { SubmitButton } from '../../components/SubmitButton';
import { useServiceError } from '../../components/service-error';
import { useRefreshMentorData } from './mentor-cache';

export function TimeOffPanel({ mentor }: { mentor: Mentor }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const today = todayIso();
  const periods = [...mentor.timeOff].sort((a, b) => b.startDate.localeCompare(a.startDate));
  return (
    <Panel title={t('mentors.timeOff.title')} intro={t('mentors.timeOff.intro')}>
      {periods.length === 0 ? (
        <p>{t('mentors.timeOff.none')}</p>
      ) : (
        <ul className="record-list">
          {periods.map((off) => (
            <li key={off.id} className="record">
              <p>
                {t('mentors.timeOff.range', { start: formatDate(off.startDate), end: formatDate(off.endDate) })}{' '}
                {off.startDate <= today && today <= off.endDate ? <span className="tag tag--warn">{t('mentors.timeOff.now')}</span> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      <AddTimeOffForm mentorId={mentor.id} />
    </Panel>
  );
}

function AddTimeOffForm({ mentorId }: { mentorId: string }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const refresh = useRefreshMentorData();
  const titleId = useId();
  const alertId = useId();
  const [startDate, setStartDate] = useState(todayIso);
  const [endDate, setEndDate] = useState('');
  const add = useApiMutation('mentors.addTimeOff', {
    onSuccess: async () => {
      await refresh();
      setEndDate('');
    },
  });

  return (
    <Form
      className="stack subform"
      aria-labelledby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        if (!add.isPending) add.mutate({ id: mentorId, timeOff: { startDate, endDate } });
      }}
    >
      <h3 id={titleId} className="subform-title">
        {t('mentors.timeOff.addTitle')}
      </h3>
      <div className="form-row">
        <DateInputField
          label={t('mentors.timeOff.start')}
          name="time-off-start"
          isRequired
          value={startDate}
          onChange={(value) => {
            setStartDate(value);
            add.reset();
          }}
        />
        <DateInputField
          label={t('mentors.timeOff.end')}
          name="time-off-end"
          isRequired
          min={startDate || undefined}
          value={endDate}
          onChange={(value) => {
            setEndDate(value);
            add.reset();
          }}
          customError={endDate !== '' && endDate < startDate ? t('mentors.timeOff.endBeforeStart') : null}
          aria-describedby={add.isError ? alertId : undefined}
        />
      </div>
      <FormAlert id={alertId}>{add.isError ? describe(add.error) : null}</FormAlert>
      <div className="actions">
        <SubmitButton pending={add.isPending}>{t('mentors.timeOff.add')}</SubmitButton>
        <FormStatus>{add.isSuccess ? t('mentors.timeOff.added') : null}</FormStatus>
      </div>
    </Form>
  );
}
