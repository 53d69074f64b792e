/**
 * A goal's mastery criterion as data: k of the last n points at or beyond the target, and whether
 * the k must come in a row. The team's free-text criterion stays their words; this is what the
 * judgement applies. Until the team sets it, it is read from their words when they say
 * "k of n consecutive …" (the last n points, k of them reaching the target) or "k consecutive …"
 * (the last k in a row), else 3 of 3.
 */
import { z } from 'zod';

export const MasteryCriterionSchema = z
  .object({ k: z.number().int().min(1).max(20), n: z.number().int().min(1).max(20), consecutive: z.boolean() })
  .strict()
  .refine((criterion) => criterion.k <= criterion.n, {
    message: 'The number of points that must reach the target cannot exceed the points looked at.',
  });
export type MasteryCriterion = z.infer<typeof MasteryCriterionSchema>;

export const DEFAULT_MASTERY: MasteryCriterion = { k: 3, n: 3, consecutive: true };

const UNITS = '(?:probes?|sessions?|days?|trials?|observations?|samples?|work samples?|opportunities|data points?|points?|weeks?)';

export function masteryFromCriterion(words: string): MasteryCriterion {
  const window =
    /(\d+)\s+(?:of|out of)\s+(\d+)\s+consecutive\b/i.exec(words) ??
    new RegExp(`(\\d+)\\s+(?:of|out of)\\s+(\\d+)\\s+${UNITS}\\b`, 'i').exec(words);
  if (window) {
    const k = Number(window[1]);
    const n = Number(window[2]);
    if (k >= 1 && k <= n && n <= 20) return { k, n, consecutive: false };
  }
  const run = /(\d+)\s+consecutive\b/i.exec(words);
  if (run) {
    const k = Number(run[1]);
    if (k >= 1 && k <= 20) return { k, n: k, consecutive: true };
  }
  return DEFAULT_MASTERY;
}
