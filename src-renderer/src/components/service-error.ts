/**
 * Words for a failed call on the record screens. The services write their refusals for the person at
 * the keyboard ("Another student already has student number 1042."), so those are shown as they are;
 * transport and vault failures (locked, internal, unreachable) keep the catalog's wording.
 */
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../src-main/contract';
import { ApiError } from '../api-client/client';
import { errorMessage } from './error-message';

const SERVICE_WORDED: ReadonlySet<ErrorCode> = new Set([
  'invalid_input',
  'conflict',
  'forbidden',
  'not_found',
  'not_permitted',
  'student_not_in_reach',
  'last_manager',
]);

export function useServiceError(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => (error instanceof ApiError && SERVICE_WORDED.has(error.code) ? error.message : errorMessage(t, error));
}

export function errorCode(error: unknown): ErrorCode | null {
  return error instanceof ApiError ? error.code : null;
}
