/**
 * Every goal of the default demo, judged twice: by the app (goals.progress, as a screen asks for
 * it) and by an independent implementation written here with plain loops, as a statistician would
 * recompute it from the rules in docs/progress-rules.md, importing none of the app's helpers. They
 * must agree on every goal: the verdict, the suggested level, the weeks, the numbers, the flags.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import type { GoalProgress } from '../../src-main/contract/progress-view';
import type { ServiceContext } from '../../src-main/services/context';
import { seedDemoProgram } from '../../src-main/services/demo';
import { goalProgress } from '../../src-main/services/progress/goal-progress';
import { type VaultDb, vaultDb } from '../../src-main/services/vault-db';
import { closeVault, createVault, type OpenVault } from '../../src-main/vault/vault';
import { PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

const TODAY = '2026-11-24';
let vault: OpenVault;
let db: VaultDb;

beforeAll(async () => {
  ({ vault } = await createVault({ dir: join(tempDir(), 'vault'), passphrase: PASSPHRASE, kdfCost: TEST_KDF }));
  db = vaultDb(vault.db);
  seedDemoProgram(db, {}, { at: new Date(`${TODAY}T15:00:00Z`) });
});

afterAll(() => closeVault(vault));

// ── the independent implementation ──────────────────────────────────────────────────────────────

const DAY = 86_400_000;
const days = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
function mondayOf(date: string): number {
  const d = days(date);
  const weekday = new Date(d * DAY).getUTCDay(); // 0 Sunday
  return d - ((weekday + 6) % 7);
}
function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}
/** The two-sided 95 % quantile of Student's t, from its density in θ (t = √ν·tan θ ∝ cos^(ν−1) θ), by Simpson and bisection. */
function tQuantile(df: number): number {
  const mass = (upper: number) => {
    const steps = 2000;
    const h = upper / steps;
    let sum = 0;
    for (let i = 0; i <= steps; i++) {
      const weight = i === 0 || i === steps ? 1 : i % 2 ? 4 : 2;
      sum += weight * Math.cos(i * h) ** (df - 1);
    }
    return (sum * h) / 3;
  };
  const whole = mass(Math.PI / 2);
  let low = 0;
  let high = Math.PI / 2;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (mass(mid) / whole < 0.95) low = mid;
    else high = mid;
  }
  return Math.sqrt(df) * Math.tan(low);
}
function criterionOf(words: string): { k: number; n: number; consecutive: boolean } {
  let m = words.match(/(\d+) (?:of|out of) (\d+) consecutive/i);
  if (m) return { k: Number(m[1]), n: Number(m[2]), consecutive: false };
  m = words.match(/(\d+) consecutive/i);
  if (m) return { k: Number(m[1]), n: Number(m[1]), consecutive: true };
  return { k: 3, n: 3, consecutive: true };
}

interface Recomputed {
  status: string;
  level: string;
  weeks: number;
  points: number;
  latest: number | null;
  recentMedian: number | null;
  projection: number | null;
  low: number | null;
  high: number | null;
  flags: string[];
}

function recompute(
  goal: typeof schema.goals.$inferSelect,
  planStart: string,
  planEnd: string,
  all: { date: string; value: number }[],
): Recomputed {
  // The period a screen opens on: the first ending on or after today, else the last, else the plan's end.
  const periods = (JSON.parse(goal.reportingPeriods) as { endsOn: string }[]).map((p) => p.endsOn).sort();
  const periodEnd = periods.find((endsOn) => endsOn >= TODAY) ?? periods.at(-1) ?? planEnd;
  const asOf = periodEnd < TODAY ? periodEnd : TODAY;
  const ended = goal.endDate < asOf;
  const until = ended ? goal.endDate : asOf;
  const pts = all.filter((p) => p.date >= planStart && p.date <= until);
  const up = goal.target >= goal.baseline;
  const reached = (v: number) => (up ? v >= goal.target - 1e-9 : v <= goal.target + 1e-9);
  const max = goal.measurement === 'percent' || goal.measurement === 'intervals' ? 100 : (goal.scaleMax ?? Infinity);
  const clamp = (v: number) => Math.min(max, Math.max(0, v));
  const aimAt = (date: string) => {
    const d = Math.min(days(date), days(goal.endDate));
    return goal.baseline + ((goal.target - goal.baseline) * (d - days(planStart))) / (days(goal.endDate) - days(planStart));
  };
  const weekSet = new Set<number>();
  for (const p of pts) weekSet.add(mondayOf(p.date));
  const last3 = pts.slice(-3).map((p) => p.value);
  const recentMedian = last3.length ? medianOf(last3) : null;
  const gained = recentMedian !== null && (up ? recentMedian > goal.baseline : recentMedian < goal.baseline);

  // Mastery: k of the last n at or beyond the target (k in a row when consecutive).
  const c = goal.mastery ? (JSON.parse(goal.mastery) as { k: number; n: number; consecutive: boolean }) : criterionOf(goal.criterion);
  let mastered = false;
  if (pts.length >= c.n) {
    const window = pts.slice(-c.n).map((p) => reached(p.value));
    if (c.consecutive) {
      let run = 0;
      for (const hit of window) {
        run = hit ? run + 1 : 0;
        if (run >= c.k) mastered = true;
      }
    } else mastered = window.filter((hit) => hit).length >= c.k;
  }

  // OLS on (day, value) and its 95 % band for the mean at the goal's end date.
  let projection: number | null = null;
  let low: number | null = null;
  let high: number | null = null;
  let slope = 0;
  if (weekSet.size >= 6) {
    const n = pts.length;
    let sx = 0;
    let sy = 0;
    for (const p of pts) {
      sx += days(p.date);
      sy += p.value;
    }
    const mx = sx / n;
    const my = sy / n;
    let sxx = 0;
    let sxy = 0;
    for (const p of pts) {
      sxx += (days(p.date) - mx) ** 2;
      sxy += (days(p.date) - mx) * (p.value - my);
    }
    slope = sxy / sxx;
    const at = (x: number) => my + slope * (x - mx);
    let sse = 0;
    for (const p of pts) sse += (p.value - at(days(p.date))) ** 2;
    const x0 = days(goal.endDate);
    const half = tQuantile(n - 2) * Math.sqrt(sse / (n - 2)) * Math.sqrt(1 / n + (x0 - mx) ** 2 / sxx);
    projection = clamp(at(x0));
    low = clamp(at(x0) - half);
    high = clamp(at(x0) + half);
  }

  let status: string;
  let level: string;
  if (pts.length === 0) [status, level] = ['no_data', 'not_introduced'];
  else if (ended) {
    const met = mastered || reached(recentMedian as number);
    [status, level] = met ? ['met', 'mastered'] : ['not_met', gained ? 'insufficient' : 'no_progress'];
  } else if (mastered) [status, level] = ['mastered', 'mastered'];
  else if (projection === null || low === null || high === null) [status, level] = ['not_enough_data', 'not_introduced'];
  else {
    const toward = up ? slope > 1e-9 : slope < -1e-9;
    const short = toward ? 'insufficient' : 'no_progress';
    if (reached(up ? low : high)) [status, level] = ['likely', 'sufficient'];
    else if (!reached(up ? high : low)) [status, level] = ['unlikely', short];
    else [status, level] = ['unclear', reached(projection) ? 'sufficient' : short];
  }

  const flags: string[] = [];
  const run = pts.slice(-4);
  if (run.length === 4) {
    const ahead = run.map((p) => (up ? p.value - aimAt(p.date) : aimAt(p.date) - p.value));
    if (ahead.every((a) => a < -1e-9) && (status === 'unlikely' || status === 'unclear')) flags.push('behind_aim');
    if (ahead.every((a) => a > 1e-9) && status === 'likely') flags.push('ahead_of_aim');
  }
  const lastDate = pts.at(-1)?.date;
  if (asOf <= goal.endDate && days(asOf) - days(planStart) >= 21 && (!lastDate || days(asOf) - days(lastDate) > 21)) {
    flags.push('no_recent_data');
  }
  return {
    status,
    level,
    weeks: weekSet.size,
    points: pts.length,
    latest: pts.at(-1)?.value ?? null,
    recentMedian,
    projection,
    low,
    high,
    flags,
  };
}

