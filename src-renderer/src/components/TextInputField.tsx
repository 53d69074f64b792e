/** A labelled text or password field: React Aria links the description and errors to the input. */
import type { ReactNode } from 'react';
import { FieldError, Input, Label, Text, TextField, type TextFieldProps } from 'react-aria-components';

export interface TextInputFieldProps extends Omit<TextFieldProps, 'children' | 'className'> {
  label: string;
  description?: ReactNode;
  /** The id of a <datalist> of suggestions. */
  list?: string;
}

export function TextInputField({ label, description, list, ...props }: TextInputFieldProps) {
  return (
    <TextField {...props} className="field">
      <Label className="field-label">{label}</Label>
      <Input className="field-input" list={list} spellCheck={props.type === 'password' ? false : undefined} />
      {description ? (
        <Text slot="description" elementType="div" className="field-description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field-error" />
    </TextField>
  );
}
