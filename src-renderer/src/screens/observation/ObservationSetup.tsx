/**
 * The set-up of an observation: when and where, the interval length and the duration (15 s over
 * 10 minutes by default, as in the peer-support studies), which goals it measures and by which
 * behaviour, and a note. The goals start chosen as `goal-measures` suggests; the person decides.
 */
import { type FormEvent, useId } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { OBSERVED_BEHAVIOURS, type ObservedBehaviour } from '../../../../src-main/contract';
import { DateInputField } from '../../components/DateInputField';
import { todayIso } from '../../components/dates';
import { SelectField } from '../../components/SelectField';
import { SubmitButton } from '../../components/SubmitButton';
import { TextAreaField } from '../../components/TextAreaField';
import { TextInputField } from '../../components/TextInputField';
import { defaultBehaviour } from './goal-measures';
import { scheduleFor } from './sampling-schedule';
import type { MeasurableGoal } from './use-measurable-goals';

export interface Measure {
  goalId: string;
  behaviour: ObservedBehaviour;
}

export interface ObservationSetupValues {
  date: string;
  setting: string;
  intervalSeconds: number;
  durationMinutes: number;
  /** null until the person changes the goals: then the suggested ones apply. */
  measures: Measure[] | null;
  note: string;
}

const INTERVAL_CHOICES = [5, 10, 15, 20, 30, 60];
const DURATION_CHOICES = [1, 2, 5, 10, 15, 20, 30, 45, 60];

export function initialSetup(): ObservationSetupValues {
  return { date: todayIso(), setting: '', intervalSeconds: 15, durationMinutes: 10, measures: null, note: '' };
}

export interface ObservationSetupProps {
  values: ObservationSetupValues;
  /** The measures in force: the person's choice, or the suggestion while they have not changed it. */
  measures: Measure[];
  goals: MeasurableGoal[];
  settings: string[];
  onChange: (values: ObservationSetupValues) => void;
  onStart: () => void;
}

export function ObservationSetup({ values, measures, goals, settings, onChange, onStart }: ObservationSetupProps) {
  const { t } = useTranslation();
  const settingListId = useId();
  const goalsHintId = useId();
  const schedule = scheduleFor(values.intervalSeconds, values.durationMinutes);
  const set = (changes: Partial<ObservationSetupValues>) => onChange({ ...values, ...changes });
  const chosen = new Map(measures.map((measure) => [measure.goalId, measure.behaviour]));

  function choose(goal: MeasurableGoal, on: boolean) {
    const others = measures.filter((measure) => measure.goalId !== goal.goal.id);
    set({ measures: on ? [...others, { goalId: goal.goal.id, behaviour: defaultBehaviour(goal.goal) }] : others });
  }

  function measureBy(goalId: string, behaviour: ObservedBehaviour) {
    set({ measures: measures.map((measure) => (measure.goalId === goalId ? { goalId, behaviour } : measure)) });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onStart();
  }

  return (
    <Form className="stack" onSubmit={submit} aria-label={t('observation.setup.formLabel')}>
      <p>{t('observation.setup.intro')}</p>
      <div className="form-row">
        <DateInputField
          label={t('observation.setup.date')}
          value={values.date}
          max={todayIso()}
          onChange={(date) => set({ date })}
          isRequired
        />
        <TextInputField
          label={t('observation.setup.setting')}
          description={t('observation.setup.settingHint')}
          value={values.setting}
          onChange={(setting) => set({ setting })}
          maxLength={200}
          list={settingListId}
        />
        <datalist id={settingListId}>
          {settings.map((setting) => (
            <option key={setting} value={setting} />
          ))}
        </datalist>
      </div>
      <div className="form-row">
        <SelectField
          label={t('observation.setup.intervalSeconds')}
          value={String(values.intervalSeconds)}
          options={INTERVAL_CHOICES.map((seconds) => ({
            value: String(seconds),
            label: t('observation.setup.seconds', { count: seconds }),
          }))}
          onChange={(seconds) => set({ intervalSeconds: Number(seconds) })}
        />
        <SelectField
          label={t('observation.setup.duration')}
          value={String(values.durationMinutes)}
          options={DURATION_CHOICES.map((minutes) => ({
            value: String(minutes),
            label: t('observation.setup.minutes', { count: minutes }),
          }))}
          onChange={(minutes) => set({ durationMinutes: Number(minutes) })}
        />
      </div>
      <p className="obs-plan" role="status">
        {t('observation.setup.plan', {
          intervals: schedule.intervals,
          seconds: values.intervalSeconds,
          duration: t('observation.setup.minutes', { count: values.durationMinutes }),
        })}
      </p>
      <fieldset className="checkbox-group" aria-describedby={goalsHintId}>
        <legend className="field-label">{t('observation.setup.goals')}</legend>
        <p id={goalsHintId} className="field-description">
          {goals.length > 0 ? t('observation.setup.goalsHint') : t('observation.setup.noGoals')}
        </p>
        <ul className="obs-measures">
          {goals.map((goal) => (
            <MeasureChoice
              key={goal.goal.id}
              goal={goal}
              behaviour={chosen.get(goal.goal.id) ?? null}
              onChoose={(on) => choose(goal, on)}
              onBehaviour={(behaviour) => measureBy(goal.goal.id, behaviour)}
            />
          ))}
        </ul>
      </fieldset>
      <TextAreaField label={t('observation.setup.note')} value={values.note} onChange={(note) => set({ note })} maxLength={4000} />
      <div className="actions">
        <SubmitButton pending={false}>{t('observation.setup.start')}</SubmitButton>
      </div>
    </Form>
  );
}

interface MeasureChoiceProps {
  goal: MeasurableGoal;
  behaviour: ObservedBehaviour | null;
  onChoose: (on: boolean) => void;
  onBehaviour: (behaviour: ObservedBehaviour) => void;
}

function MeasureChoice({ goal, behaviour, onChoose, onBehaviour }: MeasureChoiceProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <li className="obs-measure">
      <div className="checkbox-field">
        <input id={id} type="checkbox" checked={behaviour !== null} onChange={(event) => onChoose(event.target.checked)} />
        <label htmlFor={id}>{goal.choiceLabel}</label>
      </div>
      {behaviour ? (
        <SelectField
          label={t('observation.setup.measuredBy', { goal: goal.name })}
          value={behaviour}
          options={OBSERVED_BEHAVIOURS.map((value) => ({ value, label: t(`observation.behaviours.${value}`) }))}
          onChange={(value) => onBehaviour(OBSERVED_BEHAVIOURS.find((known) => known === value) ?? behaviour)}
        />
      ) : null}
    </li>
  );
}
