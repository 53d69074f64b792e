#!/usr/bin/env node
/**
 * `npm run security`: runs Electronegativity over the BUILT app (out/) and fails when a HIGH or
 * MEDIUM finding has no one-line justification in build/electronegativity-justifications.json
 * (matched by check id and file), or when main or preload code could not be scanned. Lower findings
 * are printed for review; a SARIF report is written to electronegativity.sarif for CI.
 *
 * Electronegativity 1.10 needs some help, so it is run in-process rather than through its CLI:
 * - it reads only .js/.ts/.html files, so the sandboxed preload (preload.cjs) would be skipped
 *   without a word: it scans a copy of out/ with .cjs/.mjs renamed to .js, and reports real names;
 * - its TypeScript parser needs TypeScript 4 (it ships one), but npm hoists the parser next to our
 *   TypeScript 7, which has no JavaScript API: a resolve hook hands it its own copy;
 * - it fetches translations and Electron's release list over the network and crashes offline: a
 *   stub answers for `got`, and the release check (a freshness check npm audit and Dependabot
 *   already make) is excluded.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'out');
const justificationsFile = join(root, 'build', 'electronegativity-justifications.json');
const sarifFile = join(root, 'electronegativity.sarif');
const blocking = new Set(['HIGH', 'MEDIUM']);
/**
 * Files the scanner may fail to parse without failing the run. Its parser predates ES2022 class
 * private fields (`#x`), which React and friends use in the renderer bundle. That bundle runs in
 * the sandbox with no Node and no Electron API, which is what most checks look for; CSP and the
 * sandbox cover it. Main and preload must always be scanned.
 */
const UNPARSEABLE_OK = [/^renderer\/assets\/[^/]+\.js$/];

if (!existsSync(join(outDir, 'main', 'main.js'))) {
  console.error('security: out/main/main.js is missing; run `npm run build` first.');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const scannerRequire = createRequire(require.resolve('@doyensec/electronegativity/package.json'));
const ownTypeScript = pathToFileURL(scannerRequire.resolve('typescript')).href;
const offlineGot = 'peerpath:offline-got';

registerHooks({
  resolve(specifier, context, next) {
    if (specifier === 'typescript') return { url: ownTypeScript, format: 'commonjs', shortCircuit: true };
    if (specifier === 'got') return { url: offlineGot, format: 'commonjs', shortCircuit: true };
    return next(specifier, context);
  },
  load(url, context, next) {
    if (url !== offlineGot) return next(url, context);
    // Every request "answers" 503, as if the server were down: the scanner then uses its bundled data.
    const source = 'const got = async () => ({ statusCode: 503, body: "" }); got.head = got; module.exports = got;';
    return { format: 'commonjs', source, shortCircuit: true };
  },
});

function loadJustifications() {
  const entries = JSON.parse(readFileSync(justificationsFile, 'utf8'));
  for (const entry of entries) {
    const complete = ['id', 'file', 'reason'].every((key) => typeof entry[key] === 'string' && entry[key].trim() !== '');
    if (!complete || /[\r\n]/.test(entry.reason)) {
      console.error(`security: each justification needs id, file and a one-line reason: ${JSON.stringify(entry)}`);
      process.exit(2);
    }
  }
  return entries;
}

const toPosix = (file) => file.split(sep).join('/');

/** A copy of out/ the scanner will read in full; `original` maps a scanned name back to out/. */
function stageForScanner() {
  const stage = mkdtempSync(join(tmpdir(), 'peerpath-security-'));
  cpSync(outDir, stage, { recursive: true });
  const renamed = new Map();
  for (const file of readdirSync(stage, { recursive: true }).map(toPosix)) {
    if (!/\.[cm]js$/.test(file)) continue;
    const scannable = file.replace(/\.[cm]js$/, '.js');
    renameSync(join(stage, file), join(stage, scannable));
    renamed.set(scannable, file);
  }
  return { stage, original: (file) => renamed.get(file) ?? file };
}

const justifications = loadJustifications();
const { stage, original } = stageForScanner();
const run = require('@doyensec/electronegativity/dist/runner.js');
let result;
try {
  result = await run(
    {
      input: stage,
      isRelative: true,
      customScan: [],
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      electronVersionOverride: require('electron/package.json').version,
    },
    false,
  );
} finally {
  rmSync(stage, { recursive: true, force: true });
}

let failed = false;
for (const error of result.errors.filter((e) => !e.tolerable)) {
  const file = original(toPosix(error.file.slice(stage.length + 1)));
  if (UNPARSEABLE_OK.some((pattern) => pattern.test(file))) {
    console.warn(`note  not scanned (parser too old for this syntax): ${file}: ${error.message}`);
    continue;
  }
  // Anything else the scanner could not parse is a file nobody checked.
  console.error(`security: could not scan ${file}: ${error.message}`);
  failed = true;
}

const used = new Set();
for (const issue of result.issues) {
  issue.file = original(toPosix(issue.file));
  const severity = issue.severity.name;
  const justification = justifications.find((j) => j.id === issue.id && j.file === issue.file);
  if (justification) used.add(justification);
  const where = `${issue.file}:${issue.location.line}`;
  if (blocking.has(severity) && !justification) {
    console.error(`FAIL  ${severity.padEnd(6)} ${issue.id}  ${where}\n      ${issue.description}\n      ${issue.shortenedURL}`);
    failed = true;
  } else {
    const note = justification ? `justified: ${justification.reason}` : 'review';
    console.log(`ok    ${severity.padEnd(6)} ${issue.id}  ${where}  (${note})`);
  }
}
for (const stale of justifications.filter((j) => !used.has(j))) {
  console.warn(`warn  justification with no matching finding, remove it: ${stale.id} ${stale.file}`);
}

require('@doyensec/electronegativity/dist/util').writeIssues(outDir, true, sarifFile, result.issues, true);
console.log(
  failed
    ? 'security: unjustified HIGH/MEDIUM findings or unscanned code (see above).'
    : `security: ${result.issues.length} finding(s), none blocking.`,
);
// exitCode, not exit(): the scanner's writeIssues finishes writing the SARIF file asynchronously.
process.exitCode = failed ? 1 : 0;
