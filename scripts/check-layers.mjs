/**
 * The layer check: which folder may import which, from one table (layers.json), after VS Code's
 * `local/code-layering` lint rule. `npm run lint` runs it after Biome.
 *
 *   node scripts/check-layers.mjs               every import of every .ts/.tsx/.mts/.mjs/.js file checked; exit 1 on a crossing
 *   node scripts/check-layers.mjs --write-docs  rewrites the marked parts of README.md and the layers' READMEs (npm run layers:docs)
 *   node scripts/check-layers.mjs --prune       drops the allowed crossings that no longer happen from layers.json, then writes the docs
 *   node scripts/check-layers.mjs --verbose     lists every allowed crossing's import, not one line per file
 *
 * Imports are read with a real parser (oxc, through rolldown's `parseSync`, which Vite already
 * installs): static imports, `export … from`, dynamic `import('…')` with a literal specifier,
 * `import.meta.glob('…')`, and `import type` (a type still couples two layers; the table names the
 * layers any file may import types from). Relative specifiers are resolved to a file or folder and
 * mapped to its layer (the most specific glob wins); bare ones are packages, checked against the
 * layer's `packages`. A file in no layer is an error, and so is an import that resolves to nothing.
 * `allowed` lists today's known crossings, each with what it waits on: they print as warnings, and
 * one that no longer happens is an error, so the list only shrinks.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseSync } from 'rolldown/utils';

const CODE = /\.(ts|tsx|mts|cts|mjs|cjs|js|jsx)$/;
const RESOLVE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.mjs', '.js', '.d.ts', '.d.mts', '.json'];
const BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));
export const BEGIN = '<!-- layers:begin -->';
export const END = '<!-- layers:end -->';

// ---------------------------------------------------------------- the table

export function loadTable(root, file = 'layers.json') {
  const source = readFileSync(join(root, file), 'utf8');
  const table = JSON.parse(source);
  Object.defineProperty(table, '$source', { value: source, enumerable: false });
  const names = new Set();
  for (const layer of table.layers) {
    if (names.has(layer.name)) throw new Error(`${file}: layer ${layer.name} is named twice`);
    names.add(layer.name);
  }
  for (const layer of table.layers) {
    for (const other of [...layer.mayImport, ...(layer.mayImportTypes ?? [])]) {
      if (other !== '*' && !names.has(other)) throw new Error(`${file}: layer ${layer.name} may import ${other}, which is not a layer`);
    }
  }
  for (const name of table.typesFromAnywhere ?? []) {
    if (!names.has(name)) throw new Error(`${file}: typesFromAnywhere names ${name}, which is not a layer`);
  }
  for (const group of table.allowed ?? []) {
    if (!group.waitingOn || !group.crossings)
      throw new Error(`${file}: every allowed group needs waitingOn and crossings: ${JSON.stringify(group)}`);
  }
  Object.defineProperty(table, '$file', { value: file, enumerable: false });
  return table;
}

/** A glob (`**` any depth, `*` within one name) as a RegExp over /-separated relative paths. */
export function globToRegExp(glob) {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else out += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** How specific a glob is: the length of its literal start. `src-main/api/handlers/**` beats `src-main/api/*`. */
function specificity(glob) {
  const star = glob.indexOf('*');
  return star === -1 ? glob.length + 1000 : star;
}

/**
 * The allow-list flattened: `{ from, to, waitingOn }` for a layer, `{ from, package, waitingOn }` for
 * a package (a name in a file's list that is not a layer is a package glob).
 */
export function allowedCrossings(table) {
  const names = new Set(table.layers.map((l) => l.name));
  return (table.allowed ?? []).flatMap(({ waitingOn, crossings }) =>
    Object.entries(crossings).flatMap(([from, targets]) =>
      targets.map((t) => (names.has(t) ? { from, to: t, waitingOn } : { from, package: t, waitingOn })),
    ),
  );
}

/** In a package glob `*` also crosses a scope's `/`: `*` is any package, `@zxcvbn-ts/*` any of that scope. */
const packageGlob = (glob) => globToRegExp(glob.replaceAll('**', '*').replaceAll('*', '**'));

function compile(table) {
  if (table._compiled) return table._compiled;
  const matchers = [];
  for (const layer of table.layers) {
    for (const glob of layer.files) matchers.push({ layer, re: globToRegExp(glob), score: specificity(glob) });
  }
  matchers.sort((a, b) => b.score - a.score);
  const packageRes = new Map(table.layers.map((l) => [l.name, (l.packages ?? []).map(packageGlob)]));
  const allowed = allowedCrossings(table).map((entry) => ({
    entry,
    re: globToRegExp(entry.from),
    packageRe: entry.package ? packageGlob(entry.package) : undefined,
    hits: [],
  }));
  const compiled = { matchers, packageRes, allowed };
  Object.defineProperty(table, '_compiled', { value: compiled, enumerable: false });
  return compiled;
}

/** The layer a repository-relative path belongs to, or undefined. */
export function layerOf(table, path) {
  return compile(table).matchers.find((m) => m.re.test(path))?.layer;
}

// ---------------------------------------------------------------- reading imports

function lineStarts(source) {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineAt(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function literal(text) {
  const t = text.trim();
  const m = /^(['"`])([^'"`$]*)\1$/.exec(t);
  return m ? m[2] : undefined;
}

/**
 * Every import of one file: `{ specifier, line, typeOnly, kind }`, kind one of `import`, `export`,
 * `dynamic`, `glob`. A dynamic import whose specifier is not a literal is skipped (it is a runtime path).
 */
export function parseImports(filename, source) {
  const result = parseSync(filename, source, { lang: /\.tsx$/.test(filename) ? 'tsx' : filename.endsWith('.jsx') ? 'jsx' : undefined });
  if (result.errors.length > 0) {
    const error = result.errors[0];
    const at = error.labels?.[0]?.start;
    throw Object.assign(new Error(`cannot parse: ${error.message}`), { line: at === undefined ? 1 : lineAt(lineStarts(source), at) });
  }
  const starts = lineStarts(source);
  const imports = [];
  const mod = result.module;
  for (const s of mod.staticImports) {
    const typeOnly = s.entries.length > 0 && s.entries.every((e) => e.isType);
    imports.push({ specifier: s.moduleRequest.value, line: lineAt(starts, s.start), typeOnly, kind: 'import' });
  }
  for (const s of mod.staticExports) {
    const reexports = s.entries.filter((e) => e.moduleRequest);
    if (reexports.length === 0) continue;
    const typeOnly = reexports.every((e) => e.isType);
    imports.push({ specifier: reexports[0].moduleRequest.value, line: lineAt(starts, s.start), typeOnly, kind: 'export' });
  }
  for (const d of mod.dynamicImports) {
    const specifier = literal(source.slice(d.moduleRequest.start, d.moduleRequest.end));
    if (specifier !== undefined) imports.push({ specifier, line: lineAt(starts, d.start), typeOnly: false, kind: 'dynamic' });
  }
  for (const m of mod.importMetas) {
    const rest = source.slice(m.end, m.end + 400);
    if (!rest.startsWith('.glob')) continue;
    // import.meta.glob<T>('a/*.json' | ['a/*', 'b/*'], options): the patterns are the string literals before the first , or ) at depth 0.
    const open = rest.indexOf('(');
    const args = /^\s*(\[[^\]]*\]|'[^']*'|"[^"]*"|`[^`$]*`)/.exec(rest.slice(open + 1));
    if (!args) continue;
    for (const pattern of args[1].match(/'[^']*'|"[^"]*"|`[^`$]*`/g) ?? []) {
      const p = pattern.slice(1, -1);
      if (p.startsWith('!')) continue;
      imports.push({ specifier: p, line: lineAt(starts, m.start), typeOnly: false, kind: 'glob' });
    }
  }
  return imports;
}

// ---------------------------------------------------------------- resolving

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A relative specifier to an absolute file (or folder, for a glob), or undefined. */
function resolveRelative(fromFile, specifier, kind) {
  const bare = specifier.replace(/\?.*$/, '');
  if (kind === 'glob') {
    const star = bare.search(/[*{[]/);
    const dir = resolve(dirname(fromFile), star === -1 ? dirname(bare) : bare.slice(0, star).replace(/[^/]*$/, ''));
    return isDirectory(dir) ? { path: join(dir, '[glob]'), dir: true } : undefined;
  }
  const base = resolve(dirname(fromFile), bare);
  if (isFile(base)) return { path: base };
  for (const ext of RESOLVE_EXTENSIONS) if (isFile(base + ext)) return { path: base + ext };
  if (/\.[mc]?js$/.test(base)) {
    const ts = base.replace(/\.([mc]?)js$/, '.$1ts');
    if (isFile(ts)) return { path: ts };
  }
  for (const ext of RESOLVE_EXTENSIONS) if (isFile(join(base, `index${ext}`))) return { path: join(base, `index${ext}`) };
  return undefined;
}

/** A bare specifier's package: `node:fs` for a Node built-in, else the (scoped) package name. */
export function packageOf(specifier) {
  const bare = specifier.replace(/\?.*$/, '');
  if (bare.startsWith('node:')) return `node:${bare.slice(5).split('/')[0]}`;
  const first = bare.split('/')[0];
  if (BUILTINS.has(first) || BUILTINS.has(bare)) return `node:${first}`;
  return first.startsWith('@') ? bare.split('/').slice(0, 2).join('/') : first;
}

const toPosix = (p) => p.split(sep).join(posix.sep);

// ---------------------------------------------------------------- the files

/** Every code file under root that git does not ignore (or, outside git, every one but node_modules/out). */
export function listFiles(root) {
  let names;
  try {
    names = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 })
      .split('\0')
      .filter(Boolean);
  } catch {
    names = [];
    const walk = (dir) => {
      for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
        if (['node_modules', 'out', '.git'].includes(entry.name)) continue;
        const rel = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(rel);
        else names.push(rel);
      }
    };
    walk('');
  }
  return names.filter((name) => CODE.test(name) && isFile(join(root, name))).sort();
}

// ---------------------------------------------------------------- the check

/**
 * Checks every file: `{ errors, warnings }`, each `{ file, line, message }` with `file` relative to root.
 * `files` defaults to listFiles(root); `read` to reading from disk (tests pass sources in).
 */
export function checkLayers({ root, table, files = listFiles(root), read = (f) => readFileSync(join(root, f), 'utf8') }) {
  const { packageRes, allowed } = compile(table);
  for (const a of allowed) a.hits = [];
  const errors = [];
  const warnings = [];
  const typesFromAnywhere = new Set(table.typesFromAnywhere ?? []);

  for (const file of files) {
    const layer = layerOf(table, file);
    if (!layer) {
      errors.push({ file, line: 1, message: `is in no layer: add it to the table (${table.$file ?? 'layers.json'})` });
      continue;
    }
    let imports;
    try {
      imports = parseImports(file, read(file));
    } catch (error) {
      errors.push({ file, line: error.line ?? 1, message: error.message });
      continue;
    }
    for (const imp of imports) {
      const report = (message, target) => {
        const entry = allowed.find(
          (a) => a.re.test(file) && (target.layer ? a.entry.to === target.layer : a.packageRe?.test(target.package)),
        );
        const problem = { file, line: imp.line, message };
        if (entry) {
          entry.hits.push(problem);
          warnings.push({ ...problem, message: `${message}; allowed for now: ${entry.entry.waitingOn}` });
        } else errors.push(problem);
      };

      if (!imp.specifier.startsWith('.') && !imp.specifier.startsWith('/')) {
        const pkg = packageOf(imp.specifier);
        if ((packageRes.get(layer.name) ?? []).some((re) => re.test(pkg))) continue;
        report(`imports ${imp.specifier} (layer ${layer.name} may not import package ${pkg})`, { package: pkg });
        continue;
      }
      const target = resolveRelative(join(root, file), imp.specifier, imp.kind);
      if (!target) {
        errors.push({ file, line: imp.line, message: `imports ${imp.specifier}, which resolves to no file` });
        continue;
      }
      const rel = toPosix(relative(root, target.path));
      if (rel.startsWith('../')) {
        errors.push({ file, line: imp.line, message: `imports ${imp.specifier}, which is outside the repository` });
        continue;
      }
      const to = layerOf(table, rel);
      if (!to) {
        errors.push({ file, line: imp.line, message: `imports ${imp.specifier}, which is in no layer: add ${rel} to the table` });
        continue;
      }
      if (to === layer || layer.mayImport.includes('*') || layer.mayImport.includes(to.name)) continue;
      if (imp.typeOnly && (typesFromAnywhere.has(to.name) || (layer.mayImportTypes ?? []).includes(to.name))) continue;
      report(
        `imports ${imp.specifier} (layer ${layer.name} may not import layer ${to.name}${imp.typeOnly ? ', not even its types' : ''})`,
        {
          layer: to.name,
        },
      );
    }
  }
  // An entry is stale when its file was checked and crossed nothing, or when it is gone (a partial
  // run, over some files only, says nothing about the others).
  const checked = new Set(files);
  for (const a of allowed) {
    const gone = !/[*?]/.test(a.entry.from) && !existsSync(join(root, a.entry.from));
    if (a.hits.length === 0 && (gone || files.some((f) => checked.has(f) && a.re.test(f)))) {
      const what = a.entry.to ? `layer ${a.entry.to}` : `package ${a.entry.package}`;
      const at = table.$source?.indexOf(`"${a.entry.from}"`) ?? -1;
      errors.push({
        file: table.$file ?? 'layers.json',
        line: at === -1 ? 1 : lineAt(lineStarts(table.$source), at),
        message: `allowed crossing ${a.entry.from} → ${what} no longer happens: remove it from "allowed" (node scripts/check-layers.mjs --prune)`,
      });
    }
  }
  return { errors, warnings, allowed: allowed.map((a) => ({ ...a.entry, hits: a.hits })) };
}

// ---------------------------------------------------------------- the docs

const code = (s) => `\`${s}\``;
const packageName = (p) => (p === 'node:*' ? 'Node built-ins' : code(p));

function layerPlace(layer) {
  return layer.files.map((g) => g.replace(/\/\*\*$/, '/')).join(', ');
}

function list(items) {
  if (items.length === 0) return 'nothing';
  if (items.length === 1) return items[0];
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function mayImportText(table, layer) {
  const byName = new Map(table.layers.map((l) => [l.name, l]));
  const named = (n) =>
    `${n} (${byName
      .get(n)
      .files.map((g) => code(g.replace(/\/\*\*$/, '')))
      .join(', ')})`;
  const layers = layer.mayImport.includes('*') ? ['any layer'] : layer.mayImport.map(named);
  const types = [...new Set([...(table.typesFromAnywhere ?? []), ...(layer.mayImportTypes ?? [])])].filter(
    (n) => n !== layer.name && !layer.mayImport.includes(n) && !layer.mayImport.includes('*'),
  );
  const packages = layer.packages ?? [];
  const pkgText = packages.includes('*') ? 'any' : packages.length ? list(packages.map(packageName)) : 'none';
  let text;
  if (layers.length && types.length) text = `May import: ${list(layers)}; and the types of ${list(types.map(named))}`;
  else if (layers.length) text = `May import: ${list(layers)}`;
  else if (types.length) text = `May import: only the types of ${list(types.map(named))}`;
  else text = 'May import: no other layer';
  text += `. Packages: ${pkgText}.`;
  return text;
}

/** The allowed crossings out of one layer's files, `[waitingOn, "file → a, b"[]]` per group. */
function crossingsText(table, layer) {
  const out = [];
  for (const { waitingOn, crossings } of table.allowed ?? []) {
    const files = Object.entries(crossings).filter(([from]) => !layer || layerOf(table, from.replace(/\*+/g, 'x')) === layer);
    if (files.length) out.push([waitingOn, files.map(([from, targets]) => `${code(from)} → ${targets.join(', ')}`)]);
  }
  return out;
}

/** The block between the markers in a layer's README. */
export function readmeBlock(table, readme) {
  const layers = table.layers.filter((l) => l.readme === readme);
  const paragraphs = [];
  for (const layer of layers) {
    const prefix = layers.length > 1 ? `${code(layerPlace(layer))}: ` : '';
    paragraphs.push(`${prefix}${mayImportText(table, layer)}`);
    for (const [waitingOn, files] of crossingsText(table, layer)) {
      paragraphs.push(`Still crossing until ${waitingOn}: ${files.join('; ')}.`);
    }
  }
  paragraphs.push(
    `(Written from ${code(table.$file ?? 'layers.json')} by ${code('npm run layers:docs')}; ${code('npm run lint')} checks it.)`,
  );
  return [BEGIN, paragraphs.join('\n\n'), END].join('\n');
}

/** A layer whose every glob is a folder (`x/**`) that does not exist yet, such as src-main/host before it lands. */
function notYet(root, layer) {
  return root !== undefined && layer.files.every((g) => g.endsWith('/**') && !isDirectory(join(root, g.slice(0, -3))));
}

const TREE_PLACE_WIDTH = 36;

/** README.md's block: the tree, one line per layer, the rules and today's allowed crossings. */
export function overviewBlock(table, root) {
  // A place much longer than the rest (a layer of several paths) takes a line of its own, so the others stay readable.
  const width = Math.min(Math.max(...table.layers.map((l) => layerPlace(l).length)), TREE_PLACE_WIDTH) + 2;
  const tree = table.layers.map((l) => {
    const place = layerPlace(l);
    const what = `${l.what}${notYet(root, l) ? ' (not there yet)' : ''}`;
    return place.length + 2 > width ? `${place}\n${' '.repeat(width)}${what}` : `${place.padEnd(width)}${what}`;
  });
  const rows = table.layers.map((l) => {
    const mayImport = l.mayImport.includes('*') ? 'any' : l.mayImport.join(', ') || '—';
    const types = (l.mayImportTypes ?? []).join(', ');
    const packages = (l.packages ?? []).includes('*') ? 'any' : (l.packages ?? []).map(packageName).join(', ') || '—';
    return `| ${l.name} | ${mayImport}${types ? ` (types: ${types})` : ''} | ${packages} |`;
  });
  const lines = [
    BEGIN,
    '```',
    ...tree,
    '```',
    '',
    `Layers are enforced by ${code('npm run lint')}: ${code('scripts/check-layers.mjs')} reads every import (static,`,
    `${code('export … from')}, dynamic, ${code('import type')}, ${code('import.meta.glob')}) and fails on one the table`,
    `(${code(table.$file ?? 'layers.json')}) does not allow, on a file in no layer, and on these docs being out of date`,
    `(${code('npm run layers:docs')} rewrites them from the table).`,
  ];
  if ((table.typesFromAnywhere ?? []).length) lines.push(`Any layer may import the types of ${list(table.typesFromAnywhere)}.`);
  lines.push('', '| layer | may import | packages |', '|---|---|---|', ...rows);
  const groups = crossingsText(table);
  if (groups.length) {
    lines.push(
      '',
      'Crossings allowed until the restructuring lands (warnings; each is an error once it is gone, so the list only shrinks):',
      '',
    );
    for (const [waitingOn, files] of groups) lines.push(`- ${waitingOn}: ${files.join('; ')}`);
  }
  lines.push(END);
  return lines.join('\n');
}

function replaceBlock(text, block) {
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin === -1 || end === -1 || end < begin) return null;
  return text.slice(0, begin) + block + text.slice(end + END.length);
}

/**
 * Each doc file and what it should hold: `[{ path, current, wanted, problem? }]`. A README without
 * the markers gets the block appended, a missing one is created with a title (problem says which);
 * a layer whose folder does not exist yet (src-main/host before it lands) has no README to write.
 */
export function docs({ root, table }) {
  const targets = [{ path: table.overview ?? 'README.md', block: overviewBlock(table, root) }];
  for (const readme of [...new Set(table.layers.map((l) => l.readme).filter(Boolean))]) {
    if (!isDirectory(join(root, dirname(readme)))) continue;
    targets.push({ path: readme, block: readmeBlock(table, readme) });
  }
  return targets.map(({ path, block }) => {
    const current = existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : null;
    if (current === null) return { path, current, wanted: `# ${dirname(path)}\n\n${block}\n`, problem: 'is missing' };
    const replaced = replaceBlock(current, block);
    if (replaced === null)
      return { path, current, wanted: `${current.replace(/\n*$/, '\n\n')}${block}\n`, problem: `has no ${BEGIN} … ${END} markers` };
    return { path, current, wanted: replaced };
  });
}

// ---------------------------------------------------------------- the command

function main(argv) {
  const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
  const table = loadTable(root);
  if (argv.includes('--prune')) {
    const { allowed } = checkLayers({ root, table });
    const stale = allowed.filter((a) => a.hits.length === 0);
    const kept = (table.allowed ?? [])
      .map((group) => {
        const crossings = {};
        for (const [from, targets] of Object.entries(group.crossings)) {
          const left = targets.filter((t) => !stale.some((a) => a.from === from && (a.to ?? a.package) === t));
          if (left.length) crossings[from] = left;
        }
        return { ...group, crossings };
      })
      .filter((group) => Object.keys(group.crossings).length > 0);
    for (const a of stale) console.log(`removed ${a.from} → ${a.to ?? a.package}`);
    table.allowed = kept;
    writeFileSync(join(root, 'layers.json'), `${JSON.stringify(table, null, 2)}\n`);
    try {
      execFileSync(join(root, 'node_modules/.bin/biome'), ['format', '--write', 'layers.json'], { cwd: root, stdio: 'ignore' });
    } catch {
      console.warn('layers.json written; format it with: npx biome format --write layers.json');
    }
    main(['--write-docs']);
    return;
  }
  if (argv.includes('--write-docs')) {
    for (const doc of docs({ root, table })) {
      if (doc.wanted === doc.current) continue;
      mkdirSync(join(root, dirname(doc.path)), { recursive: true });
      writeFileSync(join(root, doc.path), doc.wanted);
      console.log(`wrote ${doc.path}${doc.problem ? ` (it ${doc.problem.replace(/^is/, 'was').replace(/^has/, 'had')})` : ''}`);
    }
    return;
  }
  const started = performance.now();
  const files = listFiles(root);
  const { errors, warnings, allowed } = checkLayers({ root, table, files });
  for (const doc of docs({ root, table })) {
    if (doc.wanted !== doc.current) {
      errors.push({ file: doc.path, line: 1, message: `${doc.problem ?? 'is out of date with layers.json'}: run npm run layers:docs` });
    }
  }
  if (argv.includes('--verbose')) for (const w of warnings) console.warn(`warning: ${w.file}:${w.line} ${w.message}`);
  else {
    for (const a of allowed.filter((x) => x.hits.length)) {
      const lines = a.hits.map((h) => h.line).join(',');
      console.warn(
        `warning: ${a.from}:${lines} imports ${a.to ? `layer ${a.to}` : `package ${a.package}`}; allowed for now: ${a.waitingOn}`,
      );
    }
  }
  for (const e of errors) console.error(`${e.file}:${e.line} ${e.message}`);
  const ms = Math.round(performance.now() - started);
  const summary = `layers: ${files.length} files, ${errors.length} error(s), ${warnings.length} allowed crossing(s) (--verbose lists each) in ${ms} ms`;
  if (errors.length) {
    console.error(summary);
    process.exit(1);
  }
  console.log(summary);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
