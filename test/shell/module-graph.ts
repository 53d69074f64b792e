/**
 * Walks a built ES module's graph through the local files it imports (statically, `export … from`,
 * or by `import()`), and says which packages the graph loads and which source modules were bundled
 * into it (the build is not minified, and keeps a `// <path>` line above each module it inlines).
 * Used by main-bundle.test.ts to prove Electron's main process loads no SQLite.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface ModuleGraph {
  /** Local files reached, the entry first. */
  files: string[];
  /** Bare specifiers imported anywhere in the graph (packages and `node:` built-ins). */
  packages: Set<string>;
  /** Source paths bundled into the graph's files, e.g. `src-main/shell/start.ts`, `node_modules/drizzle-orm/entity.js`. */
  bundled: Set<string>;
}

const IMPORTS = [
  /\bimport\s*(?:[\w*{}\s,$]+\s*from\s*)?["']([^"']+)["']/g,
  /\bexport\s*[\w*{}\s,$]+\s*from\s*["']([^"']+)["']/g,
  /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
];
const BUNDLED = /^\/\/ ((?:src-main|db|node_modules)\/\S+)$/gm;

export function walkModuleGraph(entry: string): ModuleGraph {
  const graph: ModuleGraph = { files: [], packages: new Set(), bundled: new Set() };
  const queue = [resolve(entry)];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (graph.files.includes(file)) continue;
    graph.files.push(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(BUNDLED)) graph.bundled.add(match[1] as string);
    for (const pattern of IMPORTS) {
      for (const match of code.matchAll(pattern)) {
        const specifier = match[1] as string;
        if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier));
        else graph.packages.add(specifier);
      }
    }
  }
  return graph;
}

/** The package a specifier names: `@scope/name` or `name`, without a subpath. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}
