/** The five training modules in the mentor form: when each was completed and, if it must be renewed, when it expires. */
import { useTranslation } from 'react-i18next';
import type { TrainingModule } from '../../../../src-main/contract';
import { DateInputField } from '../../components/DateInputField';
import type { TrainingValues } from './mentor-form-state';
import { TRAINING_MODULES } from './mentor-status';

export interface TrainingFieldsProps {
  value: Record<TrainingModule, TrainingValues>;
  onChange: (module: TrainingModule, value: TrainingValues) => void;
  errorText: (field: string) => string | null;
}

export function TrainingFields({ value, onChange, errorText }: TrainingFieldsProps) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      {TRAINING_MODULES.map((module) => (
        <fieldset key={module} className="field-group">
          <legend className="field-group-legend">{t(`mentors.training.modules.${module}`)}</legend>
          <div className="form-row">
            <DateInputField
              label={t('mentors.training.completedLabel')}
              name={`training-${module}-completed`}
              value={value[module].completedOn}
              onChange={(completedOn) => onChange(module, { ...value[module], completedOn })}
              customError={errorText(`training.${module}.completedOn`)}
            />
            <DateInputField
              label={t('mentors.training.expiresLabel')}
              name={`training-${module}-expires`}
              value={value[module].expiresOn}
              onChange={(expiresOn) => onChange(module, { ...value[module], expiresOn })}
              customError={errorText(`training.${module}.expiresOn`)}
            />
          </div>
        </fieldset>
      ))}
    </div>
  );
}
