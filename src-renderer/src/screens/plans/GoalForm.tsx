/**
 * Write or change a goal. The fields follow the measurement: a rubric asks for its top level, trials
 * for N, percents say 0–100. What the service finds wrong (a target equal to the baseline, a date
 * outside the plan) shows above the button, and the value fields point at it.
 */
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Goal, Measurement, Plan } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { DateInputField } from '../../components/DateInputField';
import { FormAlert } from '../../components/FormAlert';
import { SelectField } from '../../components/SelectField';
import { SubmitButton } from '../../components/SubmitButton';
import { SubmitForm } from '../../components/SubmitForm';
import { errorCode, useServiceError } from '../../components/service-error';
import { TextAreaField } from '../../components/TextAreaField';
import { TextInputField } from '../../components/TextInputField';
import { ObjectiveRows, PeriodRows } from './GoalRows';
import { type GoalDraft, goalFields, PERCENT, parseNumber, SCALED } from './goal-draft';
import { MasteryFields } from './MasteryFields';
import { useRefreshPlans } from './plan-cache';

const AREAS = ['reading', 'writing', 'math', 'social_emotional', 'behavior', 'communication', 'organization', 'independence'] as const;
const MEASUREMENTS = ['percent', 'frequency', 'duration', 'rubric', 'trials', 'intervals'] as const satisfies readonly Measurement[];
const MEASURED_EVERY = ['day', 'week', 'twoWeeks', 'month'] as const;

export interface GoalFormProps {
  plan: Plan;
  initial: GoalDraft;
  /** The goal being changed; absent for a new one. */
  goal?: Goal;
  /** An active plan's goal: only its translation for parent reports, which is not a change to the plan. */
  translationOnly?: boolean;
  onDone: () => void;
}

