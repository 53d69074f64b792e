/**
 * A plan's type, dates, case manager and team: to start a plan, or to correct a draft or active one.
 * Date problems show on the date they concern as soon as a save is tried; the service has the last word.
 */
import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { DateInputField } from '../../components/DateInputField';
import { FormAlert } from '../../components/FormAlert';
import { SelectField } from '../../components/SelectField';
import { SubmitButton } from '../../components/SubmitButton';
import { SubmitForm } from '../../components/SubmitForm';
import { errorCode, useServiceError } from '../../components/service-error';
import { useStaff } from '../students/use-staff';
import { useRefreshPlans } from './plan-cache';
import { type PlanDraft, planChanges, planDateProblems, planInput, withPlanChange } from './plan-draft';

export interface PlanFormProps {
  studentId: string;
  initial: PlanDraft;
  /** Editing this plan; absent when starting a new one. */
  planId?: string;
  onSaved: (plan: Plan) => void;
  onCancel: () => void;
}

export function PlanForm({ studentId, initial, planId, onSaved, onCancel }: PlanFormProps) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const refresh = useRefreshPlans();
  const staff = useStaff();
  const alertId = useId();
  const typeId = useId();
  const [draft, setDraft] = useState(initial);
  const set = (change: Parameters<typeof withPlanChange>[1]) => setDraft((current) => withPlanChange(current, change));
  const saved = async (plan: Plan) => {
    await refresh();
    onSaved(plan);
  };
  const create = useApiMutation('plans.create', { onSuccess: saved });
  const update = useApiMutation('plans.update', { onSuccess: saved });
  const save = planId ? update : create;
  const problems = planDateProblems(draft);
  const aboutDates = errorCode(save.error) === 'invalid_input' ? alertId : undefined;

  return (
    <SubmitForm
      className="stack form"
      aria-label={planId ? t('plans.form.editLabel') : t('plans.form.createLabel')}
      onSubmit={(requestId) => {
        if (planId) return update.mutateAsync({ id: planId, changes: planChanges(draft) });
        return create.mutateAsync({ ...planInput(studentId, draft), requestId });
      }}
    >
      {planId ? null : (
        <fieldset className="form-section" aria-describedby={`${typeId}-hint`}>
          <legend className="form-section-title">{t('plans.fields.type')}</legend>
          <p id={`${typeId}-hint`} className="field-description">
            {t('plans.form.typeHint')}
          </p>
          <div className="radio-row">
            {(['iep', '504'] as const).map((type) => (
              <div key={type} className="checkbox-field">
                <input
                  id={`${typeId}-${type}`}
                  type="radio"
                  name="plan-type"
                  checked={draft.type === type}
                  onChange={() => set({ type })}
                />
                <label htmlFor={`${typeId}-${type}`}>{t(`plans.types.${type}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
      <fieldset className="form-section stack">
        <legend className="form-section-title">{t('plans.form.dates')}</legend>
        <div className="field-grid">
          <DateInputField
            label={t('plans.fields.startDate')}
            isRequired
            value={draft.startDate}
            onChange={(startDate) => set({ startDate })}
            aria-describedby={aboutDates}
          />
          <DateInputField
            label={t('plans.fields.endDate')}
            isRequired
            value={draft.endDate}
            onChange={(endDate) => set({ endDate })}
            description={t('plans.form.endHint')}
            customError={problems.endDate ? t(`plans.form.problems.${problems.endDate}`) : null}
            aria-describedby={aboutDates}
          />
          <DateInputField
            label={t('plans.fields.annualReviewDue')}
            isRequired
            value={draft.annualReviewDue}
            onChange={(annualReviewDue) => set({ annualReviewDue })}
            description={t('plans.form.reviewHint')}
            customError={problems.annualReviewDue ? t('plans.form.problems.reviewBeforeStart') : null}
            aria-describedby={aboutDates}
          />
          <DateInputField
            label={
              draft.type === 'iep'
                ? t('plans.fields.reevaluationDue')
                : t('students.form.optional', { label: t('plans.fields.reevaluationDue') })
            }
            isRequired={draft.type === 'iep'}
            value={draft.reevaluationDue}
            onChange={(reevaluationDue) => set({ reevaluationDue })}
            description={draft.type === 'iep' ? t('plans.form.reevaluationHintIep') : t('plans.form.reevaluationHint504')}
            customError={problems.reevaluationDue ? t('plans.form.problems.reevaluationBeforeStart') : null}
            aria-describedby={aboutDates}
          />
        </div>
      </fieldset>
      <fieldset className="form-section stack">
        <legend className="form-section-title">{t('plans.form.people')}</legend>
        <SelectField
          label={t('students.form.optional', { label: t('plans.fields.caseManager') })}
          emptyOption={t('students.form.noCaseManager')}
          options={staff.options}
          value={draft.caseManagerId}
          onChange={(caseManagerId) => set({ caseManagerId })}
        />
        <CheckboxGroup
          legend={t('students.form.optional', { label: t('plans.fields.team') })}
          className="checkbox-group checkbox-group--scroll"
          description={t('plans.form.teamHint')}
          emptyText={t('plans.form.noStaff')}
          items={staff.current.map((member) => ({ id: member.id, label: `${member.name} (${t(`roles.${member.role}`)})` }))}
          selected={draft.teamStaffIds}
          onChange={(teamStaffIds) => set({ teamStaffIds })}
        />
      </fieldset>
      <FormAlert id={alertId}>{save.isError ? describe(save.error) : null}</FormAlert>
      <div className="actions">
        <SubmitButton pending={save.isPending}>{planId ? t('plans.form.save') : t('plans.form.create')}</SubmitButton>
        <Button className="button button--quiet" onPress={onCancel}>
          {t('app.cancel')}
        </Button>
      </div>
    </SubmitForm>
  );
}
