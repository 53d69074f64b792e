/**
 * UI strings. Every catalog in ./locales is bundled; adding a language is adding a folder `xx/`
 * there with the same files as `en/` (a folder with only some of them serves only those screens). English is the reference: its shape types every `t('…')` key
 * (see catalog.ts).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });

const resources: Record<string, { translation: Record<string, unknown> }> = {};
const filesOf = new Map<string, Set<string>>();
for (const [path, file] of Object.entries(files)) {
  const [language = 'en', name = ''] = path.split('/').slice(-2);
  resources[language] ??= { translation: {} };
  Object.assign(resources[language].translation, file.default);
  filesOf.set(language, (filesOf.get(language) ?? new Set()).add(name));
}

/**
 * Languages the whole app can speak: every file English has. A language with only some screens
 * (Spanish for the meeting screens a parent sees) is used there by name, never as the app's language.
 */
const COMPLETE = [...filesOf]
  .filter(([, names]) => [...(filesOf.get('en') ?? [])].every((name) => names.has(name)))
  .map(([language]) => language);

export function setUpI18n(preferred: readonly string[] = navigator.languages): typeof i18next {
  // Catalogs are bundled, so initialisation is synchronous and the first paint is already translated.
  i18next.use(initReactI18next).init({
    resources,
    lng: preferred.map((tag) => tag.split('-')[0] ?? tag).find((language) => COMPLETE.includes(language)) ?? 'en',
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}
