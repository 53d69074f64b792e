/**
 * One new session in the week view, as a group named by its support and day: held, missed or left for
 * now; the minutes, or why it was missed; an optional progress value for each goal addressed; and,
 * folded away because they are usually right, the mentors, the goals and a note.
 */
import { useTranslation } from 'react-i18next';
import { type Goal, MISS_REASONS } from '../../../../src-main/contract';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { SelectField } from '../../components/SelectField';
import { TextInputField } from '../../components/TextInputField';
import type { SessionChoices } from './SessionEditDialog';
import { type EntryStatus, isNumberText, type WeekEntry } from './week-entries';

const STATUSES: readonly EntryStatus[] = ['held', 'missed', 'skip'];

export interface WeekEntryFieldsProps {
  legend: string;
  entry: WeekEntry;
  goals: readonly Goal[];
  goalName: (goal: Goal) => string;
  choices: SessionChoices;
  describedBy: string;
  onChange: (entry: WeekEntry) => void;
}

export function WeekEntryFields({ legend, entry, goals, goalName, choices, describedBy, onChange }: WeekEntryFieldsProps) {
  const { t } = useTranslation();
  const addressed = goals.filter((goal) => entry.goalIds.includes(goal.id));
  return (
    <fieldset className={`week-entry week-entry--${entry.status}`}>
      <legend className="visually-hidden">{legend}</legend>
      <SelectField
        label={t('week.status')}
        value={entry.status}
        options={STATUSES.map((status) => ({ value: status, label: t(`week.statuses.${status}`) }))}
        onChange={(next) => onChange({ ...entry, status: STATUSES.find((status) => status === next) ?? 'held' })}
      />
      {entry.status === 'missed' ? (
        <SelectField
          label={t('progress.sessions.reason')}
          value={entry.missReason}
          emptyOption={t('progress.sessions.chooseReason')}
          options={MISS_REASONS.map((id) => ({ value: id, label: t(`progress.sessions.reasons.${id}`) }))}
          onChange={(next) => onChange({ ...entry, missReason: MISS_REASONS.find((id) => id === next) ?? '' })}
          isRequired
          aria-describedby={describedBy}
        />
      ) : null}
      {entry.status === 'held' ? (
        <>
          <TextInputField
            label={t('progress.sessions.minutes')}
            value={entry.minutes}
            onChange={(minutes) => onChange({ ...entry, minutes })}
            inputMode="numeric"
            isRequired
            validate={(text) => (isNumberText(text, false) ? null : t('progress.sessions.minutesNotANumber'))}
            aria-describedby={describedBy}
          />
          {addressed.map((goal) => (
            <TextInputField
              key={goal.id}
              label={t('week.point', { goal: goalName(goal) })}
              value={entry.points[goal.id] ?? ''}
              onChange={(value) => onChange({ ...entry, points: { ...entry.points, [goal.id]: value } })}
              inputMode="decimal"
              validate={(text) => (isNumberText(text, true) ? null : t('progress.addPoint.notANumber'))}
              aria-describedby={describedBy}
            />
          ))}
        </>
      ) : null}
      {entry.status === 'skip' ? null : (
        <details className="week-more">
          <summary>{entry.status === 'held' ? t('week.moreHeld') : t('week.moreMissed')}</summary>
          <div className="stack">
            <CheckboxGroup
              legend={t('progress.sessions.mentors')}
              items={choices.mentors}
              selected={entry.mentorIds}
              onChange={(mentorIds) => onChange({ ...entry, mentorIds })}
              emptyText={t('progress.sessions.noMentors')}
            />
            {entry.status === 'held' ? (
              <CheckboxGroup
                legend={t('progress.sessions.goals')}
                items={choices.goals}
                selected={entry.goalIds}
                onChange={(goalIds) => onChange({ ...entry, goalIds })}
                emptyText={t('progress.sessions.noGoals')}
              />
            ) : null}
            <TextInputField label={t('progress.sessions.note')} value={entry.note} onChange={(note) => onChange({ ...entry, note })} />
          </div>
        </details>
      )}
    </fieldset>
  );
}
