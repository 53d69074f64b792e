/**
 * The school calendar, per school and per year: first and last day, breaks, reporting periods, and
 * an .ics import that only fills the form (a preview): the calendar is saved with one Save, so what
 * the file was misread as is seen and fixed first.
 */
import { useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CalendarImportPreview, SchoolCalendar } from '../../../../src-main/contract';
import { queryKey, useApiMutation, useApiQuery } from '../../api-client/react';
import { useIsReady } from '../../app/vault-status';
import { DateInputField } from '../../components/DateInputField';
import { todayIso } from '../../components/dates';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { SelectField } from '../../components/SelectField';
import { SubmitButton } from '../../components/SubmitButton';
import { useServiceError } from '../../components/service-error';
import { TextInputField } from '../../components/TextInputField';
import { SettingsSection } from './SettingsSection';

type Row<T> = T & { key: number };
interface Draft {
  firstDay: string;
  lastDay: string;
  breaks: Row<{ name: string; from: string; to: string }>[];
  periods: Row<{ label: string; startsOn: string; endsOn: string }>[];
}

/** The school year a date falls in: from July on, the year that starts then. */
function schoolYearOf(date: string): string {
  const year = Number(date.slice(0, 4)) - (Number(date.slice(5, 7)) < 7 ? 1 : 0);
  return `${year}-${year + 1}`;
}

function draftOf(
  calendar: Pick<SchoolCalendar, 'breaks' | 'reportingPeriods'> & { firstDay: string | null; lastDay: string | null },
): Draft {
  return {
    firstDay: calendar.firstDay ?? '',
    lastDay: calendar.lastDay ?? '',
    breaks: calendar.breaks.map((pause, key) => ({ key, ...pause })),
    periods: calendar.reportingPeriods.map((period, key) => ({ key, ...period })),
  };
}

const EMPTY: Draft = { firstDay: '', lastDay: '', breaks: [], periods: [] };
const nextKey = (rows: readonly { key: number }[]) => Math.max(-1, ...rows.map((row) => row.key)) + 1;

export function SchoolCalendarSection() {
  const { t } = useTranslation();
  const list = useApiQuery('calendar.list', {}, { enabled: useIsReady() });
  const [school, setSchool] = useState('');
  const [year, setYear] = useState(() => schoolYearOf(todayIso()));
  const schools = list.data?.schools ?? [];
  const chosen = school || schools[0] || '';
  const saved = list.data?.calendars.find((calendar) => calendar.school === chosen && calendar.year === year) ?? null;
  return (
    <SettingsSection title={t('calendar.title')} intro={t('calendar.intro')}>
      {!list.data ? (
        <p role="status">{t('app.working')}</p>
      ) : schools.length === 0 ? (
        <p>{t('calendar.noSchools')}</p>
      ) : (
        <>
          <div className="row-editor">
            <SelectField
              label={t('calendar.school')}
              value={chosen}
              options={schools.map((name) => ({ value: name, label: name }))}
              onChange={setSchool}
            />
            <TextInputField
              label={t('calendar.year')}
              description={t('calendar.yearHint')}
              autoComplete="off"
              maxLength={9}
              value={year}
              onChange={setYear}
            />
          </div>
          {/* A new form per school and year; not per save, so "Calendar saved." stays in view. */}
          <CalendarForm key={`${chosen}\n${year}`} school={chosen} year={year} saved={saved} />
        </>
      )}
    </SettingsSection>
  );
}

