/**
 * The fields of one goal's mark for a period: the progress code (from the set in use), whether the
 * progress is sufficient to meet the goal by its end date (and why not), and the narrative. The same
 * fields save a draft and amend a finalized mark.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { INSUFFICIENT_REASONS, type ProgressCodeSettings, type ProgressMark } from '../../../../src-main/contract';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import type { MarkDraft } from './mark-draft';

export interface MarkFieldsProps {
  draft: MarkDraft;
  onChange: (draft: MarkDraft) => void;
  /** The set in use, whose codes are offered. */
  codeSet: ProgressCodeSettings['sets'][number];
  codes: ProgressCodeSettings;
  /** The mark as saved, to say when its code comes from a set no longer in use. */
  saved: ProgressMark | undefined;
  /** The code matching the suggestion, to say so while it is the one chosen. */
  suggested: string | null;
  /** The form's alert, for the fields a refusal may concern. */
  alertId: string;
}

export function MarkFields({ draft, onChange, codeSet, codes, saved, suggested, alertId }: MarkFieldsProps) {
  const { t } = useTranslation();
  const savedSet = saved?.code && saved.codeSet !== codeSet.id ? codes.sets.find((set) => set.id === saved.codeSet) : undefined;
  // A code saved in another set stays until a code of this set is chosen.
  const codeNote =
    saved?.code && savedSet && draft.code === ''
      ? t('periods.fields.otherSet', { label: saved.codeLabel ?? saved.code, set: savedSet.name })
      : undefined;
  const sufficientId = useId();
  const set = (change: Partial<MarkDraft>) => onChange({ ...draft, ...change });
  const codeHint = suggested !== null && draft.code === suggested ? t('periods.fields.codeSuggested') : codeNote;
  return (
    <>
      <SelectField
        label={t('periods.fields.code')}
        value={draft.code}
        emptyOption={t('periods.fields.chooseCode')}
        options={codeSet.codes.map((code) => ({ value: code.id, label: code.label }))}
        onChange={(code) => set({ code })}
        description={codeHint}
        aria-describedby={alertId}
      />
      <fieldset className="periods-choice">
        <legend className="field-label">{t('periods.fields.sufficient')}</legend>
        <div className="radio-row">
          {([true, false] as const).map((answer) => (
            <div key={String(answer)} className="checkbox-field">
              <input
                id={`${sufficientId}-${answer}`}
                type="radio"
                name={sufficientId}
                checked={draft.sufficient === answer}
                onChange={() => set({ sufficient: answer })}
              />
              <label htmlFor={`${sufficientId}-${answer}`}>{answer ? t('periods.fields.yes') : t('periods.fields.no')}</label>
            </div>
          ))}
        </div>
      </fieldset>
      {draft.sufficient === false ? (
        <SelectField
          label={t('periods.fields.reason')}
          value={draft.reason}
          emptyOption={t('periods.fields.chooseReason')}
          options={INSUFFICIENT_REASONS.map((reason) => ({ value: reason, label: t(`periods.reasons.${reason}`) }))}
          onChange={(value) => set({ reason: INSUFFICIENT_REASONS.find((reason) => reason === value) ?? '' })}
          aria-describedby={alertId}
        />
      ) : null}
      <TextAreaField
        label={t('periods.fields.narrative')}
        description={t('periods.fields.narrativeHint')}
        value={draft.narrative}
        onChange={(narrative) => set({ narrative })}
        rows={4}
        aria-describedby={alertId}
      />
    </>
  );
}
