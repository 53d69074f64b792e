/**
 * Where the user is, kept in the URL hash as `#/section/param/…` (e.g. `#/students/<id>`): it works
 * the same under Electron's app:// protocol and the test host's http://, and needs no history API.
 */
import { useMemo, useSyncExternalStore } from 'react';

export const SECTIONS = ['caseload', 'students', 'mentors', 'reports', 'team', 'data', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

export interface Route {
  section: Section;
  /** The segments after the section, decoded: `#/students/abc/edit` → ['abc', 'edit']. */
  params: string[];
}

export function routeHref(section: Section, ...params: string[]): string {
  return `#/${[section, ...params.map(encodeURIComponent)].join('/')}`;
}

/** Kept for links to a whole section. */
export const sectionHref = (section: Section) => routeHref(section);

export function navigate(section: Section, ...params: string[]): void {
  window.location.hash = routeHref(section, ...params);
}

export function parseRoute(hash: string): Route {
  const [name = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  const section = SECTIONS.find((candidate) => candidate === name);
  if (!section) return { section: 'students', params: [] };
  return { section, params: rest.filter(Boolean).map((segment) => decodeURIComponent(segment)) };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => parseRoute(hash), [hash]);
}
