/**
 * Set up or change a peer-support accommodation: the role, the class, when (days × periods), how
 * often and how long, how many mentors, its dates and notes, and (when new) the goals it serves.
 */
import { useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Accommodation, PeerRole, PlanDetail } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { DateInputField } from '../../components/DateInputField';
import { FormAlert } from '../../components/FormAlert';
import { SelectField } from '../../components/SelectField';
import { SlotGrid } from '../../components/SlotGrid';
import { SubmitButton } from '../../components/SubmitButton';
import { SubmitForm } from '../../components/SubmitForm';
import { errorCode, useServiceError } from '../../components/service-error';
import { TextAreaField } from '../../components/TextAreaField';
import { TextInputField } from '../../components/TextInputField';
import { type AccommodationDraft, accommodationFields, LIMITS, wholeNumber, withAccommodationChange } from './accommodation-draft';
import { useRefreshPlans } from './plan-cache';
import { useGoalChoiceLabel } from './plan-labels';

export const PEER_ROLES = [
  'peer_tutor',
  'peer_buddy',
  'peer_note_taker',
  'peer_facilitator',
  'circle_of_friends',
  'cooperative_group',
  'leadership_rotation',
] as const satisfies readonly PeerRole[];

export interface AccommodationFormProps {
  detail: PlanDetail;
  initial: AccommodationDraft;
  accommodation?: Accommodation;
  onDone: () => void;
}

export function AccommodationForm({ detail, initial, accommodation, onDone }: AccommodationFormProps) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const refresh = useRefreshPlans();
  const goalChoiceLabel = useGoalChoiceLabel(detail);
  const alertId = useId();
  const slotsRef = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState(initial);
  const [slotsMissing, setSlotsMissing] = useState(false);
  const set = (change: Partial<AccommodationDraft>) => setDraft((current) => withAccommodationChange(current, change));
  const saved = async () => {
    await refresh();
    onDone();
  };
  const create = useApiMutation('accommodations.create', { onSuccess: saved });
  const update = useApiMutation('accommodations.update', { onSuccess: saved });
  const save = accommodation ? update : create;
  const { plan } = detail;
  const aboutDates = errorCode(save.error) === 'invalid_input' ? alertId : undefined;
  const numberField = (key: keyof typeof LIMITS, label: string) => (
    <TextInputField
      label={label}
      inputMode="numeric"
      autoComplete="off"
      isRequired
      value={draft[key]}
      onChange={(text) => set({ [key]: text })}
      validate={(text) =>
        text.trim() === '' || wholeNumber(text, LIMITS[key][0], LIMITS[key][1]) !== null
          ? null
          : t('accommodations.form.between', { min: LIMITS[key][0], max: LIMITS[key][1] })
      }
    />
  );

  return (
    <SubmitForm
      className="stack form"
      aria-label={accommodation ? t('accommodations.form.editLabel') : t('accommodations.form.addLabel')}
      onSubmit={(requestId) => {
        const role = draft.role;
        if (!role) return;
        if (draft.slots.length === 0) {
          setSlotsMissing(true);
          slotsRef.current?.querySelector('input')?.focus();
          return;
        }
        if (accommodation) return update.mutateAsync({ id: accommodation.id, changes: accommodationFields(draft, role) });
        return create.mutateAsync({ planId: plan.id, goalIds: draft.goalIds, ...accommodationFields(draft, role), requestId });
      }}
    >
      <div className="field-grid">
        <SelectField
          label={t('accommodations.fields.role')}
          emptyOption={t('accommodations.form.chooseRole')}
          isRequired
          options={PEER_ROLES.map((role) => ({ value: role, label: t(`accommodations.roles.${role}`) }))}
          value={draft.role}
          onChange={(role) => set({ role: PEER_ROLES.find((known) => known === role) ?? '' })}
          description={draft.role ? t(`accommodations.roleHints.${draft.role}`) : t('accommodations.form.roleHint')}
        />
        <TextInputField
          label={t('accommodations.fields.settingClass')}
          autoComplete="off"
          isRequired
          value={draft.settingClass}
          onChange={(settingClass) => set({ settingClass })}
          description={t('accommodations.form.settingHint')}
        />
      </div>
      <div ref={slotsRef} className="stack">
        <SlotGrid
          legend={t('accommodations.fields.slots')}
          value={draft.slots}
          description={t('accommodations.form.slotsHint')}
          onChange={(slots) => {
            set({ slots });
            if (slots.length) setSlotsMissing(false);
          }}
        />
        {slotsMissing ? (
          <p className="field-error" role="alert">
            {t('accommodations.form.slotsMissing')}
          </p>
        ) : null}
      </div>
      <div className="field-grid">
        {numberField('sessionsPerWeek', t('accommodations.fields.sessionsPerWeek'))}
        {numberField('minutesPerSession', t('accommodations.fields.minutesPerSession'))}
        {numberField('mentorsNeeded', t('accommodations.fields.mentorsNeeded'))}
        <DateInputField
          label={t('accommodations.fields.startDate')}
          isRequired
          min={plan.startDate}
          max={plan.endDate}
          value={draft.startDate}
          onChange={(startDate) => set({ startDate })}
          aria-describedby={aboutDates}
        />
        <DateInputField
          label={t('accommodations.fields.endDate')}
          isRequired
          min={plan.startDate}
          max={plan.endDate}
          value={draft.endDate}
          onChange={(endDate) => set({ endDate })}
          customError={draft.endDate && draft.startDate && draft.endDate < draft.startDate ? t('accommodations.form.endBeforeStart') : null}
          aria-describedby={aboutDates}
        />
      </div>
      <TextAreaField
        label={t('students.form.optional', { label: t('accommodations.fields.notes') })}
        value={draft.notes}
        onChange={(notes) => set({ notes })}
      />
      {accommodation ? null : (
        <CheckboxGroup
          legend={t('accommodations.fields.serves')}
          description={t('accommodations.form.servesHint')}
          emptyText={t('accommodations.noGoals')}
          items={detail.goals.map((goal) => ({ id: goal.id, label: goalChoiceLabel(goal) }))}
          selected={draft.goalIds}
          onChange={(goalIds) => set({ goalIds })}
        />
      )}
      <FormAlert id={alertId}>{save.isError ? describe(save.error) : null}</FormAlert>
      <div className="actions">
        <SubmitButton pending={save.isPending}>{accommodation ? t('accommodations.form.save') : t('accommodations.form.add')}</SubmitButton>
        <Button className="button button--quiet" onPress={onDone}>
          {t('app.cancel')}
        </Button>
      </div>
    </SubmitForm>
  );
}
