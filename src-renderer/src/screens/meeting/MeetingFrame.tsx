/**
 * The whole window while meeting mode is on: the meeting's header (language, leave) and the
 * presenter — nothing else of the app is mounted, and the services refuse everything else anyway.
 * The parent's language is switched here on demand: the screen's own strings through a clone of
 * the i18next instance in that language, the plan's words from the services in the same language.
 */
import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Meeting } from '../../../../src-main/contract';
import { useApiQuery } from '../../api-client/react';
import { FormAlert } from '../../components/FormAlert';
import { useServiceError } from '../../components/service-error';
import { LeaveMeeting } from './LeaveMeeting';
import { Presenter } from './Presenter';

const LANGUAGES = [
  { value: 'en', label: 'English' },
  { value: 'es', label: 'Español' },
] as const;

export function MeetingFrame({ meeting, locked }: { meeting: Meeting; locked: boolean }) {
  const { i18n } = useTranslation();
  const [language, setLanguage] = useState(meeting.language);
  const shown = useMemo(() => i18n.cloneInstance({ lng: language }), [i18n, language]);
  return (
    <I18nextProvider i18n={shown}>
      <MeetingScreen meeting={meeting} locked={locked} language={language} onLanguage={setLanguage} />
    </I18nextProvider>
  );
}

function MeetingScreen({
  meeting,
  locked,
  language,
  onLanguage,
}: {
  meeting: Meeting;
  locked: boolean;
  language: string;
  onLanguage: (language: string) => void;
}) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const [leaving, setLeaving] = useState(false);
  const view = useApiQuery('meetings.presenter', { language }, { enabled: !locked, placeholderData: (previous) => previous });
  return (
    <div className="meeting" lang={language} inert={locked}>
      <header className="meeting-header">
        <p className="meeting-badge">{t('meeting.frame.badge')}</p>
        <p className="meeting-student">{view.data?.studentName ?? ''}</p>
        <fieldset className="meeting-language">
          <legend className="visually-hidden">{t('meeting.frame.languageLabel')}</legend>
          {LANGUAGES.map((option) => (
            <Button
              key={option.value}
              className="button button--secondary"
              aria-pressed={language === option.value}
              onPress={() => onLanguage(option.value)}
            >
              <span lang={option.value}>{option.label}</span>
            </Button>
          ))}
        </fieldset>
        <Button className="button button--secondary" onPress={() => setLeaving(true)}>
          {t('meeting.frame.leave')}
        </Button>
      </header>
      <main id="main" className="meeting-main" tabIndex={-1}>
        {view.data ? (
          <Presenter view={view.data} meetingDate={meeting.meetingDate} />
        ) : view.isError ? (
          <FormAlert id="meeting-alert">{describe(view.error)}</FormAlert>
        ) : (
          <p role="status">{t('meeting.frame.loading')}</p>
        )}
      </main>
      {leaving ? <LeaveMeeting onCancel={() => setLeaving(false)} /> : null}
    </div>
  );
}
