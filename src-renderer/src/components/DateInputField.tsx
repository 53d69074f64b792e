/**
 * A labelled date, as the browser's own date input (YYYY-MM-DD underneath): typed segment by
 * segment from the keyboard, with a calendar for the mouse, and validated with the form.
 */
import { type ReactNode, useId } from 'react';
import { describedBy, useNativeValidity } from './native-validity';

export interface DateInputFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  isRequired?: boolean;
  min?: string;
  max?: string;
  description?: ReactNode;
  customError?: string | null;
  'aria-describedby'?: string;
  name?: string;
}

export function DateInputField(props: DateInputFieldProps) {
  const id = useId();
  const descriptionId = useId();
  const errorId = useId();
  const validity = useNativeValidity<HTMLInputElement>(props.customError);
  return (
    <div className="field field--date">
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      <input
        ref={validity.ref}
        id={id}
        name={props.name}
        type="date"
        className="field-input"
        value={props.value}
        min={props.min}
        max={props.max}
        required={props.isRequired}
        aria-invalid={validity.error ? true : undefined}
        aria-describedby={describedBy(props.description && descriptionId, validity.error && errorId, props['aria-describedby'])}
        onInvalid={validity.onInvalid}
        onChange={(event) => props.onChange(event.target.value)}
      />
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
