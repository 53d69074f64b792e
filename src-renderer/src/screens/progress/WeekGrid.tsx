/**
 * The week as a table: a row per peer support (its role, class, days and mentors as the row header),
 * a column per school day. A cell marks a scheduled day, lists what was logged that day (with Edit and
 * Delete) and holds the entry for a new session while one fits. Below 68rem the rows stack into a
 * day-by-day list (week.css); every entry is a group named by its support and day, so it reads the
 * same either way.
 */
import { useRef } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { DAYS, type Goal, type Session, type StudentWeek } from '../../../../src-main/contract';
import { useApiQuery } from '../../api-client/react';
import { routeHref } from '../../app/hash-route';
import { focusSoon } from '../../components/focus-soon';
import { useAccommodationName, useGoalChoiceLabel, useGoalName } from '../plans/plan-labels';
import { SessionActions } from './SessionActions';
import type { SessionChoices } from './SessionEditDialog';
import { WeekEntryFields } from './WeekEntryFields';
import { entryFor, entryKey, hasRoom, type WeekDay, type WeekEntry, type WeekRow } from './week-entries';

export interface WeekGridProps {
  week: StudentWeek;
  studentId: string;
  entries: Readonly<Record<string, WeekEntry>>;
  today: string;
  /** The form's alert, which names the entry a refusal is about. */
  describedBy: string;
  onEntryChange: (key: string, entry: WeekEntry) => void;
}

