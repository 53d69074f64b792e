/**
 * A labelled date, as the browser's own date input (YYYY-MM-DD underneath): typed segment by
 * segment from the keyboard, with a calendar for the mouse, and validated with the form.
 */
import type { ReactNode } from 'react';
import { useNativeField } from './native-field';

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
  const field = useNativeField<HTMLInputElement>(props);
  return (
    <div className="field field--date">
      <label className="field-label" htmlFor={field.control.id}>
        {props.label}
      </label>
      <input
        {...field.control}
        name={props.name}
        type="date"
        className="field-input"
        value={props.value}
        min={props.min}
        max={props.max}
        required={props.isRequired}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {field.help}
    </div>
  );
}