function CalendarForm({ school, year, saved }: { school: string; year: string; saved: SchoolCalendar | null }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const client = useQueryClient();
  const alertId = useId();
  const fileId = useId();
  const fileHelpId = useId();
  const [draft, setDraft] = useState<Draft>(() => (saved ? draftOf(saved) : EMPTY));
  const [preview, setPreview] = useState<CalendarImportPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: queryKey('calendar.list', {}) });
  const save = useApiMutation('calendar.save', { onSuccess: refresh });
  const remove = useApiMutation('calendar.remove', { onSuccess: refresh });
  const read = useApiMutation('calendar.importIcs', {
    onSuccess: (result) => {
      setPreview(result);
      setDraft(draftOf(result));
    },
  });
  const change = (next: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...next }));
    save.reset();
  };

  async function chooseFile(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const input = event.currentTarget;
    const file = input.files?.[0];
    setProblem(null);
    setPreview(null);
    if (!file) return;
    try {
      read.mutate({ school, year, icsText: await file.text() });
    } catch {
      setProblem(t('calendar.fileUnreadable'));
    } finally {
      // The same file can be read again after fixing it.
      input.value = '';
    }
  }

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (save.isPending) return;
    save.mutate({
      school,
      year: year.trim(),
      firstDay: draft.firstDay,
      lastDay: draft.lastDay,
      breaks: draft.breaks.map(({ key: _key, ...pause }) => ({ ...pause, name: pause.name.trim() })),
      reportingPeriods: draft.periods.map(({ key: _key, ...period }) => ({ ...period, label: period.label.trim() })),
    });
  }

  const failure =
    problem ?? (read.isError ? describe(read.error) : save.isError ? describe(save.error) : remove.isError ? describe(remove.error) : null);
  return (
    <Form className="stack" onSubmit={submit} aria-describedby={failure ? alertId : undefined}>
      <div className="field file-field">
        <label className="field-label" htmlFor={fileId}>
          {t('calendar.importIcs')}
        </label>
        <input
          id={fileId}
          type="file"
          accept=".ics,text/calendar"
          aria-describedby={fileHelpId}
          onChange={(event) => void chooseFile(event)}
        />
        <p id={fileHelpId} className="field-description">
          {t('calendar.importHint')}
        </p>
      </div>
      {preview ? (
        <div role="status" className="stack">
          <p>{t('calendar.imported', { breaks: preview.breaks.length, periods: preview.reportingPeriods.length })}</p>
          {preview.skipped.length > 0 ? (
            <details>
              <summary>{t('calendar.skipped', { count: preview.skipped.length })}</summary>
              <ul>
                {preview.skipped.map((event) => (
                  <li key={`${event.date}\n${event.summary}`}>
                    {event.date} — {event.summary} ({t(`calendar.skippedReason.${event.reason}`)})
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
      <div className="row-editor">
        <DateInputField label={t('calendar.firstDay')} isRequired value={draft.firstDay} onChange={(firstDay) => change({ firstDay })} />
        <DateInputField
          label={t('calendar.lastDay')}
          isRequired
          min={draft.firstDay || undefined}
          value={draft.lastDay}
          onChange={(lastDay) => change({ lastDay })}
        />
      </div>
      <BreakRows rows={draft.breaks} draft={draft} onChange={(breaks) => change({ breaks })} />
      <PeriodRows rows={draft.periods} draft={draft} onChange={(periods) => change({ periods })} />
      <FormAlert id={alertId}>{failure}</FormAlert>
      <div className="actions">
        <SubmitButton pending={save.isPending}>{t('calendar.save')}</SubmitButton>
        {saved ? (
          <Button className="button button--secondary" onPress={() => remove.mutate({ id: saved.id })}>
            {t('calendar.delete')}
          </Button>
        ) : null}
        <FormStatus>{save.isSuccess ? t('calendar.saved') : remove.isSuccess ? t('calendar.deleted') : null}</FormStatus>
      </div>
    </Form>
  );
}

function BreakRows({ rows, draft, onChange }: { rows: Draft['breaks']; draft: Draft; onChange: (rows: Draft['breaks']) => void }) {
  const { t } = useTranslation();
  const update = (key: number, next: Partial<Draft['breaks'][number]>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...next } : row)));
  return (
    <fieldset className="form-section stack">
      <legend className="form-section-title">{t('calendar.breaks')}</legend>
      <p className="field-description">{t('calendar.breaksHint')}</p>
      {rows.map((row, index) => (
        <div key={row.key} className="row-editor">
          <TextInputField
            label={t('calendar.breakName', { number: index + 1 })}
            autoComplete="off"
            isRequired
            maxLength={200}
            value={row.name}
            onChange={(name) => update(row.key, { name })}
          />
          <DateInputField
            label={t('calendar.breakFrom', { number: index + 1 })}
            isRequired
            value={row.from}
            onChange={(from) => update(row.key, { from, to: row.to || from })}
          />
          <DateInputField
            label={t('calendar.breakTo', { number: index + 1 })}
            isRequired
            min={row.from || undefined}
            value={row.to}
            onChange={(to) => update(row.key, { to })}
          />
          <Button
            className="button button--quiet"
            aria-label={t('calendar.removeBreak', { label: row.name || index + 1 })}
            onPress={() => onChange(rows.filter((other) => other.key !== row.key))}
          >
            {t('calendar.remove')}
          </Button>
        </div>
      ))}
      <div className="actions">
        <Button
          className="button button--secondary"
          onPress={() => onChange([...rows, { key: nextKey(rows), name: '', from: draft.firstDay, to: draft.firstDay }])}
        >
          {t('calendar.addBreak')}
        </Button>
      </div>
    </fieldset>
  );
}

function PeriodRows({ rows, draft, onChange }: { rows: Draft['periods']; draft: Draft; onChange: (rows: Draft['periods']) => void }) {
  const { t } = useTranslation();
  const update = (key: number, next: Partial<Draft['periods'][number]>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...next } : row)));
  return (
    <fieldset className="form-section stack">
      <legend className="form-section-title">{t('calendar.periods')}</legend>
      <p className="field-description">{t('calendar.periodsHint')}</p>
      {rows.map((row, index) => (
        <div key={row.key} className="row-editor">
          <TextInputField
            label={t('calendar.periodLabel', { number: index + 1 })}
            autoComplete="off"
            isRequired
            maxLength={200}
            value={row.label}
            onChange={(label) => update(row.key, { label })}
          />
          <DateInputField
            label={t('calendar.periodStarts', { number: index + 1 })}
            isRequired
            value={row.startsOn}
            onChange={(startsOn) => update(row.key, { startsOn })}
          />
          <DateInputField
            label={t('calendar.periodEnds', { number: index + 1 })}
            isRequired
            min={row.startsOn || undefined}
            value={row.endsOn}
            onChange={(endsOn) => update(row.key, { endsOn })}
          />
          <Button
            className="button button--quiet"
            aria-label={t('calendar.removePeriod', { label: row.label || index + 1 })}
            onPress={() => onChange(rows.filter((other) => other.key !== row.key))}
          >
            {t('calendar.remove')}
          </Button>
        </div>
      ))}
      {rows.length < 12 ? (
        <div className="actions">
          <Button
            className="button button--secondary"
            onPress={() => {
              const last = rows.at(-1)?.endsOn;
              onChange([
                ...rows,
                { key: nextKey(rows), label: `Q${rows.length + 1}`, startsOn: last ? '' : draft.firstDay, endsOn: draft.lastDay },
              ]);
            }}
          >
            {t('calendar.addPeriod')}
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}
