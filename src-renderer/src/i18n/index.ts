/**
 * UI strings. Every catalog in ./locales is bundled; adding a language is adding `xx.json` there.
 * The English catalog is the reference: its shape types every `t('…')` key (see i18next.d.ts).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type en from './locales/en.json';

const catalogs = import.meta.glob<{ default: typeof en }>('./locales/*.json', { eager: true });

const resources = Object.fromEntries(
  Object.entries(catalogs).map(([path, catalog]) => [path.replace(/^.*\/|\.json$/g, ''), { translation: catalog.default }]),
);

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
