/**
 * How long the whole program's dashboard keeps the main thread busy (the window frozen), read in
 * this thread and through a worker thread's own read-only connection, as the app does it. A ticker
 * every 5 ms measures the longest gap between two of its ticks while the call runs.
 */
import { performance } from 'node:perf_hooks';
import { createDispatch, type Dispatch } from '../src-main/api/dispatch';
import { createHandlers } from '../src-main/api/handlers';
import type { ServiceContext } from '../src-main/services/context';
import type { VaultSession } from '../src-main/services/vault-session';
import type { OpenVault } from '../src-main/vault/vault';
import { createTaskPool } from '../src-main/workers/pool';
import { summarize } from './measure';

export interface BlockingResult {
  totalMs: number;
  longestStallMs: number;
}

export interface MainThreadResult {
  rounds: number;
  inThread: BlockingResult;
  worker: BlockingResult;
}

const TICK_MS = 5;

/** Runs `run` while a ticker in this thread records the longest gap between two of its ticks (also used by host-thread.ts). */
export async function blocking(run: () => Promise<unknown>): Promise<BlockingResult> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, TICK_MS);
  const start = performance.now();
  last = start;
  try {
    await run();
  } finally {
    clearInterval(ticker);
  }
  const end = performance.now();
  return { totalMs: end - start, longestStallMs: Math.max(longest, end - last) };
}

async function programDashboard(dispatch: Dispatch): Promise<void> {
  const result = await dispatch('caseload.dashboard', { scope: { kind: 'program' } });
  if (!result.ok) throw new Error(`bench: the program dashboard was refused: ${result.error.message}`);
}

function median(values: readonly number[]): number {
  return summarize([...values]).p50;
}

export async function runMainThreadBench(ctx: ServiceContext, vault: OpenVault, rounds: number): Promise<MainThreadResult> {
  const session = {
    context: () => ctx,
    refuseInMeeting: () => undefined,
    readerAccess: () => ({ file: vault.paths.database, dataKey: new Uint8Array(vault.dataKey) }),
  } as unknown as VaultSession;
  const tasks = createTaskPool();
  try {
    const inThread = createDispatch(createHandlers(session));
    const worker = createDispatch(createHandlers(session, { tasks }));
    // The first call starts the thread and opens its connection: not what a second visit costs.
    await programDashboard(worker);
    const measured = { inThread: [] as BlockingResult[], worker: [] as BlockingResult[] };
    for (let round = 0; round < rounds; round++) {
      measured.inThread.push(await blocking(() => programDashboard(inThread)));
      measured.worker.push(await blocking(() => programDashboard(worker)));
    }
    const of = (list: BlockingResult[]): BlockingResult => ({
      totalMs: median(list.map((one) => one.totalMs)),
      longestStallMs: median(list.map((one) => one.longestStallMs)),
    });
    return { rounds, inThread: of(measured.inThread), worker: of(measured.worker) };
  } finally {
    tasks.stop(new Error('bench: done'));
  }
}
