/**
 * The app's sections, kept in the URL hash: it works the same under Electron's app:// protocol and
 * the test host's http://, and needs no history API or server fallback.
 */
import { useSyncExternalStore } from 'react';

export const SECTIONS = ['students', 'mentors', 'reports', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

export function sectionHref(section: Section): string {
  return `#/${section}`;
}

function currentSection(): Section {
  const name = window.location.hash.replace(/^#\/?/, '');
  return SECTIONS.find((section) => section === name) ?? 'students';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useSection(): Section {
  return useSyncExternalStore(subscribe, currentSection);
}
