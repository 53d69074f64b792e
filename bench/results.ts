/** The benchmark's outputs: a table on the console and bench/results.json, each target marked met or not. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { DemoOptionsValue } from '../src-main/services/demo';
import type { HostThreadResult } from './host-thread';
import type { MainThreadResult } from './main-thread';
import type { MatchingBenchResult } from './matching';
import type { PairedTiming } from './measure';
import type { PdfBenchResult } from './pdf';

export interface CaseResult extends PairedTiming {
  name: string;
  kind: 'query' | 'write';
  targetMs: number;
}

export interface Results {
  at: string;
  mode: 'quick' | 'full';
  program: DemoOptionsValue;
  rows: Record<string, number>;
  caseloadSize: number;
  cases: CaseResult[];
  unlockMs: number;
  /** `rotateDataKey` on the whole vault (copy under a new key, verify, swap), and the database's size. */
  rotation?: { ms: number; databaseMb: number };
  /** Unlock (KDF, open, integrity check, migrations) or open, then the first dashboard, on a fresh connection. */
  cold: { encryptedMs: number; plainMs: number; firstDashboard: { encryptedMs: number; plainMs: number; ratio: number } };
  /** The matching issue's district instance, optimal against greedy. */
  matching: MatchingBenchResult;
  /** One team summary and a batch, pdfkit against Chromium printing the same report from HTML. */
  pdf: PdfBenchResult;
  /** The whole program's dashboard: how long it keeps the main thread busy, in this thread and through a worker. */
  mainThread: MainThreadResult;
  /** The same heavy calls with the service host in a worker thread: how long the calling (Electron main) thread stalls. */
  hostThread: HostThreadResult;
  peakRssMb: number;
  rendererInitialJsGzipKb: number | null;
}

export const MAX_RATIO = 1.3;
export const MAX_RENDERER_KB = 300;
/** The longest the Electron main thread may stall while the service host works. */
export const MAX_MAIN_STALL_MS = 50;
const RESULTS_FILE = join(import.meta.dirname, 'results.json');
const RENDERER = join(import.meta.dirname, '..', 'out', 'renderer');

/** The gzip size of the JavaScript index.html loads first (null when the renderer is not built). */
export function rendererBundleKb(): number | null {
  let html: string;
  try {
    html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  } catch {
    return null;
  }
  // The entry script and the chunks it imports statically (preloaded); screens loaded later are not initial.
  const scripts = [...html.matchAll(/<(?:script[^>]+src|link rel="modulepreload"[^>]+href)="\.?\/?([^"]+)"/g)].map(
    (match) => match[1] ?? '',
  );
  let bytes = 0;
  for (const script of scripts) bytes += gzipSync(readFileSync(join(RENDERER, script))).length;
  return Math.round((bytes / 1024) * 10) / 10;
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));

export function printTable(results: Results): void {
  const rows = results.cases.map((row) => ({
    case: row.name,
    'enc p50 ms': ms(row.encrypted.p50),
    'enc p95 ms': ms(row.encrypted.p95),
    'plain p50 ms': ms(row.plain.p50),
    'plain p95 ms': ms(row.plain.p95),
    ratio: row.ratio.toFixed(2),
    'p95 target': `< ${row.targetMs} ms: ${row.encrypted.p95 < row.targetMs ? 'yes' : 'NO'}`,
    'ratio target': `≤ ${MAX_RATIO}: ${row.ratio <= MAX_RATIO ? 'yes' : 'NO'}`,
  }));
  console.log(
    `\nPeerpath benchmark (${results.mode}): ${results.program.students} students, ${results.program.mentors} mentors; caseload ${results.caseloadSize}`,
  );
  console.log(
    Object.entries(results.rows)
      .map(([table, n]) => `${table} ${n.toLocaleString('en-US')}`)
      .join(', '),
  );
  console.table(rows);
  console.log(`unlock (KDF + open + integrity check + migrations): ${ms(results.unlockMs)} ms`);
  if (results.rotation) {
    console.log(
      `data-key rotation (copy under a new key, verify, swap): ${ms(results.rotation.ms)} ms for ${results.rotation.databaseMb.toFixed(0)} MiB`,
    );
  }
  const { cold } = results;
  console.log(
    `cold start to the first dashboard: ${ms(cold.encryptedMs)} ms encrypted (of which the dashboard ${ms(cold.firstDashboard.encryptedMs)} ms), ` +
      `${ms(cold.plainMs)} ms plain (dashboard ${ms(cold.firstDashboard.plainMs)} ms); first-dashboard ratio ${cold.firstDashboard.ratio.toFixed(2)}`,
  );
  const { optimal, greedy, candidatePairs } = results.matching;
  console.log(
    `matching (${candidatePairs} allowed pairs): optimal ${ms(optimal.ms)} ms, score ${optimal.totalScore}, ${optimal.seatsFilled} seats; ` +
      `greedy ${ms(greedy.ms)} ms, score ${greedy.totalScore}, ${greedy.seatsFilled} seats`,
  );
  const { inThread, worker } = results.mainThread;
  console.log(
    `whole-program dashboard, main thread busy (median of ${results.mainThread.rounds}): in this thread ${ms(inThread.totalMs)} ms; ` +
      `through a worker ${ms(worker.totalMs)} ms in all, longest stall ${ms(worker.longestStallMs)} ms`,
  );
  const host = results.hostThread;
  const stall = (row: { longestStallMs: number }) =>
    `longest stall ${ms(row.longestStallMs)} ms (< ${MAX_MAIN_STALL_MS}: ${row.longestStallMs < MAX_MAIN_STALL_MS ? 'yes' : 'NO'})`;
  console.log(
    `service host in a thread, the calling (Electron main) thread (median of ${host.rounds}): ` +
      `whole-program dashboard ${ms(host.programDashboard.totalMs)} ms, ${stall(host.programDashboard)} [in this thread: ${ms(inThread.totalMs)} ms busy]; ` +
      `batch of ${host.batch.students} ${ms(host.batch.totalMs)} ms, ${stall(host.batch)} [in this thread: ${ms(results.pdf.batch.pdfkitMs)} ms for ${results.pdf.batch.students}]; ` +
      `matching (${host.matching.seats} open seats) ${ms(host.matching.totalMs)} ms, ${stall(host.matching)} [in this thread: ${ms(results.matching.optimal.ms)} ms for the synthetic instance]`,
  );
  const { teamSummary, batch } = results.pdf;
  console.log(
    `team summary PDF (${teamSummary.goals} goals, ${teamSummary.pages} pages): pdfkit p50 ${ms(teamSummary.pdfkitMs.p50)} / p95 ${ms(teamSummary.pdfkitMs.p95)} ms; ` +
      `Chromium from HTML p50 ${ms(teamSummary.chromiumMs.p50)} / p95 ${ms(teamSummary.chromiumMs.p95)} ms ` +
      `(${(teamSummary.chromiumMs.p50 / teamSummary.pdfkitMs.p50).toFixed(1)}x; targets: < 500 ms and ≥ 5x)`,
  );
  console.log(`batch of ${batch.students}: pdfkit ${ms(batch.pdfkitMs)} ms, Chromium ${ms(batch.chromiumMs)} ms`);
  console.log(`peak RSS of the services process: ${results.peakRssMb.toFixed(0)} MB`);
  console.log(`renderer initial JS: ${results.rendererInitialJsGzipKb ?? 'not built'} KB gzip (target < ${MAX_RENDERER_KB} KB)`);
}

export function writeResults(results: Results): void {
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
}
