/**
 * UI strings. Every catalog in ./locales is bundled; adding a language is adding a folder `xx/`
 * there with the same files as `en/`. English is the reference: its shape types every `t('…')` key
 * (see catalog.ts).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });

const resources: Record<string, { translation: Record<string, unknown> }> = {};
for (const [path, file] of Object.entries(files)) {
  const language = path.split('/').at(-2) ?? 'en';
  resources[language] ??= { translation: {} };
  Object.assign(resources[language].translation, file.default);
}

export function setUpI18n(preferred: readonly string[] = navigator.languages): typeof i18next {
  // Catalogs are bundled, so initialisation is synchronous and the first paint is already translated.
  i18next.use(initReactI18next).init({
    resources,
    lng: preferred.map((tag) => tag.split('-')[0] ?? tag).find((language) => language in resources) ?? 'en',
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}
