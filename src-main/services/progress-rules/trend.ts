/**
 * Trend lines through progress points, x in days. Ordinary least squares is what most progress
 * monitoring tools draw; Theil–Sen (the median of all pairwise slopes) is the robust option one
 * odd probe cannot drag around; Siegel's repeated medians (the median over points of each point's
 * median slope) is robust too. Which one the judgement uses was chosen by simulation
 * (scripts/trend-evidence.ts, docs/progress-rules.md).
 */
export interface XY {
  x: number;
  y: number;
}

export interface Line {
  slope: number;
  intercept: number;
}

export type TrendMethod = 'ols' | 'theil_sen' | 'siegel';

export function valueAt(line: Line, x: number): number {
  return line.intercept + line.slope * x;
}

/** Null with fewer than two distinct x values: no line is defined. */
export function ordinaryLeastSquares(points: readonly XY[]): Line | null {
  const n = points.length;
  if (n < 2) return null;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - meanX) ** 2;
    sxy += (p.x - meanX) * (p.y - meanY);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

/** Sorts in place: a typed array sorts numbers natively, several times faster than a comparator on thousands of slopes. */
function median(values: Float64Array): number {
  const sorted = values.sort();
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function theilSen(points: readonly XY[]): Line | null {
  const slopes = new Float64Array((points.length * (points.length - 1)) / 2);
  let count = 0;
  for (let i = 0; i < points.length; i += 1) {
    for (let j = i + 1; j < points.length; j += 1) {
      const a = points[i];
      const b = points[j];
      if (a && b && a.x !== b.x) slopes[count++] = (b.y - a.y) / (b.x - a.x);
    }
  }
  if (count === 0) return null;
  const slope = median(slopes.subarray(0, count));
  return { slope, intercept: median(Float64Array.from(points, (p) => p.y - slope * p.x)) };
}

/** Siegel's repeated medians: for each point the median slope to every other point at another x, then their median. */
export function siegel(points: readonly XY[]): Line | null {
  const medians: number[] = [];
  const slopes = new Float64Array(Math.max(0, points.length - 1));
  for (const a of points) {
    let count = 0;
    for (const b of points) if (b.x !== a.x) slopes[count++] = (b.y - a.y) / (b.x - a.x);
    if (count > 0) medians.push(median(slopes.subarray(0, count)));
  }
  if (medians.length === 0) return null;
  const slope = median(Float64Array.from(medians));
  return { slope, intercept: median(Float64Array.from(points, (p) => p.y - slope * p.x)) };
}

export function trendLine(points: readonly XY[], method: TrendMethod): Line | null {
  if (method === 'ols') return ordinaryLeastSquares(points);
  return method === 'siegel' ? siegel(points) : theilSen(points);
}
