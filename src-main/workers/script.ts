/**
 * Which file a worker thread starts from. Built (Electron, the CLI): `task-worker.js`, an entry of the
 * same electron-vite build, beside the module that asks (electron.vite.config.ts keeps out/main flat).
 * From the TypeScript sources (vitest, the e2e host): `from-source.ts`, which bundles `entry.ts` with
 * Vite as the app build does (`import.meta.glob`, `?inline` fonts, extensionless imports: what a plain
 * TypeScript loader could not run) and starts that, so tests run the very same modules.
 */
import { fileURLToPath } from 'node:url';

export interface WorkerScript {
  url: URL;
  workerData?: { root: string; entry: string };
}

export function workerScript(): WorkerScript {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { url: new URL('task-worker.js', here) };
  return {
    url: new URL('from-source.ts', here),
    workerData: { root: fileURLToPath(new URL('../..', here)), entry: fileURLToPath(new URL('entry.ts', here)) },
  };
}
