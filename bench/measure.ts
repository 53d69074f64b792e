/**
 * Timing: each case runs warm-up rounds, then `rounds` timed rounds; encrypted and plain runs of the
 * same case alternate round by round, so a slow moment of the machine hits both sides alike.
 */
import { performance } from 'node:perf_hooks';

export interface Timing {
  rounds: number;
  p50: number;
  p95: number;
  max: number;
}

export interface PairedTiming {
  encrypted: Timing;
  plain: Timing;
  /** encrypted p50 / plain p50. */
  ratio: number;
}

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[index] ?? Number.NaN;
}

export function summarize(samplesMs: readonly number[]): Timing {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return { rounds: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? Number.NaN };
}

export async function timeOnceAsync(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** `run(side, round)` does one operation; the round number lets writes pick fresh inputs. */
export async function measurePair(
  run: (side: 'encrypted' | 'plain', round: number) => unknown,
  options: { rounds: number; warmup: number },
): Promise<PairedTiming> {
  for (let round = 0; round < options.warmup; round += 1) {
    await run('encrypted', round);
    await run('plain', round);
  }
  const encrypted: number[] = [];
  const plain: number[] = [];
  for (let round = options.warmup; round < options.warmup + options.rounds; round += 1) {
    encrypted.push(await timeOnceAsync(async () => run('encrypted', round)));
    plain.push(await timeOnceAsync(async () => run('plain', round)));
  }
  const e = summarize(encrypted);
  const p = summarize(plain);
  return { encrypted: e, plain: p, ratio: e.p50 / p.p50 };
}
