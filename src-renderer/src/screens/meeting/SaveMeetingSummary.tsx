/**
 * "Save the meeting summary" beside the meeting's decisions: the team's version or the family's (in
 * English or Spanish), then the system's save dialog, then `meetings.saveSummary`, which writes the
 * file there and records it. The confirmation says where it went and how it was recorded.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../../src-main/contract';
import { useApi } from '../../api-client/react';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { SelectField } from '../../components/SelectField';
import { useServiceError } from '../../components/service-error';
import { isReportLanguage, REPORT_LANGUAGES, type ReportLanguage } from '../reports/report-request';

type Version = 'team' | 'parent';

type SaveState =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'cancelled' }
  | { state: 'saved'; path: string; version: Version }
  | { state: 'failed'; error: unknown };

export function SaveMeetingSummary({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const api = useApi();
  const client = useQueryClient();
  const alertId = useId();
  const [version, setVersion] = useState<Version>('parent');
  const [language, setLanguage] = useState<ReportLanguage>(isReportLanguage(meeting.language) ? meeting.language : 'en');
  const [save, setSave] = useState<SaveState>({ state: 'idle' });

  async function saveSummary(): Promise<void> {
    setSave({ state: 'saving' });
    const request = { meetingId: meeting.id, version, language: version === 'parent' ? language : 'en' };
    try {
      // The suggested name is the summary's own (student number, name, version, date).
      const { fileName } = await api('meetings.summary', request);
      const { path } = await api('files.chooseSavePath', { title: t('meeting.save.dialogTitle'), suggestedName: fileName, filter: 'pdf' });
      if (path === null) {
        setSave({ state: 'cancelled' });
        return;
      }
      const saved = await api('meetings.saveSummary', { ...request, path });
      setSave({ state: 'saved', path: saved.path, version });
      await client.invalidateQueries({ queryKey: ['reports.disclosures'] });
    } catch (error) {
      setSave({ state: 'failed', error });
    }
  }

  const recipients = meeting.attendees.map((attendee) => `${attendee.name} (${attendee.relation})`).join('; ');
  const savedText =
    save.state === 'saved'
      ? save.version === 'parent'
        ? t('meeting.save.savedDisclosure', { path: save.path, recipients })
        : t('meeting.save.savedInternal', { path: save.path })
      : save.state === 'cancelled'
        ? t('meeting.save.cancelled')
        : null;

  return (
    <Form
      className="stack"
      aria-describedby={alertId}
      onSubmit={(event) => {
        event.preventDefault();
        if (save.state !== 'saving') void saveSummary();
      }}
    >
      <fieldset className="stack">
        <legend>{t('meeting.save.legend')}</legend>
        <SelectField
          label={t('meeting.save.version')}
          value={version}
          onChange={(value) => setVersion(value === 'team' ? 'team' : 'parent')}
          options={[
            { value: 'parent', label: t('meeting.save.parent') },
            { value: 'team', label: t('meeting.save.team') },
          ]}
        />
        {version === 'parent' ? (
          <SelectField
            label={t('meeting.save.language')}
            value={language}
            onChange={(value) => setLanguage(isReportLanguage(value) ? value : 'en')}
            options={REPORT_LANGUAGES.map((value) => ({ value, label: t(`reportsScreen.languages.${value}`) }))}
          />
        ) : null}
        <FormAlert id={alertId}>{save.state === 'failed' ? describe(save.error) : null}</FormAlert>
        <div className="actions">
          <Button type="submit" className="button button--secondary" data-busy={save.state === 'saving' || undefined}>
            {t('meeting.save.submit')}
          </Button>
          <span role="status" className="busy-text">
            {save.state === 'saving' ? t('meeting.save.saving') : null}
          </span>
        </div>
        <FormStatus>{savedText}</FormStatus>
      </fieldset>
    </Form>
  );
}
