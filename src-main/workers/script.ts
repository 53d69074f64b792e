/**
 * Which file a thread starts from: a worker thread (`task-worker`, workers/entry.ts) or the service
 * host run as a thread (`service-host`, host/entry.ts). Built (Electron, the CLI): `<name>.js`, an
 * entry of the same electron-vite build, beside the module that asks (electron.vite.config.ts keeps
 * out/main flat). From the TypeScript sources (vitest, the e2e host): `from-source.ts`, which bundles
 * both entries with Vite as the app build does (`import.meta.glob`, `?inline` fonts, extensionless
 * imports: what a plain TypeScript loader could not run) and starts the one asked for, so tests run
 * the very same modules.
 */
import { fileURLToPath } from 'node:url';

export type ThreadEntry = 'task-worker' | 'service-host';

export interface WorkerScript {
  url: URL;
  workerData?: { root: string; entry: ThreadEntry };
}

export function threadScript(entry: ThreadEntry): WorkerScript {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { url: new URL(`${entry}.js`, here) };
  return { url: new URL('from-source.ts', here), workerData: { root: fileURLToPath(new URL('../..', here)), entry } };
}

/** The worker threads' entry (pool.ts). */
export function workerScript(): WorkerScript {
  return threadScript('task-worker');
}
