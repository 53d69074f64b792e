/**
 * The document renderer (src-main/reports) is pure: view models, redaction, wording, i18n and
 * drawing over plain data. It imports the contract, its own files, a short list of pure rule
 * modules and its drawing libraries — never a service that reads the vault, never db/, never
 * Electron — so the worker's `reports.render` task loads no database code. The pure rule modules
 * it may import must themselves import only the contract.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const REPORTS = join(ROOT, 'src-main/reports');

/** Pure rule modules of services/ the renderer may use (no database, no Node). */
const PURE_RULES = ['src-main/services/names/scrub.ts', 'src-main/services/names/fold.ts', 'src-main/services/plans/plan-rules.ts'];
const PACKAGES = ['pdfkit', 'fontkit', 'i18next', 'zod', 'node:crypto', 'bidi-js', 'dejavu-fonts-ttf/', '@expo-google-fonts/noto-sans-'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'/g)].map((match) => match[1] ?? '');
}

/** Where an import leads, relative to the repository ("src-main/contract/index.ts" style, extension-less for folders). */
function target(file: string, specifier: string): string {
  return relative(ROOT, resolve(dirname(file), specifier));
}

describe('the document renderer’s layer', () => {
  it('imports only the contract, its own files, the pure rules and its drawing libraries', () => {
    const crossings: string[] = [];
    for (const file of files(REPORTS)) {
      for (const specifier of imports(file)) {
        if (!specifier.startsWith('.')) {
          if (!PACKAGES.some((name) => specifier === name || specifier.startsWith(name)))
            crossings.push(`${relative(ROOT, file)} → ${specifier}`);
          continue;
        }
        const to = target(file, specifier);
        const allowed =
          to.startsWith('src-main/reports/') ||
          to === 'src-main/contract' ||
          to.startsWith('src-main/contract/') ||
          PURE_RULES.includes(`${to}.ts`);
        if (!allowed) crossings.push(`${relative(ROOT, file)} → ${to}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it('the pure rules it uses import only the contract and their own folder (its word lists)', () => {
    const crossings = PURE_RULES.flatMap((rule) =>
      imports(join(ROOT, rule))
        .map((specifier) => target(join(ROOT, rule), specifier))
        .filter((to) => to !== 'src-main/contract' && !to.startsWith('src-main/contract/') && !to.startsWith(`${dirname(rule)}/`))
        .map((to) => `${rule} → ${to}`),
    );
    expect(crossings).toEqual([]);
  });
});
