/**
 * The parts every native field (date, select) shares: ids, the validity from useNativeValidity,
 * the aria attributes that tie the description and the error to the control, and the two lines
 * shown under it.
 */
import { type ReactNode, useId } from 'react';
import { describedBy, useNativeValidity } from './native-validity';

type Control = HTMLInputElement | HTMLSelectElement;

export interface NativeFieldOptions {
  description?: ReactNode;
  customError?: string | null;
  'aria-describedby'?: string;
}

export function useNativeField<T extends Control>(options: NativeFieldOptions) {
  const id = useId();
  const descriptionId = useId();
  const errorId = useId();
  const validity = useNativeValidity<T>(options.customError);
  return {
    /** Spread onto the control. */
    control: {
      ref: validity.ref,
      id,
      'aria-invalid': validity.error ? true : undefined,
      'aria-describedby': describedBy(options.description && descriptionId, validity.error && errorId, options['aria-describedby']),
      onInvalid: validity.onInvalid,
    },
    /** Rendered after the control. */
    help: (
      <>
        {options.description ? (
          <div id={descriptionId} className="field-description">
            {options.description}
          </div>
        ) : null}
        {validity.error ? (
          <p id={errorId} className="field-error">
            {validity.error}
          </p>
        ) : null}
      </>
    ),
  };
}
