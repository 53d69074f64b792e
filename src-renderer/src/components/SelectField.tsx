/**
 * A labelled native select. Native on purpose: fully keyboard and screen-reader accessible as is,
 * usable at any zoom, and it takes part in the form's own validation (required, custom message).
 */
import { type ReactNode, useId } from 'react';
import { describedBy, useNativeValidity } from './native-validity';

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
  const id = useId();
  const descriptionId = useId();
  const errorId = useId();
  const validity = useNativeValidity<HTMLSelectElement>(props.customError);
  return (
    <div className={props.className ?? 'field'}>
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      <select
        ref={validity.ref}
        id={id}
        name={props.name}
        className="field-input field-select"
        value={props.value}
        required={props.isRequired}
        aria-invalid={validity.error ? true : undefined}
        aria-describedby={describedBy(props.description && descriptionId, validity.error && errorId, props['aria-describedby'])}
        onInvalid={validity.onInvalid}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.emptyOption !== undefined ? <option value="">{props.emptyOption}</option> : null}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {props.description ? (
        <div id={descriptionId} className="field-description">
          {props.description}
        </div>
      ) : null}
      {validity.error ? (
        <p id={errorId} className="field-error">
          {validity.error}
        </p>
      ) : null}
    </div>
  );
}
