/**
 * Native form validation for the plain inputs React Aria has no field for (select, date, checkbox
 * groups): the browser's own rules plus an optional custom message decide validity, the message
 * shows beside the field (not as a browser bubble) once a submit found it, and follows each edit.
 * Mirrors what React Aria's fields do, so a form mixing both behaves as one.
 */
import { useLayoutEffect, useRef, useState } from 'react';

type Validatable = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export function useNativeValidity<T extends Validatable>(customError: string | null | undefined) {
  const ref = useRef<T>(null);
  const [shown, setShown] = useState<string | null>(null);

  // After every render (each edit is one): the element's validity must match what is on screen
  // before a submit reads it, and a message already shown follows the value as it changes.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.setCustomValidity(customError ?? '');
    if (shown !== null) {
      const now = element.validity.valid ? null : element.validationMessage;
      if (now !== shown) setShown(now);
    }
  });

  function onInvalid(event: React.InvalidEvent<T>) {
    const element = event.currentTarget;
    setShown(element.validationMessage);
    if (element.form && firstInvalid(element.form) === element) element.focus();
    // No browser bubble: the message is shown beside the field and read with it.
    event.preventDefault();
  }

  return { ref, error: shown, onInvalid };
}

function firstInvalid(form: HTMLFormElement): Element | null {
  for (const element of Array.from(form.elements)) {
    if ('validity' in element && !(element as Validatable).validity.valid) return element;
  }
  return null;
}

/** Joins the ids a control is described by, skipping the absent ones. */
export function describedBy(...ids: unknown[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length ? present.join(' ') : undefined;
}
