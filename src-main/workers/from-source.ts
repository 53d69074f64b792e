/**
 * A thread's first file when Peerpath runs from its TypeScript sources (vitest, the e2e host); never
 * part of a build. Node runs this file itself (type stripping: hence no relative imports here). It
 * bundles the two thread entries (the worker threads' `entry.ts` and the service host's) together,
 * as the app build does, so a host thread finds `task-worker.js` beside itself (the same transforms:
 * `import.meta.glob`, the `?inline` fonts; drizzle-orm and zod bundled, the other dependencies loaded
 * from node_modules), and imports the entry it was started for. Loading the sources module by module in each thread took about eight
 * seconds; a bundle starts in under one. Bundles are kept under node_modules/.cache, one per state
 * of the sources, so threads and test processes share the first one's work.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { threadId, workerData } from 'node:worker_threads';

const { root, entry } = workerData as { root: string; entry: string };
const CACHE = join(root, 'node_modules/.cache/peerpath-threads');
/** The build's entries for threads (electron.vite.config.ts), by output name. */
const ENTRIES: Record<string, string> = {
  'task-worker': 'src-main/workers/entry.ts',
  'service-host': 'src-main/host/entry.ts',
};
const SOURCES = ['src-main', 'db', 'package-lock.json'];
/** Older bundles are removed once nothing can still be loading their lazy chunks. */
const KEEP_OLD_MS = 60 * 60_000;

function hashSources(): string {
  const hash = createHash('sha256');
  const add = (path: string): void => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
    } else {
      hash.update(path).update(readFileSync(path));
    }
  };
  for (const source of SOURCES) add(join(root, source));
  return hash.digest('hex').slice(0, 16);
}

async function bundle(outDir: string): Promise<void> {
  // Only when building: loading Vite costs a thread about a second.
  const { build } = await import('vite');
  await build({
    configFile: false,
    root,
    logLevel: 'error',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node22',
      rollupOptions: {
        input: Object.fromEntries(Object.entries(ENTRIES).map(([name, path]) => [name, join(root, path)])),
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
    ssr: { noExternal: ['drizzle-orm', 'zod'] },
  });
}

function pruneOld(current: string): void {
  for (const name of readdirSync(CACHE)) {
    const path = join(CACHE, name);
    if (name !== current && Date.now() - statSync(path).mtimeMs > KEEP_OLD_MS) rmSync(path, { recursive: true, force: true });
  }
}

async function start(): Promise<void> {
  const version = hashSources();
  const dir = join(CACHE, version);
  if (!existsSync(join(dir, `${entry}.js`))) {
    mkdirSync(CACHE, { recursive: true });
    const building = join(CACHE, `${version}.building-${process.pid}-${threadId}`);
    await bundle(building);
    try {
      renameSync(building, dir);
    } catch {
      // Another thread finished the same bundle first; theirs is as good.
      rmSync(building, { recursive: true, force: true });
    }
    pruneOld(version);
  }
  await import(pathToFileURL(join(dir, `${entry}.js`)).href);
}

try {
  await start();
} catch (error) {
  // The pool reports a dead thread by the error's kind only; a developer needs the whole error (a
  // compile error in the sources, not student data), so it is shown here.
  console.error(`[peerpath] a thread (${entry}) could not start from the sources:`, error);
  throw error;
}
