/** The value of a progress point, with the goal's measurement as its hint (adding a point, changing one). */
import { useTranslation } from 'react-i18next';
import type { Goal } from '../../../../src-main/contract';
import { TextInputField } from '../../components/TextInputField';
import { isNumberText } from './week-entries';

export interface PointValueFieldProps {
  goal: Goal;
  value: string;
  onChange: (value: string) => void;
  /** Empty text passes this check (the field's being required still refuses it). */
  allowEmpty: boolean;
  'aria-describedby': string;
}

export function PointValueField({ goal, value, onChange, allowEmpty, 'aria-describedby': describedBy }: PointValueFieldProps) {
  const { t } = useTranslation();
  return (
    <TextInputField
      label={t('progress.addPoint.value')}
      description={t(`progress.addPoint.valueHint.${goal.measurement}`, { max: goal.scaleMax ?? '' })}
      value={value}
      onChange={onChange}
      inputMode="decimal"
      isRequired
      validate={(text) => (isNumberText(text, allowEmpty) ? null : t('progress.addPoint.notANumber'))}
      aria-describedby={describedBy}
    />
  );
}
