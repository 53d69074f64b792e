/**
 * How long the Electron main thread would stall while the service host does the heavy work: the host
 * runs as a worker thread (src-main/host/thread.ts, the same entry the app forks as a
 * utilityProcess) and this thread, standing in for Electron's main, only sends calls and receives
 * answers, as the IPC forwarder does. The same timer-drift sampler as main-thread.ts measures this
 * thread's longest stall during the whole program's dashboard, a 30-student report batch (started,
 * polled as the window polls, stopped once 30 are written) and a matching run over the district.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Channel, InputOf } from '../src-main/contract';
import type { HostClient } from '../src-main/host/client';
import { startHostThread } from '../src-main/host/thread';
import { BENCH_PASSPHRASE } from './district';
import { type BlockingResult, blocking } from './main-thread';

export interface HostThreadResult {
  /** Median of `rounds`, each a cold call as a person would make it. */
  rounds: number;
  programDashboard: BlockingResult;
  batch: BlockingResult & { students: number };
  /** `seats`: open seats the run looked at. */
  matching: BlockingResult & { seats: number };
}

export interface HostThreadOptions {
  vaultDir: string;
  /** Where the batch's PDFs go (the folder "chosen" in the stub dialog). */
  folder: string;
  caseManagerId: string;
  /** The district's "today": matching fills the seats open then. */
  today: string;
  batchSize: number;
  rounds: number;
}

const POLL_MS = 250;

async function call<C extends Channel>(host: HostClient, channel: C, input: InputOf<C>): Promise<unknown> {
  const result = await host.dispatch(channel, input);
  if (!result.ok) throw new Error(`bench: ${channel} refused in the host: ${result.error.message}`);
  return result.value;
}

/** Starts a caseload batch and stops it once `size` reports are written (or the caseload is done). */
async function batchOf(host: HostClient, folder: string, caseManagerId: string, size: number): Promise<number> {
  let status = (await call(host, 'reports.batchStart', { scope: { kind: 'caseload', caseManagerId }, folder })) as {
    jobId: string;
    written: number;
    finished: boolean;
  };
  while (!status.finished && status.written < size) {
    await new Promise((wait) => setTimeout(wait, POLL_MS));
    status = (await call(host, 'reports.batchStatus', { jobId: status.jobId })) as typeof status;
  }
  if (!status.finished) status = (await call(host, 'reports.batchCancel', { jobId: status.jobId })) as typeof status;
  return status.written;
}

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

function medianOf(list: BlockingResult[]): BlockingResult {
  return { totalMs: median(list.map((one) => one.totalMs)), longestStallMs: median(list.map((one) => one.longestStallMs)) };
}

export async function runHostThreadBench(options: HostThreadOptions): Promise<HostThreadResult> {
  let batchFolders = 0;
  const host = await startHostThread({
    dir: options.vaultDir,
    dialogs: {
      chooseSavePath: async ({ suggestedName }) => join(options.folder, suggestedName),
      chooseFolder: async () => {
        batchFolders += 1;
        const folder = join(options.folder, `batch-${batchFolders}`);
        mkdirSync(folder, { recursive: true });
        return folder;
      },
    },
  });
  try {
    await call(host, 'vault.unlock', { passphrase: BENCH_PASSPHRASE });
    // The first call starts the host's worker thread and opens its connection: not what a second visit costs.
    await call(host, 'caseload.dashboard', { scope: { kind: 'program' } });
    const measured = { dashboard: [] as BlockingResult[], batch: [] as BlockingResult[], matching: [] as BlockingResult[] };
    let students = 0;
    let seats = 0;
    for (let round = 0; round < options.rounds; round++) {
      measured.dashboard.push(await blocking(() => call(host, 'caseload.dashboard', { scope: { kind: 'program' } })));
      // The batch writes only into a folder chosen in the dialog, as in the app.
      const folder = ((await call(host, 'files.chooseFolder', { title: 'Save the batch' })) as { path: string }).path;
      measured.batch.push(
        await blocking(async () => {
          students = await batchOf(host, folder, options.caseManagerId, options.batchSize);
        }),
      );
      measured.matching.push(
        await blocking(async () => {
          const run = (await call(host, 'matching.suggest', { startDate: options.today, mode: 'fill' })) as { totals: { seats: number } };
          seats = run.totals.seats;
        }),
      );
    }
    return {
      rounds: options.rounds,
      programDashboard: medianOf(measured.dashboard),
      batch: { ...medianOf(measured.batch), students },
      matching: { ...medianOf(measured.matching), seats },
    };
  } finally {
    await host.close();
  }
}
