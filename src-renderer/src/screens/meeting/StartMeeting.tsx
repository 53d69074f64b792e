/**
 * On the student page: start an IEP meeting in meeting mode (attendees, review start, language),
 * and after a meeting, its decisions with one "Apply" button each.
 */
import { useId, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Attendee } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { FormAlert } from '../../components/FormAlert';
import { Panel } from '../../components/Panel';
import { SelectField } from '../../components/SelectField';
import { useServiceError } from '../../components/service-error';
import { TextInputField } from '../../components/TextInputField';
import { MeetingHistory } from './MeetingHistory';
import { useMeetingSwitch } from './use-meeting-mode';

export function StartMeeting({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Panel
      title={t('meeting.start.title')}
      intro={t('meeting.start.intro')}
      actions={
        open ? null : (
          <Button className="button button--primary" onPress={() => setOpen(true)}>
            {t('meeting.start.open')}
          </Button>
        )
      }
    >
      {open ? <StartForm studentId={studentId} onCancel={() => setOpen(false)} /> : null}
      <MeetingHistory studentId={studentId} />
    </Panel>
  );
}

function StartForm({ studentId, onCancel }: { studentId: string; onCancel: () => void }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const alertId = useId();
  const [attendees, setAttendees] = useState<Attendee[]>([{ name: '', relation: '' }]);
  const [from, setFrom] = useState('');
  const [language, setLanguage] = useState('en');
  const switchMode = useMeetingSwitch();
  const start = useApiMutation('meetings.start', { onSuccess: () => void switchMode() });
  const update = (index: number, patch: Partial<Attendee>) =>
    setAttendees((list) => list.map((attendee, at) => (at === index ? { ...attendee, ...patch } : attendee)));

  return (
    <Form
      className="stack meeting-start"
      aria-describedby={alertId}
      onSubmit={(event) => {
        event.preventDefault();
        start.mutate({ studentId, language, attendees, ...(from ? { from } : {}) });
      }}
    >
      <fieldset className="stack">
        <legend>{t('meeting.start.attendeesLegend')}</legend>
        {attendees.map((attendee, index) => (
          // Rows are only added at the end and removed by position: the index is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <div className="meeting-attendee" key={index}>
            <TextInputField
              label={t('meeting.start.attendeeName', { number: index + 1 })}
              value={attendee.name}
              onChange={(name) => update(index, { name })}
              isRequired
            />
            <TextInputField
              label={t('meeting.start.attendeeRelation', { number: index + 1 })}
              description={t('meeting.start.relationHint')}
              value={attendee.relation}
              onChange={(relation) => update(index, { relation })}
              isRequired
            />
            {attendees.length > 1 ? (
              <Button className="button button--secondary" onPress={() => setAttendees((list) => list.filter((_, at) => at !== index))}>
                {t('meeting.start.removeAttendee', { number: index + 1 })}
              </Button>
            ) : null}
          </div>
        ))}
        <Button className="button button--secondary" onPress={() => setAttendees((list) => [...list, { name: '', relation: '' }])}>
          {t('meeting.start.addAttendee')}
        </Button>
      </fieldset>
      <TextInputField
        label={t('meeting.start.from')}
        description={t('meeting.start.fromHint')}
        type="date"
        value={from}
        onChange={setFrom}
      />
      <SelectField
        label={t('meeting.start.language')}
        value={language}
        onChange={setLanguage}
        options={[
          { value: 'en', label: 'English' },
          { value: 'es', label: 'Español' },
        ]}
      />
      <FormAlert id={alertId}>{start.isError ? describe(start.error) : null}</FormAlert>
      <div className="actions">
        <Button type="submit" className="button button--primary" isDisabled={start.isPending}>
          {start.isPending ? t('meeting.start.starting') : t('meeting.start.submit')}
        </Button>
        <Button className="button button--secondary" onPress={onCancel}>
          {t('meeting.start.cancel')}
        </Button>
      </div>
    </Form>
  );
}
