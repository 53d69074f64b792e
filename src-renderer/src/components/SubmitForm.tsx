/**
 * The form kit's one guard against saving twice, in two layers:
 * - a second submit (a double click on Save, Enter pressed twice) while the first is still running —
 *   including the refresh and closing that follow a save — is ignored;
 * - every submission carries a `requestId` that the create channels honour (contract/request-id.ts):
 *   the same content sent again — a click that came just after the first save finished, a retried
 *   call — is answered by the service host with the first answer, without writing again. The key
 *   stays until a field of the form changes, so one filled-in form is at most one record.
 */
import { type FormEvent, type ReactNode, type Ref, useCallback, useRef } from 'react';
import { Form, type FormProps } from 'react-aria-components';

export interface SubmitFormProps extends Omit<FormProps, 'onSubmit' | 'children'> {
  children: ReactNode;
  /** The submission: send `requestId` with a create; return the promise (`mutateAsync`) so the guard holds until it settles. */
  onSubmit: (requestId: string) => Promise<unknown> | undefined;
  ref?: Ref<HTMLFormElement>;
}

export function SubmitForm({ onSubmit, children, ref, ...props }: SubmitFormProps) {
  const running = useRef(false);
  const requestId = useRef<string | null>(null);
  // Any field changing (typed, ticked, chosen) makes the next submission a new request.
  const listen = useCallback(
    (form: HTMLFormElement | null) => {
      setRef(ref, form);
      if (!form) return;
      const edited = () => {
        requestId.current = null;
      };
      form.addEventListener('input', edited, true);
      form.addEventListener('change', edited, true);
      return () => {
        form.removeEventListener('input', edited, true);
        form.removeEventListener('change', edited, true);
        setRef(ref, null);
      };
    },
    [ref],
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (running.current) return;
    running.current = true;
    requestId.current ??= newRequestId();
    const settle = () => {
      running.current = false;
    };
    try {
      const pending = onSubmit(requestId.current);
      // A refusal is shown by the form (the mutation's error); the guard only needs to know it ended.
      if (pending) pending.then(settle, settle);
      else settle();
    } catch (error) {
      settle();
      throw error;
    }
  };
  return (
    <Form {...props} ref={listen} onSubmit={submit}>
      {children}
    </Form>
  );
}

/** A random (version 4) UUID; `crypto.randomUUID` needs a secure context, `getRandomValues` does not. */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function setRef(ref: Ref<HTMLFormElement> | undefined, form: HTMLFormElement | null): void {
  if (typeof ref === 'function') ref(form);
  else if (ref) ref.current = form;
}
