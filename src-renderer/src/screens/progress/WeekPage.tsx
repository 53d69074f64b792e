/**
 * A student's week of sessions, Monday to Friday, one row per peer support: each scheduled day starts
 * as held with the usual minutes, mentors and goals, so a routine week is Tab to a field, Enter. Days
 * that went differently switch to missed (with a reason); a progress value can go with any goal. The
 * whole week is saved at once (all or nothing); logged sessions show in their cells with Edit and
 * Delete. Unsaved changes are kept while moving between weeks; only the week on screen is saved.
 */
import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { addDays, latestSchoolDay, mondayOf } from '../../../../src-main/contract/calendar';
import { useApiMutation, useApiQuery } from '../../api-client/react';
import { routeHref } from '../../app/hash-route';
import { todayIso, useDateFormat } from '../../components/dates';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { PageHeading } from '../../components/PageHeading';
import { SubmitButton } from '../../components/SubmitButton';
import { SubmitForm } from '../../components/SubmitForm';
import { useServiceError } from '../../components/service-error';
import { displayName } from '../students/student-name';
import { useRefreshProgress } from './progress-cache';
import { WeekGrid } from './WeekGrid';
import { entryKey, type WeekEntry, weekSessions } from './week-entries';

export function WeekPage({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const formatDate = useDateFormat();
  const refresh = useRefreshProgress();
  const alertId = useId();
  const weekTitleId = useId();
  const today = todayIso();
  const [weekStart, setWeekStart] = useState(() => mondayOf(latestSchoolDay(today)));
  const [entries, setEntries] = useState<Record<string, WeekEntry>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [nothingToSave, setNothingToSave] = useState(false);
  const student = useApiQuery('students.get', { id: studentId });
  const week = useApiQuery('sessions.week', { studentId, weekOf: weekStart });
  const save = useApiMutation('sessions.createMany', {
    onSuccess: async (saved, input) => {
      const done = new Set(input.sessions.map((session) => entryKey(session.accommodationId, session.date)));
      setEntries((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !done.has(key))));
      await refresh();
      setStatus(t('week.saved', { count: saved.length }));
    },
  });
  const toSave = week.data ? weekSessions(week.data, entries, today) : [];
  const name = student.data ? displayName(student.data) : '';

  function goTo(monday: string) {
    setWeekStart(monday);
    setStatus(null);
    setNothingToSave(false);
    save.reset();
  }

  function submit(requestId: string) {
    setStatus(null);
    setNothingToSave(toSave.length === 0);
    if (toSave.length > 0) return save.mutateAsync({ sessions: toSave, requestId });
  }

  return (
    <div className="page stack week-page">
      <a className="back-link" href={routeHref('students', studentId)}>
        {name ? t('week.back', { name }) : t('week.backToStudent')}
      </a>
      <PageHeading>{name ? t('week.titleNamed', { name }) : t('week.title')}</PageHeading>
      <p className="week-intro">{t('week.intro')}</p>
      <div className="week-nav">
        <h2 id={weekTitleId} className="panel-title" aria-live="polite">
          {t('week.weekOf', { date: formatDate(weekStart) })}
        </h2>
        <div className="actions">
          <Button className="button button--secondary" onPress={() => goTo(addDays(weekStart, -7))}>
            {t('week.previous')}
          </Button>
          <Button className="button button--secondary" onPress={() => goTo(mondayOf(latestSchoolDay(today)))}>
            {t('week.thisWeek')}
          </Button>
          <Button className="button button--secondary" onPress={() => goTo(addDays(weekStart, 7))}>
            {t('week.next')}
          </Button>
        </div>
      </div>
      {week.isPending ? <p role="status">{t('week.loading')}</p> : null}
      {week.error ? <p className="form-alert">{describe(week.error)}</p> : null}
      {week.data && week.data.accommodations.length === 0 ? <p>{t('week.noSupports')}</p> : null}
      {week.data && week.data.accommodations.length > 0 ? (
        <SubmitForm className="stack" onSubmit={submit} aria-labelledby={weekTitleId}>
          <WeekGrid
            week={week.data}
            studentId={studentId}
            entries={entries}
            today={today}
            describedBy={alertId}
            onEntryChange={(key, entry) => setEntries((current) => ({ ...current, [key]: entry }))}
          />
          <div className="actions">
            <SubmitButton pending={save.isPending}>{t('week.save')}</SubmitButton>
            <span className="muted">{t('week.toSave', { count: toSave.length })}</span>
          </div>
          <FormAlert id={alertId}>
            {save.isError ? describe(save.error) : nothingToSave && toSave.length === 0 ? t('week.nothingToSave') : null}
          </FormAlert>
          <FormStatus>{status}</FormStatus>
        </SubmitForm>
      ) : null}
    </div>
  );
}
