/**
 * A guardian's preferred language: English and Spanish by name (the parent reports' languages), any
 * other as a language code, shown by its name wherever the browser knows it.
 */
import { useTranslation } from 'react-i18next';

export const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const NAMED_LANGUAGES = ['en', 'es'] as const;
export type LanguageChoice = (typeof NAMED_LANGUAGES)[number] | 'other';

export function languageChoice(code: string): LanguageChoice {
  return code === 'en' || code === 'es' ? code : 'other';
}

export function useLanguageName(): (code: string) => string {
  const { i18n } = useTranslation();
  const names = new Intl.DisplayNames([i18n.language], { type: 'language', fallback: 'code' });
  return (code) => {
    if (!LANGUAGE_CODE.test(code)) return code;
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  };
}
