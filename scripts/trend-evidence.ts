/**
 * Which trend line should the judgement use? Simulates each measurement type's scales the way the
 * demo generator does (its goal templates for baselines, targets and cadence; its noise, 8 % of the
 * distance from baseline to target, a sum of three uniforms; whole numbers clamped to the scale)
 * with KNOWN true slopes, and reports for each method the bias and RMSE of the weekly slope (as a
 * percent of the aim line's weekly slope, so scales compare) and how often the slope is exactly 0.
 * Deterministic (fixed seeds). Run: npx tsx scripts/trend-evidence.ts   (table → docs/progress-rules.md)
 */
import { GOAL_TEMPLATES } from '../src-main/services/demo/goal-templates';
import { Rng } from '../src-main/services/demo/prng';
import { noiseDraw } from '../src-main/services/demo/trajectory';
import { valueRange } from '../src-main/services/plans/plan-rules';
import { type TrendMethod, trendLine } from '../src-main/services/progress-rules/trend';

const METHODS: TrendMethod[] = ['ols', 'theil_sen', 'siegel'];
/** The true slope as a multiple of the aim line's: flat, half, on the aim line, faster. */
const MULTIPLES = [0, 0.5, 1, 1.5];
const WEEKS = [6, 12];
const REPLICATES = 300;
/** As in services/demo/trajectory.ts. */
const NOISE = 0.08;
/** The school year's aim line: 1 September to 1 June. */
const AIM_DAYS = 273;

interface Tally {
  errors: number[];
  zeros: number;
}

function probeDays(measuredEvery: string, weeks: number, rng: Rng): number[] {
  const text = measuredEvery.toLowerCase();
  const days: number[] = [];
  for (let week = 0; week < weeks; week++) {
    if (text.includes('two weeks') && week % 2 === 1) continue;
    if (text.includes('twice')) days.push(week * 7 + rng.int(0, 2), week * 7 + rng.int(3, 4));
    else days.push(week * 7 + rng.int(0, 4));
  }
  return days;
}

const tallies = new Map<string, Tally>();
const measurements = [...new Set(GOAL_TEMPLATES.map((template) => template.measurement))];
for (const measurement of measurements) {
  const templates = GOAL_TEMPLATES.filter((template) => template.measurement === measurement);
  for (const weeks of WEEKS) {
    for (const multiple of MULTIPLES) {
      const rng = new Rng(2026, `evidence:${measurement}:${weeks}:${multiple}`);
      for (let replicate = 0; replicate < REPLICATES; replicate++) {
        const template = templates[replicate % templates.length];
        if (!template) continue;
        const goal = template.make(rng);
        const need = goal.target - goal.baseline;
        const aimPerDay = need / AIM_DAYS;
        const slope = multiple * aimPerDay;
        const range = valueRange(goal.measurement, goal.scaleMax) ?? { min: 0, max: Number.POSITIVE_INFINITY };
        const min = goal.measurement === 'rubric' ? Math.max(1, range.min) : range.min;
        const points = probeDays(goal.measuredEvery, weeks, rng).map((day) => ({
          x: day,
          y: Math.min(range.max, Math.max(min, Math.round(goal.baseline + slope * day + NOISE * Math.abs(need) * noiseDraw(rng)))),
        }));
        for (const method of METHODS) {
          const line = trendLine(points, method);
          if (!line) continue;
          const key = `${measurement}|${weeks}|${method}`;
          const tally = tallies.get(key) ?? { errors: [], zeros: 0 };
          // Signed toward the goal and scaled by the aim line's slope: 0 is exact, -100 % misses the whole aim.
          tally.errors.push(((line.slope - slope) / Math.abs(aimPerDay)) * Math.sign(need) * 100);
          if (line.slope === 0) tally.zeros += 1;
          tallies.set(key, tally);
        }
      }
    }
  }
}

const rows = [
  '| measurement | weeks | method | bias (% of aim slope) | RMSE (% of aim slope) | slope exactly 0 |',
  '|---|---|---|---|---|---|',
];
const overall = new Map<string, { squares: number; count: number; zeros: number }>();
for (const [key, tally] of tallies) {
  const [measurement, weeks, method] = key.split('|');
  const n = tally.errors.length;
  const bias = tally.errors.reduce((sum, error) => sum + error, 0) / n;
  const squares = tally.errors.reduce((sum, error) => sum + error ** 2, 0);
  rows.push(
    `| ${measurement} | ${weeks} | ${method} | ${bias.toFixed(1)} | ${Math.sqrt(squares / n).toFixed(1)} | ${((100 * tally.zeros) / n).toFixed(1)} % |`,
  );
  const all = overall.get(method ?? '') ?? { squares: 0, count: 0, zeros: 0 };
  overall.set(method ?? '', { squares: all.squares + squares, count: all.count + n, zeros: all.zeros + tally.zeros });
}
console.log(rows.join('\n'));
console.log('\n| method | RMSE over all (% of aim slope) | slope exactly 0 |\n|---|---|---|');
for (const [method, all] of overall) {
  console.log(`| ${method} | ${Math.sqrt(all.squares / all.count).toFixed(1)} | ${((100 * all.zeros) / all.count).toFixed(1)} % |`);
}
