/** Recognition for a mentor's service: hours (for service credit), awards and letters; the total hours on top. */
import { useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Mentor, Recognition } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { DateInputField } from '../../components/DateInputField';
import { todayIso, useDateFormat } from '../../components/dates';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { Panel } from '../../components/Panel';
import { SelectField } from '../../components/SelectField';
import { SubmitButton } from '../../components/SubmitButton';
import { useServiceError } from '../../components/service-error';
import { TextInputField } from '../../components/TextInputField';
import { useRefreshMentorData } from './mentor-cache';

type Kind = Recognition['kind'];
const KINDS: readonly Kind[] = ['service_hours', 'award', 'letter'];

export function RecognitionPanel({ mentor }: { mentor: Mentor }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const entries = [...mentor.recognition].sort((a, b) => b.date.localeCompare(a.date));
  const hours = mentor.recognition.reduce((sum, entry) => sum + (entry.hours ?? 0), 0);
  return (
    <Panel title={t('mentors.recognition.title')} intro={t('mentors.recognition.totalHours', { count: hours })}>
      {entries.length === 0 ? (
        <p>{t('mentors.recognition.none')}</p>
      ) : (
        <ul className="record-list">
          {entries.map((entry) => (
            <li key={entry.id} className="record">
              <div>
                <p className="record-name">{entry.description}</p>
                <p className="record-meta">
                  {t(`mentors.recognition.kinds.${entry.kind}`)} · {formatDate(entry.date)}
                  {entry.hours !== undefined ? ` · ${t('mentors.recognition.hours', { count: entry.hours })}` : ''}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <AddRecognitionForm mentorId={mentor.id} />
    </Panel>
  );
}

function AddRecognitionForm({ mentorId }: { mentorId: string }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const refresh = useRefreshMentorData();
  const titleId = useId();
  const alertId = useId();
  const [kind, setKind] = useState<Kind>('service_hours');
  const [date, setDate] = useState(todayIso);
  const [hours, setHours] = useState('');
  const [description, setDescription] = useState('');
  const add = useApiMutation('mentors.addRecognition', {
    onSuccess: async () => {
      await refresh();
      setHours('');
      setDescription('');
    },
  });
  // A comma is how half the world writes a decimal point.
  const hoursValue = Number(hours.trim().replace(',', '.'));
  const hoursValid = hours.trim() !== '' && Number.isFinite(hoursValue) && hoursValue > 0 && hoursValue <= 1000;

  return (
    <Form
      className="stack subform"
      aria-labelledby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        if (add.isPending) return;
        const recognition = { kind, date, description: description.trim() };
        add.mutate({ id: mentorId, recognition: kind === 'service_hours' ? { ...recognition, hours: hoursValue } : recognition });
      }}
    >
      <h3 id={titleId} className="subform-title">
        {t('mentors.recognition.addTitle')}
      </h3>
      <div className="form-row">
        <SelectField
          label={t('mentors.recognition.kind')}
          name="recognition-kind"
          value={kind}
          options={KINDS.map((value) => ({ value, label: t(`mentors.recognition.kinds.${value}`) }))}
          onChange={(value) => setKind(KINDS.find((known) => known === value) ?? 'service_hours')}
        />
        <DateInputField label={t('mentors.recognition.date')} name="recognition-date" isRequired value={date} onChange={setDate} />
        {kind === 'service_hours' ? (
          <TextInputField
            label={t('mentors.recognition.hoursLabel')}
            name="recognition-hours"
            inputMode="decimal"
            isRequired
            value={hours}
            onChange={setHours}
            validate={() => (hoursValid ? null : t('mentors.recognition.hoursInvalid'))}
          />
        ) : null}
      </div>
      <TextInputField
        label={t('mentors.recognition.description')}
        name="recognition-description"
        isRequired
        value={description}
        onChange={setDescription}
        description={t('mentors.recognition.descriptionHelp')}
        validate={(value) => (value.trim() ? null : t('mentors.form.errors.required'))}
        aria-describedby={add.isError ? alertId : undefined}
      />
      <FormAlert id={alertId}>{add.isError ? describe(add.error) : null}</FormAlert>
      <div className="actions">
        <SubmitButton pending={add.isPending}>{t('mentors.recognition.add')}</SubmitButton>
        <FormStatus>{add.isSuccess ? t('mentors.recognition.added') : null}</FormStatus>
      </div>
    </Form>
  );
}
