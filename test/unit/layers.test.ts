/**
 * The layer check (scripts/check-layers.mjs) on a tiny table and its files (test/fixtures/layers):
 * a crossing is reported with file:line, an allowed import passes, a file in no layer is an error,
 * an allow-listed crossing that vanished is an error, and the docs are written from the table.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BEGIN,
  checkLayers,
  docs,
  END,
  type LayerTable,
  layerOf,
  loadTable,
  packageOf,
  parseImports,
} from '../../scripts/check-layers.mjs';

const repo = join(import.meta.dirname, '../..');
const root = join(repo, 'test/fixtures/layers');
const fixture = () => loadTable(root);

describe('the layer check on the fixture', () => {
  const { errors, warnings } = checkLayers({ root, table: fixture() });
  const lines = errors.map((e) => `${e.file}:${e.line} ${e.message}`);

  it('reports a crossing with its file and line', () => {
    expect(lines).toContain('core/bad.ts:3 imports ../ui/view (layer core may not import layer ui)');
  });

  it('reports a package the layer may not import', () => {
    expect(lines).toContain('core/node.ts:2 imports node:fs (layer core may not import package node:fs)');
  });

  it('lets an allowed import pass: ui → core, a package ui may use, and types of core from anywhere', () => {
    expect(errors.filter((e) => e.file.startsWith('ui/') || e.file === 'core/value.ts')).toEqual([]);
  });

  it('calls a file in no layer an error', () => {
    expect(lines).toContain('stray.ts:1 is in no layer: add it to the table (layers.json)');
  });

  it('warns about an allow-listed crossing, static and dynamic, with its reason', () => {
    expect(warnings.map((w) => `${w.file}:${w.line}`)).toEqual(['legacy/old.ts:2', 'legacy/old.ts:5']);
    expect(warnings[0]?.message).toContain('allowed for now: issue 99: legacy split');
  });

  it('calls an allow-listed crossing that no longer happens an error, at its line in the table', () => {
    expect(lines).toContain(
      'layers.json:12 allowed crossing legacy/gone.ts → layer ui no longer happens: remove it from "allowed" (node scripts/check-layers.mjs --prune)',
    );
  });

  it('finds nothing else', () => {
    expect(errors).toHaveLength(4);
  });

  it('refuses a type import unless the table gives the types of that layer to everyone', () => {
    const read = () => "import type { Shown } from '../ui/types';\nexport type T = Shown;\n";
    const strict = checkLayers({ root, table: fixture(), files: ['core/typed.ts'], read });
    expect(strict.errors.map((e) => `${e.file}:${e.line} ${e.message}`)).toEqual([
      'core/typed.ts:1 imports ../ui/types (layer core may not import layer ui, not even its types)',
    ]);
    const lenient: LayerTable = { ...fixture(), typesFromAnywhere: ['core', 'ui'] };
    expect(checkLayers({ root, table: lenient, files: ['core/typed.ts'], read }).errors).toEqual([]);
  });

  it('reports an import that resolves to no file', () => {
    const { errors: missing } = checkLayers({ root, table: fixture(), files: ['ui/gone.ts'], read: () => "import './nowhere';\n" });
    expect(missing.map((e) => `${e.file}:${e.line} ${e.message}`)).toContain('ui/gone.ts:1 imports ./nowhere, which resolves to no file');
  });
});

describe('reading imports', () => {
  it('finds static, type-only, re-exported, dynamic and glob imports with their lines', () => {
    const source = [
      "import type { A } from './a';",
      "import { b, type C } from './b';",
      "export * from './c';",
      "export type { D } from './d';",
      "const e = await import('./e');",
      'const f = import(somewhere);',
      "const g = import.meta.glob<{ default: string }>('./g/*.json', { eager: true });",
      "import font from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?inline';",
    ].join('\n');
    expect(parseImports('x.ts', source)).toEqual([
      { specifier: './a', line: 1, typeOnly: true, kind: 'import' },
      { specifier: './b', line: 2, typeOnly: false, kind: 'import' },
      { specifier: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?inline', line: 8, typeOnly: false, kind: 'import' },
      { specifier: './c', line: 3, typeOnly: false, kind: 'export' },
      { specifier: './d', line: 4, typeOnly: true, kind: 'export' },
      { specifier: './e', line: 5, typeOnly: false, kind: 'dynamic' },
      { specifier: './g/*.json', line: 7, typeOnly: false, kind: 'glob' },
    ]);
  });

  it('counts lines right after non-ASCII text (offsets are UTF-16)', () => {
    const source = "// ——— é ü 日本語 ———\nconst e = import('./e');\n";
    expect(parseImports('x.ts', source)).toEqual([{ specifier: './e', line: 2, typeOnly: false, kind: 'dynamic' }]);
  });

  it('names packages and Node built-ins', () => {
    expect(['fs', 'node:fs/promises', '@zxcvbn-ts/core', 'drizzle-orm/sqlite-core', 'x?raw'].map(packageOf)).toEqual([
      'node:fs',
      'node:fs',
      '@zxcvbn-ts/core',
      'drizzle-orm',
      'x',
    ]);
  });

  it('puts a file in the layer of its most specific glob', () => {
    const table = loadTable(repo);
    expect(layerOf(table, 'src-main/services/progress-rules/trend.ts')?.name).toBe('rules');
    expect(layerOf(table, 'src-main/services/names/scrub.ts')?.name).toBe('rules');
    expect(layerOf(table, 'src-main/host/client.ts')?.name).toBe('host-client');
    expect(layerOf(table, 'src-main/host/entry.ts')?.name).toBe('host');
    expect(layerOf(table, 'src-main/services/students/students.ts')?.name).toBe('services');
    expect(layerOf(table, 'src-main/api/handlers/staff.ts')?.name).toBe('handlers');
    expect(layerOf(table, 'src-main/api/dispatch.ts')?.name).toBe('api');
    expect(layerOf(table, 'src-main/main.ts')?.name).toBe('shell');
  });
});

describe('the docs written from the table', () => {
  it('fills the block between the markers and keeps the prose around it', () => {
    const readme = docs({ root, table: fixture() }).find((d) => d.path === 'README.md');
    expect(readme?.wanted).toContain('Prose before the markers stays.');
    expect(readme?.wanted).toContain('Prose after them stays too.');
    expect(readme?.wanted).toContain('core/    plain rules');
    expect(readme?.wanted).toContain('| ui | core | `node:path` |');
    expect(readme?.wanted).toContain('- issue 99: legacy split: `legacy/old.ts` → ui; `legacy/gone.ts` → ui');
    const core = docs({ root, table: fixture() }).find((d) => d.path === 'core/README.md');
    expect(core?.wanted).toBe(
      `# core\n\n${BEGIN}\nMay import: no other layer. Packages: \`zod\`.\n\n(Written from \`layers.json\` by \`npm run layers:docs\`; \`npm run lint\` checks it.)\n${END}\n`,
    );
  });

  it('sees the fixture docs up to date, and out of date once the table changes', () => {
    expect(docs({ root, table: fixture() }).filter((d) => d.wanted !== d.current)).toEqual([]);
    const changed = fixture();
    changed.layers = changed.layers.map((l) => (l.name === 'core' ? { ...l, mayImport: ['ui'] } : l));
    const stale = docs({ root, table: changed }).filter((d) => d.wanted !== d.current);
    expect(stale.map((d) => d.path).sort()).toEqual(['README.md', 'core/README.md']);
    expect(stale.find((d) => d.path === 'core/README.md')?.wanted).toContain('May import: ui (`ui`)');
  });
});

describe('the real table (layers.json)', () => {
  const table = loadTable(repo);
  const check = (file: string, source: string) =>
    checkLayers({ root: repo, table, files: [file], read: () => source }).errors.map((e) => e.message);

  it('keeps the rules biome.json used to hold: the contract imports zod only', () => {
    expect(check('src-main/contract/x.ts', "import { z } from 'zod';\nexport const X = z.string();\n")).toEqual([]);
    expect(check('src-main/contract/x.ts', "import { readFileSync } from 'node:fs';\n")).toEqual([
      'imports node:fs (layer contract may not import package node:fs)',
    ]);
    expect(check('src-main/contract/x.ts', "import { students } from '../services/students/students';\n")).toEqual([
      'imports ../services/students/students (layer contract may not import layer services)',
    ]);
  });

  it('the renderer imports the contract and its own packages, never Node, Electron or the rest of src-main', () => {
    const file = 'src-renderer/src/screens/x.tsx';
    expect(check(file, "import { MISS_REASONS } from '../../../src-main/contract';\nimport { useState } from 'react';\n")).toEqual([]);
    expect(check(file, "import { ipcRenderer } from 'electron';\n")).toEqual([
      'imports electron (layer renderer/screens may not import package electron)',
    ]);
    expect(check(file, "import { join } from 'node:path';\n")).toEqual([
      'imports node:path (layer renderer/screens may not import package node:path)',
    ]);
    expect(check(file, "import type { Trend } from '../../../src-main/services/progress-rules/trend';\n")).toEqual([
      'imports ../../../src-main/services/progress-rules/trend (layer renderer/screens may not import layer rules, not even its types)',
    ]);
  });

  it('inside the renderer: components never import screens; the contract (its calendar) they may', () => {
    const file = 'src-renderer/src/components/x.tsx';
    expect(check(file, "import type { StaffRole } from '../../../src-main/contract';\n")).toEqual([]);
    expect(check(file, "import { addDays } from '../../../src-main/contract/calendar';\n")).toEqual([]);
    expect(check(file, "import { StudentList } from '../screens/students/StudentList';\n")).toHaveLength(1);
  });

  it('the shell reaches the service host only through its client, so no SQLite enters the main process', () => {
    const file = 'src-main/shell/x.ts';
    expect(check(file, "import { connectHost } from '../host/client';\n")).toEqual([]);
    expect(check(file, "import { startHostThread } from '../host/thread';\n")).toEqual([
      'imports ../host/thread (layer shell may not import layer host)',
    ]);
    expect(check(file, "import { createPeerpath } from '../api/app';\n")).toHaveLength(1);
  });

  it('only the shell and the preload import Electron', () => {
    for (const file of [
      'src-main/services/x.ts',
      'src-main/vault/x.ts',
      'src-main/reports/x.ts',
      'src-main/workers/x.ts',
      'src-main/api/x.ts',
    ]) {
      expect(check(file, "import { app } from 'electron';\n")).toHaveLength(1);
    }
    expect(check('src-main/shell/x.ts', "import { app } from 'electron';\n")).toEqual([]);
    expect(check('src-main/preload.ts', "import { contextBridge } from 'electron';\n")).toEqual([]);
  });

  it('the pure renderer of documents may not reach services or the database', () => {
    expect(check('src-main/reports/pdf/x.ts', "import { trend } from '../../services/progress-rules/trend';\n")).toEqual([]);
    expect(check('src-main/reports/pdf/x.ts', "import { staff } from '../../../db/schema';\n")).toEqual([
      'imports ../../../db/schema (layer reports may not import layer db)',
    ]);
  });
});
