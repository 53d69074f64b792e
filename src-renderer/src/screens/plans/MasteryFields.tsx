/**
 * The goal's mastery criterion as the progress rules apply it: k of the last n points at or beyond
 * the target, in a row or not. Until the team sets it, the rules read it from the criterion's words
 * (contract/mastery.ts), and this group says what they read; the words stay the team's.
 */
import { useTranslation } from 'react-i18next';
import { masteryFromCriterion } from '../../../../src-main/contract/mastery';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { TextInputField } from '../../components/TextInputField';
import type { MasteryDraft } from './goal-draft';

export interface MasteryFieldsProps {
  criterion: string;
  value: MasteryDraft | null;
  onChange: (value: MasteryDraft | null) => void;
}

const SET = 'set';
const IN_A_ROW = 'consecutive';

/** A count of points the rules can use: a whole number from 1 to 20 (the contract's bounds). */
function isCount(text: string): boolean {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(value) && value >= 1 && value <= 20;
}

export function MasteryFields({ criterion, value, onChange }: MasteryFieldsProps) {
  const { t } = useTranslation();
  const read = masteryFromCriterion(criterion);
  const readWords = t(read.consecutive ? 'goals.mastery.ruleInARow' : 'goals.mastery.rule', { k: read.k, n: read.n });
  return (
    <fieldset className="stack">
      <legend className="field-label">{t('goals.mastery.legend')}</legend>
      <CheckboxGroup
        legend={t('goals.mastery.setLegend')}
        items={[{ id: SET, label: t('goals.mastery.set') }]}
        selected={value ? [SET] : []}
        onChange={(selected) =>
          onChange(selected.includes(SET) ? { k: String(read.k), n: String(read.n), consecutive: read.consecutive } : null)
        }
        description={value ? null : t('goals.mastery.fromWords', { rule: readWords })}
      />
      {value ? (
        <div className="field-grid">
          <TextInputField
            label={t('goals.mastery.k')}
            inputMode="numeric"
            autoComplete="off"
            isRequired
            value={value.k}
            onChange={(k) => onChange({ ...value, k })}
            validate={(text) =>
              !isCount(text) ? t('goals.mastery.whole') : Number(text) > Number(value.n) ? t('goals.mastery.kAboveN') : null
            }
          />
          <TextInputField
            label={t('goals.mastery.n')}
            inputMode="numeric"
            autoComplete="off"
            isRequired
            value={value.n}
            onChange={(n) => onChange({ ...value, n })}
            validate={(text) => (isCount(text) ? null : t('goals.mastery.whole'))}
          />
          <CheckboxGroup
            legend={t('goals.mastery.inARowLegend')}
            items={[{ id: IN_A_ROW, label: t('goals.mastery.inARow') }]}
            selected={value.consecutive ? [IN_A_ROW] : []}
            onChange={(selected) => onChange({ ...value, consecutive: selected.includes(IN_A_ROW) })}
          />
        </div>
      ) : null}
    </fieldset>
  );
}