export function GoalForm({ plan, initial, goal, translationOnly = false, onDone }: GoalFormProps) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const refresh = useRefreshPlans();
  const alertId = useId();
  const everyListId = useId();
  const [draft, setDraft] = useState(initial);
  const set = (change: Partial<GoalDraft>) => setDraft((current) => ({ ...current, ...change }));
  const saved = async () => {
    await refresh();
    onDone();
  };
  const create = useApiMutation('goals.create', { onSuccess: saved });
  const update = useApiMutation('goals.update', { onSuccess: saved });
  const save = goal ? update : create;
  const aboutValues = errorCode(save.error) === 'invalid_input' ? alertId : undefined;
  const scaleMax = parseNumber(draft.scaleMax);
  const validateValue = (text: string) => valueProblem(t, draft.measurement, text, scaleMax);

  if (goal && translationOnly) {
    return (
      <SubmitForm
        className="stack form"
        aria-label={t('removals.translate')}
        onSubmit={() =>
          update.mutateAsync({ id: goal.id, changes: { statementTranslations: goalFields(draft, goal.area).statementTranslations } })
        }
      >
        <p className="statement">{goal.statement}</p>
        <TextAreaField
          label={t('goals.fields.statementSpanish')}
          lang="es"
          value={draft.translations.es ?? ''}
          onChange={(es) => setDraft((current) => ({ ...current, translations: { ...current.translations, es } }))}
          description={t('removals.translateHint')}
        />
        <FormAlert id={alertId}>{update.isError ? describe(update.error) : null}</FormAlert>
        <div className="actions">
          <SubmitButton pending={update.isPending}>{t('removals.translateSave')}</SubmitButton>
          <Button className="button button--quiet" onPress={onDone}>
            {t('app.cancel')}
          </Button>
        </div>
      </SubmitForm>
    );
  }

  return (
    <SubmitForm
      className="stack form"
      aria-label={goal ? t('goals.form.editLabel') : t('goals.form.addLabel')}
      onSubmit={(requestId) => {
        const area = draft.area;
        if (!area) return;
        if (goal) return update.mutateAsync({ id: goal.id, changes: goalFields(draft, area) });
        return create.mutateAsync({ planId: plan.id, ...goalFields(draft, area), requestId });
      }}
    >
      <div className="field-grid">
        <SelectField
          label={t('goals.fields.area')}
          emptyOption={t('goals.form.chooseArea')}
          isRequired
          options={AREAS.map((area) => ({ value: area, label: t(`goals.areas.${area}`) }))}
          value={draft.area}
          onChange={(area) => set({ area: AREAS.find((known) => known === area) ?? '' })}
        />
        <SelectField
          label={t('goals.fields.measurement')}
          options={MEASUREMENTS.map((measurement) => ({ value: measurement, label: t(`goals.measurements.${measurement}`) }))}
          value={draft.measurement}
          onChange={(measurement) => set({ measurement: MEASUREMENTS.find((known) => known === measurement) ?? 'percent' })}
        />
      </div>
      <TextAreaField
        label={t('goals.fields.statement')}
        isRequired
        value={draft.statement}
        onChange={(statement) => set({ statement })}
        description={t('goals.form.statementHint')}
        validate={(text) => (text.trim().length < 10 ? t('goals.form.statementShort') : null)}
      />
      <TextAreaField
        label={t('goals.fields.statementSpanish')}
        lang="es"
        value={draft.translations.es ?? ''}
        onChange={(es) => setDraft((current) => ({ ...current, translations: { ...current.translations, es } }))}
        description={t('goals.form.statementSpanishHint')}
      />
      <div className="field-grid">
        {SCALED.has(draft.measurement) ? (
          <TextInputField
            label={draft.measurement === 'rubric' ? t('goals.fields.rubricTop') : t('goals.fields.trials')}
            inputMode="numeric"
            autoComplete="off"
            isRequired
            value={draft.scaleMax}
            onChange={(text) => set({ scaleMax: text })}
            validate={(text) => scaleProblem(t, draft.measurement, text)}
            aria-describedby={aboutValues}
          />
        ) : null}
        <TextInputField
          label={t('goals.fields.baseline')}
          inputMode="decimal"
          autoComplete="off"
          isRequired
          value={draft.baseline}
          onChange={(baseline) => set({ baseline })}
          description={t(`goals.units.${draft.measurement}`)}
          validate={validateValue}
          aria-describedby={aboutValues}
        />
        <TextInputField
          label={t('goals.fields.target')}
          inputMode="decimal"
          autoComplete="off"
          isRequired
          value={draft.target}
          onChange={(target) => set({ target })}
          description={t(`goals.units.${draft.measurement}`)}
          validate={validateValue}
          aria-describedby={aboutValues}
        />
      </div>
      <div className="field-grid">
        <TextInputField
          label={t('goals.fields.criterion')}
          autoComplete="off"
          isRequired
          value={draft.criterion}
          onChange={(criterion) => set({ criterion })}
          description={t('goals.form.criterionHint')}
        />
        <TextInputField
          label={t('goals.fields.measuredEvery')}
          list={everyListId}
          autoComplete="off"
          isRequired
          value={draft.measuredEvery}
          onChange={(measuredEvery) => set({ measuredEvery })}
        />
        <datalist id={everyListId}>
          {MEASURED_EVERY.map((every) => (
            <option key={every} value={t(`goals.every.${every}`)} />
          ))}
        </datalist>
        <DateInputField
          label={t('goals.fields.endDate')}
          isRequired
          min={plan.startDate}
          max={plan.endDate}
          value={draft.endDate}
          onChange={(endDate) => set({ endDate })}
          aria-describedby={aboutValues}
        />
      </div>
      <MasteryFields criterion={draft.criterion} value={draft.mastery} onChange={(mastery) => set({ mastery })} />
      <PeriodRows plan={plan} rows={draft.reportingPeriods} onChange={(reportingPeriods) => set({ reportingPeriods })} />
      <ObjectiveRows rows={draft.objectives} onChange={(objectives) => set({ objectives })} />
      <FormAlert id={alertId}>{save.isError ? describe(save.error) : null}</FormAlert>
      <div className="actions">
        <SubmitButton pending={save.isPending}>{goal ? t('goals.form.save') : t('goals.form.add')}</SubmitButton>
        <Button className="button button--quiet" onPress={onDone}>
          {t('app.cancel')}
        </Button>
      </div>
    </SubmitForm>
  );
}

function scaleProblem(t: TFunction, measurement: Measurement, text: string): string | null {
  const value = parseNumber(text);
  if (!Number.isFinite(value) || value <= 0) return t('goals.form.scalePositive');
  if (measurement === 'trials' && !Number.isInteger(value)) return t('goals.form.trialsWhole');
  return null;
}

/** A baseline or target must be a number in the measurement's range (the service checks the same). */
function valueProblem(t: TFunction, measurement: Measurement, text: string, scaleMax: number): string | null {
  const value = parseNumber(text);
  if (text.trim() === '') return null;
  if (!Number.isFinite(value)) return t('goals.form.notANumber');
  if (PERCENT.has(measurement) && (value < 0 || value > 100)) return t('goals.form.percentRange');
  if (SCALED.has(measurement) && Number.isFinite(scaleMax) && (value < 0 || value > scaleMax))
    return t('goals.form.scaleRange', { max: scaleMax });
  if (value < 0) return t('goals.form.notNegative');
  return null;
}
