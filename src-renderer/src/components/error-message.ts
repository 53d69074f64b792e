/** Turns whatever a call threw into words for the person at the keyboard, from the UI's own catalog. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api-client/client';

export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unreachable');
  switch (error.code) {
    case 'rate_limited':
      return t('errors.rate_limited', { seconds: Math.ceil((error.body.retryAfterMs ?? 1000) / 1000) });
    case 'weak_passphrase':
      // The service lists what is wrong with the passphrase; the catalog has no finer codes for it.
      return t('errors.weak_passphrase', { detail: error.message });
    case 'not_permitted':
    case 'student_not_in_reach':
    case 'last_manager':
      // The refusal names the role and who may do it instead: the service's words are the useful ones.
      return error.message;
    default:
      return t(`errors.${error.code}`);
  }
}

export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => errorMessage(t, error);
}
