/**
 * One 1–5 rating as a labelled radio group: arrow keys move along the scale, the words for 1 and 5
 * sit under the scale's ends and are read with those two numbers, and "Not rated" (last, chosen
 * until a rating is) leaves it out.
 */
import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { RATING_VALUES, type RatingName } from './checkin-labels';

const NOT_RATED = 'none';

export interface RatingFieldProps {
  name: RatingName;
  value: number | null;
  onChange: (value: number | null) => void;
}

export function RatingField({ name, value, onChange }: RatingFieldProps) {
  const { t } = useTranslation();
  const low = t(`checkIns.ratings.${name}.low`);
  const high = t(`checkIns.ratings.${name}.high`);
  return (
    <RadioGroup
      className="rating-field"
      orientation="horizontal"
      value={value === null ? NOT_RATED : String(value)}
      onChange={(next) => onChange(next === NOT_RATED ? null : Number(next))}
    >
      <Label className="field-label">{t(`checkIns.ratings.${name}.label`)}</Label>
      <Text slot="description" elementType="div" className="field-description">
        {t('checkIns.ratings.scale', { low, high })}
      </Text>
      <div className="rating-options">
        <div className="rating-steps">
          <div className="rating-step-row">
            {RATING_VALUES.map((rating) => (
              <Radio key={rating} value={String(rating)} className="rating-option">
                {rating}
                {rating === 1 ? <span className="visually-hidden">, {low}</span> : null}
                {rating === 5 ? <span className="visually-hidden">, {high}</span> : null}
              </Radio>
            ))}
          </div>
          {/* The same words as the hidden ones in the labels of 1 and 5, shown once under the scale's ends. */}
          <div className="rating-ends" aria-hidden="true">
            <span>{low}</span>
            <span>{high}</span>
          </div>
        </div>
        <Radio value={NOT_RATED} className="rating-option rating-option--none">
          {t('checkIns.form.notRated')}
        </Radio>
      </div>
    </RadioGroup>
  );
}