/** "Mon, Nov 23" for a column, "Monday, Nov 23" where a day is named on its own. */
export function useDayFormats() {
  const { i18n } = useTranslation();
  const short = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(i18n.language, { weekday: 'long', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' });
  const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
  return {
    short: (iso: string) => short.format(at(iso)),
    long: (iso: string) => long.format(at(iso)),
    weekday: (iso: string) => weekday.format(at(iso)),
  };
}

export function WeekGrid({ week, studentId, entries, today, describedBy, onEntryChange }: WeekGridProps) {
  const { t } = useTranslation();
  const days = useDayFormats();
  return (
    <div className="week-wrap">
      <table className="data-table week-table">
        <caption className="visually-hidden">{t('week.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('week.support')}</th>
            {week.days.map((date) => (
              <th key={date} scope="col" aria-current={date === today ? 'date' : undefined}>
                {days.short(date)}
                {date === today ? <span className="week-today">{t('week.today')}</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {week.accommodations.map((row) => (
            <SupportRow
              key={row.accommodation.id}
              row={row}
              studentId={studentId}
              entries={entries}
              today={today}
              describedBy={describedBy}
              onEntryChange={onEntryChange}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface SupportRowProps extends Omit<WeekGridProps, 'week'> {
  row: WeekRow;
}

function SupportRow({ row, studentId, entries, today, describedBy, onEntryChange }: SupportRowProps) {
  const { t } = useTranslation();
  const days = useDayFormats();
  const accommodationName = useAccommodationName();
  const { accommodation } = row;
  const plan = useApiQuery('plans.get', { id: accommodation.planId });
  const assignments = useApiQuery('assignments.listForAccommodation', { accommodationId: accommodation.id });
  const planGoals = { goals: plan.data?.goals ?? [] };
  const goalName = useGoalName(planGoals);
  const goalChoiceLabel = useGoalChoiceLabel(planGoals);
  const goals = planGoals.goals.filter((goal) => accommodation.serves.includes(goal.id));
  const mentors = [...new Map((assignments.data ?? []).map((row) => [row.mentorId, { id: row.mentorId, label: row.mentorName }])).values()];
  const current = [...new Set((assignments.data ?? []).filter((row) => row.active).map((row) => row.mentorName))];
  const choices: SessionChoices = { mentors, goals: goals.map((goal) => ({ id: goal.id, label: goalChoiceLabel(goal) })) };
  const name = accommodationName(accommodation);
  const slotDays = DAYS.filter((day) => accommodation.slots.some((slot) => slot.day === day));
  const dayNames = row.days.filter((day) => slotDays.includes(day.day)).map((day) => days.weekday(day.date));
  return (
    <tr>
      <th scope="row" className="week-support">
        <a href={routeHref('students', studentId, 'plans', accommodation.planId)}>{name}</a>
        <span className="cell-note">{t('week.usual', { days: dayNames.join(', '), minutes: accommodation.minutesPerSession })}</span>
        <span className="cell-note">{current.length > 0 ? t('week.mentors', { names: current.join(', ') }) : t('week.noMentor')}</span>
      </th>
      {row.days.map((day) => (
        <td key={day.date} className={day.scheduled ? 'week-cell week-cell--scheduled' : 'week-cell'}>
          <DayCell
            row={row}
            day={day}
            name={name}
            goals={goals}
            goalName={goalName}
            choices={choices}
            entry={entryFor(entries, row, day)}
            touched={entries[entryKey(accommodation.id, day.date)] !== undefined}
            today={today}
            describedBy={describedBy}
            onChange={(entry) => onEntryChange(entryKey(accommodation.id, day.date), entry)}
          />
        </td>
      ))}
    </tr>
  );
}

interface DayCellProps {
  row: WeekRow;
  day: WeekDay;
  name: string;
  goals: readonly Goal[];
  goalName: (goal: Goal) => string;
  choices: SessionChoices;
  entry: WeekEntry;
  /** The teacher changed this entry (or opened it on a day that is not scheduled). */
  touched: boolean;
  today: string;
  describedBy: string;
  onChange: (entry: WeekEntry) => void;
}

function DayCell({ row, day, name, goals, goalName, choices, entry, touched, today, describedBy, onChange }: DayCellProps) {
  const { t } = useTranslation();
  const days = useDayFormats();
  const cell = useRef<HTMLDivElement>(null);
  const focusFirstControl = () => focusSoon(() => cell.current?.querySelector<HTMLElement>('select, input, button'));
  const room = hasRoom(row.accommodation, day, today);
  const running = day.date >= row.accommodation.startDate && day.date <= row.accommodation.endDate;
  return (
    <div ref={cell} className="week-cell-body">
      <span className="week-cell-day" aria-hidden="true">
        {days.short(day.date)}
      </span>
      {day.scheduled ? <span className="tag week-tag">{t('week.scheduled')}</span> : null}
      {!day.scheduled && running ? <span className="cell-note">{t('week.notScheduled')}</span> : null}
      {!running ? <span className="cell-note">{t('week.notRunning')}</span> : null}
      {day.sessions.length > 0 ? (
        <ul className="week-logged">
          {day.sessions.map((session) => (
            <LoggedSession
              key={session.id}
              session={session}
              goals={goals}
              goalName={goalName}
              choices={choices}
              onDeleted={focusFirstControl}
            />
          ))}
        </ul>
      ) : null}
      {room && (day.scheduled || touched) ? (
        <WeekEntryFields
          legend={t('week.entryLegend', { name, day: days.long(day.date) })}
          entry={entry}
          goals={goals}
          goalName={goalName}
          choices={choices}
          describedBy={describedBy}
          onChange={onChange}
        />
      ) : null}
      {room && !day.scheduled && !touched ? (
        <Button
          className="button button--quiet week-add"
          aria-label={t('week.addNamed', { name, day: days.long(day.date) })}
          onPress={() => {
            onChange({ ...entry, status: 'held' });
            focusFirstControl();
          }}
        >
          {t('week.add')}
        </Button>
      ) : null}
      {running && day.date > today ? <span className="cell-note">{t('week.later')}</span> : null}
    </div>
  );
}

interface LoggedSessionProps {
  session: Session;
  goals: readonly Goal[];
  goalName: (goal: Goal) => string;
  choices: SessionChoices;
  onDeleted: () => void;
}

function LoggedSession({ session, goals, goalName, choices, onDeleted }: LoggedSessionProps) {
  const { t } = useTranslation();
  return (
    <li className={session.status === 'held' ? 'week-session' : 'week-session week-session--missed'}>
      <span className="week-session-status">
        {session.status === 'held'
          ? t('week.heldSession', { minutes: session.minutes })
          : t('week.missedSession', { reason: t(`progress.sessions.reasons.${session.missReason ?? 'other'}`) })}
      </span>
      {session.progressPoints.map((point) => {
        const goal = goals.find((candidate) => candidate.id === point.goalId);
        return (
          <span key={point.id} className="cell-note">
            {t('week.pointLogged', { goal: goal ? goalName(goal) : t('week.aGoal'), value: point.value })}
          </span>
        );
      })}
      {session.note ? <span className="cell-note">{session.note}</span> : null}
      <SessionActions session={session} choices={choices} onDeleted={onDeleted} />
    </li>
  );
}