// ── the comparison ──────────────────────────────────────────────────────────────────────────────

function asShown(view: GoalProgress): Recomputed {
  const j = view.judgement;
  return {
    status: j.status,
    level: j.suggestedLevel,
    weeks: j.weeks.withData,
    points: j.points,
    latest: j.latest?.value ?? null,
    recentMedian: j.recentMedian,
    projection: j.projection?.value ?? null,
    low: j.projection?.low ?? null,
    high: j.projection?.high ?? null,
    flags: view.flags.map((flag) => flag.rule),
  };
}

/**
 * Verdicts, levels, counts and flags exactly; numbers to the tenth the app shows them in, give or
 * take one tenth for the band (the app's t quantiles are tabled to three decimals, these are exact).
 */
function differs(app: Recomputed, expected: Recomputed): boolean {
  const near = (a: number | null, b: number | null, by: number) => (a === null || b === null ? a !== b : Math.abs(a - b) > by);
  return (
    app.status !== expected.status ||
    app.level !== expected.level ||
    app.weeks !== expected.weeks ||
    app.points !== expected.points ||
    app.latest !== expected.latest ||
    app.recentMedian !== expected.recentMedian ||
    app.flags.join() !== expected.flags.join() ||
    near(app.projection, expected.projection, 0.051) ||
    near(app.low, expected.low, 0.11) ||
    near(app.high, expected.high, 0.11)
  );
}

describe('every demo goal, judged by the app and by an independent recomputation', () => {
  it('agrees on every goal: 0 mismatches', () => {
    const ctx: ServiceContext = { db, actor: { slotId: null, staffId: null }, reach: 'all', now: () => new Date(`${TODAY}T15:00:00Z`) };
    const goals = db.select().from(schema.goals).all();
    const plans = new Map(
      db
        .select()
        .from(schema.plans)
        .all()
        .map((plan) => [plan.id, plan]),
    );
    const byId = new Map(goals.map((goal) => [goal.id, goal]));
    const points = db.select().from(schema.progressPoints).all();
    const mismatches: string[] = [];
    const seen = new Set<string>();
    for (const goal of goals) {
      const plan = plans.get(goal.planId);
      if (!plan) throw new Error('a goal without its plan');
      // The goal and every earlier version, by walking amendsId.
      const versions = new Set<string>();
      for (let id: string | null = goal.id; id; id = byId.get(id)?.amendsId ?? null) versions.add(id);
      const own = points
        .filter((p) => versions.has(p.goalId) && p.date <= TODAY)
        .sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
      const expected = recompute(goal, plan.startDate, plan.endDate, own);
      const app = asShown(goalProgress(ctx, { goalId: goal.id }));
      if (differs(app, expected)) mismatches.push(`${goal.id}: app ${JSON.stringify(app)} ≠ ${JSON.stringify(expected)}`);
      seen.add(expected.status);
    }
    expect(goals.length).toBeGreaterThan(100);
    expect(mismatches).toEqual([]);
    // The demo shows the verdicts a running school year can give.
    expect([...seen].sort()).toEqual(expect.arrayContaining(['likely', 'mastered', 'not_enough_data', 'unclear', 'unlikely']));
  });
});
