/**
 * A labelled native select. Native on purpose: fully keyboard and screen-reader accessible as is,
 * usable at any zoom, and it takes part in the form's own validation (required, custom message).
 */
import type { ReactNode } from 'react';
import { useNativeField } from './native-field';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  /** A first option with the empty value, e.g. "Any school" or "Choose a grade". */
  emptyOption?: string;
  isRequired?: boolean;
  description?: ReactNode;
  customError?: string | null;
  /** Other elements that describe the field, e.g. the form's alert when a save failed because of it. */
  'aria-describedby'?: string;
  name?: string;
  className?: string;
}

export function SelectField(props: SelectFieldProps) {
  const field = useNativeField<HTMLSelectElement>(props);
  return (
    <div className={props.className ?? 'field'}>
      <label className="field-label" htmlFor={field.control.id}>
        {props.label}
      </label>
      <select
        {...field.control}
        name={props.name}
        className="field-input field-select"
        value={props.value}
        required={props.isRequired}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.emptyOption !== undefined ? <option value="">{props.emptyOption}</option> : null}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {field.help}
    </div>
  );
}
