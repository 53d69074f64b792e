/** A labelled multi-line text field: React Aria links the description and errors to it. */
import type { ReactNode } from 'react';
import { FieldError, Label, Text, TextArea, TextField, type TextFieldProps } from 'react-aria-components';

export interface TextAreaFieldProps extends Omit<TextFieldProps, 'children' | 'className'> {
  label: string;
  description?: ReactNode;
  rows?: number;
  /** The language of what is typed, when it is not the app's (spell checking, screen readers). */
  lang?: string;
}

export function TextAreaField({ label, description, rows = 3, lang, ...props }: TextAreaFieldProps) {
  return (
    <TextField {...props} className="field">
      <Label className="field-label">{label}</Label>
      <TextArea className="field-input field-textarea" rows={rows} lang={lang} />
      {description ? (
        <Text slot="description" elementType="div" className="field-description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field-error" />
    </TextField>
  );
}
