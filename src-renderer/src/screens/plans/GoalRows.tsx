/** The repeating parts of a goal: its reporting periods and its short-term objectives, as rows to add and remove. */
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../../src-main/contract';
import { DateInputField } from '../../components/DateInputField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextInputField } from '../../components/TextInputField';
import { nextKey, type ObjectiveDraft, type PeriodDraft } from './goal-draft';

const MAX_PERIODS = 12;
const MAX_OBJECTIVES = 10;

export function PeriodRows({ plan, rows, onChange }: { plan: Plan; rows: PeriodDraft[]; onChange: (rows: PeriodDraft[]) => void }) {
  const { t } = useTranslation();
  const update = (key: number, change: Partial<PeriodDraft>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  return (
    <fieldset className="form-section stack">
      <legend className="form-section-title">{t('goals.fields.reportingPeriods')}</legend>
      <p className="field-description">{t('goals.form.periodsHint')}</p>
      {rows.map((row, index) => (
        <div key={row.key} className="row-editor">
          <TextInputField
            label={t('goals.form.periodLabel', { number: index + 1 })}
            autoComplete="off"
            isRequired
            value={row.label}
            onChange={(label) => update(row.key, { label })}
          />
          <DateInputField
            label={t('goals.form.periodEnds', { number: index + 1 })}
            isRequired
            min={plan.startDate}
            max={plan.endDate}
            value={row.endsOn}
            onChange={(endsOn) => update(row.key, { endsOn })}
          />
          <Button
            className="button button--quiet"
            aria-label={t('goals.form.removePeriod', { label: row.label || index + 1 })}
            onPress={() => onChange(rows.filter((other) => other.key !== row.key))}
          >
            {t('goals.form.remove')}
          </Button>
        </div>
      ))}
      {rows.length < MAX_PERIODS ? (
        <div className="actions">
          <Button
            className="button button--secondary"
            onPress={() => onChange([...rows, { key: nextKey(rows), label: '', endsOn: plan.endDate }])}
          >
            {t('goals.form.addPeriod')}
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}

export function ObjectiveRows({ rows, onChange }: { rows: ObjectiveDraft[]; onChange: (rows: ObjectiveDraft[]) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-section stack">
      <legend className="form-section-title">{t('students.form.optional', { label: t('goals.fields.objectives') })}</legend>
      <p className="field-description">{t('goals.form.objectivesHint')}</p>
      {rows.map((row, index) => (
        <div key={row.key} className="row-editor row-editor--wide">
          <TextAreaField
            label={t('goals.form.objectiveLabel', { number: index + 1 })}
            rows={2}
            isRequired
            value={row.text}
            onChange={(text) => onChange(rows.map((other) => (other.key === row.key ? { ...other, text } : other)))}
          />
          <Button
            className="button button--quiet"
            aria-label={t('goals.form.removeObjective', { number: index + 1 })}
            onPress={() => onChange(rows.filter((other) => other.key !== row.key))}
          >
            {t('goals.form.remove')}
          </Button>
        </div>
      ))}
      {rows.length < MAX_OBJECTIVES ? (
        <div className="actions">
          <Button className="button button--secondary" onPress={() => onChange([...rows, { key: nextKey(rows), text: '' }])}>
            {t('goals.form.addObjective')}
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}
