/**
 * Electron's main process loads no SQLite and no services (ARCHITECTURE: the service host is the one
 * process that holds the key and runs SQL). Checked on the build itself: out/main/main.js and every
 * local chunk it reaches, statically or by `import()`. The walker is first shown to catch a graph
 * that would load SQLite through a lazy chunk, so a pass means something.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/vault';
import { packageName, walkModuleGraph } from './module-graph';

const MAIN = resolve('out/main/main.js');
/** What only the service host may load. */
const HOST_ONLY_PACKAGES = ['better-sqlite3', 'drizzle-orm', '@node-rs/argon2'];
const HOST_ONLY_SOURCES = [
  'src-main/services/',
  'src-main/vault/',
  'src-main/reports/',
  'src-main/api/',
  'src-main/workers/pool',
  'db/',
  'node_modules/drizzle-orm/',
];

function hostOnlyIn(entry: string): string[] {
  const graph = walkModuleGraph(entry);
  return [
    ...[...graph.packages].filter((specifier) => HOST_ONLY_PACKAGES.includes(packageName(specifier))),
    ...[...graph.bundled].filter((source) => HOST_ONLY_SOURCES.some((prefix) => source.startsWith(prefix))),
  ];
}

describe('the walker', () => {
  it('finds SQLite imported by a chunk that a chunk loads lazily, and a service bundled into one', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'main.js'), `import { a } from "./shared-1.js";\nimport { app } from "electron";\n`);
    writeFileSync(join(dir, 'shared-1.js'), `export const a = () => import("./late-2.js");\n`);
    writeFileSync(join(dir, 'late-2.js'), `import Database from "better-sqlite3";\nexport * from './leaf-3.js';\n`);
    writeFileSync(join(dir, 'leaf-3.js'), `// src-main/services/students/students.ts\nexport const b = 1;\n`);
    const graph = walkModuleGraph(join(dir, 'main.js'));
    expect(graph.files.map((file) => relative(dir, file))).toEqual(['main.js', 'shared-1.js', 'late-2.js', 'leaf-3.js']);
    expect(hostOnlyIn(join(dir, 'main.js'))).toEqual(['better-sqlite3', 'src-main/services/students/students.ts']);
  });

  it('passes a graph without them', () => {
    const dir = join(tempDir(), 'clean');
    mkdirSync(dir);
    writeFileSync(join(dir, 'main.js'), `import { app } from "electron";\n// src-main/shell/start.ts\n`);
    expect(hostOnlyIn(join(dir, 'main.js'))).toEqual([]);
  });
});

describe('out/main/main.js', () => {
  it('loads no SQLite, no drizzle, no Argon2 and bundles no services, vault or dispatch code', () => {
    if (!existsSync(MAIN)) throw new Error('out/main/main.js is missing. Build first: npx electron-vite build (npm test does this).');
    const graph = walkModuleGraph(MAIN);
    // The walker saw the shell itself, so an empty answer below is not a misread bundle.
    expect(graph.bundled).toContain('src-main/shell/start.ts');
    expect(graph.packages).toContain('electron');
    expect(hostOnlyIn(MAIN)).toEqual([]);
  });
});
