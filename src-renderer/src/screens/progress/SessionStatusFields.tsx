/** A session's "held or missed" choice and, beside it, why it was missed or how many minutes it ran (logging one, changing one). */
import { useTranslation } from 'react-i18next';
import { MISS_REASONS, type MissReason } from '../../../../src-main/contract';
import { SelectField } from '../../components/SelectField';
import { TextInputField } from '../../components/TextInputField';
import { isNumberText } from './week-entries';

export interface SessionStatusFieldsProps {
  missed: boolean;
  onMissedChange: (missed: boolean) => void;
  reason: MissReason | '';
  onReasonChange: (reason: MissReason | '') => void;
  minutes: string;
  onMinutesChange: (minutes: string) => void;
  /** Where the minutes filled in came from, when they were filled in. */
  minutesDescription?: string;
  /** Refuse minutes that are not a number as the field is left. */
  checkMinutes?: boolean;
  'aria-describedby': string;
}

export function SessionStatusFields(props: SessionStatusFieldsProps) {
  const { t } = useTranslation();
  const { missed, reason, minutes, minutesDescription, checkMinutes } = props;
  return (
    <>
      <SelectField
        label={t('progress.sessions.status')}
        value={missed ? 'missed' : 'held'}
        options={[
          { value: 'held', label: t('progress.sessions.statusHeld') },
          { value: 'missed', label: t('progress.sessions.statusMissed') },
        ]}
        onChange={(next) => props.onMissedChange(next === 'missed')}
      />
      {missed ? (
        <SelectField
          label={t('progress.sessions.reason')}
          value={reason}
          emptyOption={t('progress.sessions.chooseReason')}
          options={MISS_REASONS.map((id) => ({ value: id, label: t(`progress.sessions.reasons.${id}`) }))}
          onChange={(next) => props.onReasonChange(MISS_REASONS.find((id) => id === next) ?? '')}
          isRequired
        />
      ) : (
        <TextInputField
          label={t('progress.sessions.minutes')}
          description={minutesDescription}
          value={minutes}
          onChange={props.onMinutesChange}
          inputMode="numeric"
          isRequired
          validate={checkMinutes ? (text) => (isNumberText(text, false) ? null : t('progress.sessions.minutesNotANumber')) : undefined}
          aria-describedby={props['aria-describedby']}
        />
      )}
    </>
  );
}
