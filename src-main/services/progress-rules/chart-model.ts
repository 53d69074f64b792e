/**
 * The goal graph as geometry: one pure function from a goal and its points to positions in a box,
 * drawn as SVG by the screens and as vectors by the PDF reports, so both always agree. It also
 * gives the facts for a text summary and the rows for a data-table alternative.
 *
 * Everything it returns lies inside the plot: lines are clipped to it and points clamped to its
 * edges, so an amended goal's earlier points or a trend running past the scale never spill over
 * the axis labels. An amended goal keeps each plan version's own baseline and aim line, and its
 * trend is fitted within the current version only (the versions have different baselines).
 */
import type { Measurement } from '../../contract';
import { dateOfDay, dayNumber } from '../../contract/calendar';
import type { ChartLegendItem, PhaseEvent } from '../../contract/progress-view';
import { aimLine, type GoalSpan } from './aim';
import { byDate, type ProgressPointValue } from './decision-rules';
import { type Line, type TrendMethod, trendLine, valueAt } from './trend';

export interface ChartGoal extends GoalSpan {
  measurement: Measurement;
  scaleMax: number | null;
}

export interface Phase {
  date: string;
  /** e.g. "Peer tutor started", "New mentor", "Plan amended" (English; reports word `event` in their language) */
  label: string;
  event: PhaseEvent;
}

/** One plan version of the goal: its own baseline, target and dates. */
export interface ChartVersion extends GoalSpan {
  version: number;
}

export interface ChartAxis {
  xTitle: string;
  yTitle: string;
  unit: string;
}

export interface ChartOptions {
  /** Every version of the goal, oldest first; the last is the current one (`goal`). Default: `goal` alone. */
  versions?: readonly ChartVersion[];
  /** Axis titles in the caller's words; default: the English from the measurement. */
  axis?: ChartAxis;
}

export interface ChartBox {
  width: number;
  height: number;
  /** Room for axis labels and titles: top, right, bottom, left. */
  padding?: { top: number; right: number; bottom: number; left: number };
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface ChartModel {
  plot: { x: number; y: number; width: number; height: number };
  yDomain: [number, number];
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  /** The current version's baseline, where its aim line starts; null when that lies left of the plot. */
  baseline: { x: number; y: number; value: number } | null;
  aim: Segment;
  aims: (Segment & { version: number })[];
  /** The target as a horizontal line: what "met" means. */
  criterion: { y: number; value: number; label: { x: number; y: number } };
  phaseLabelsAt: 'top' | 'bottom';
  axis: ChartAxis;
  wholeNumbers: boolean;
  legend: ChartLegendItem[];
  points: { x: number; y: number; date: string; value: number; aimValue: number }[];
  trend: (Segment & { method: TrendMethod; perWeek: number }) | null;
  phases: { x: number; date: string; label: string; event: PhaseEvent }[];
  /** Facts for a one-paragraph text alternative (worded by the caller, in its language). */
  summary: { points: number; latest: number | null; latestDate: string | null; perWeek: number | null; projected: number | null };
  /** The data table alternative: one row per point. */
  table: { date: string; value: number; aimValue: number }[];
}

/** Room for tick labels and the axis titles (the y title runs up the left edge, the x title under the months). */
const DEFAULT_PADDING = { top: 16, right: 18, bottom: 52, left: 64 };
/** Month labels at least this far apart (box units): "Sep 2026" at 8 pt in the PDF's column fits. */
const MIN_MONTH_GAP = 64;
/** Goal-label height and gap from its line (box units). */
const LABEL_ROOM = 16;

function round(value: number, places = 2): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/** Counts, rubric levels and correct trials take whole values; a tick of 1.3 on them means nothing. */
export function isWholeNumberScale(measurement: Measurement): boolean {
  return measurement === 'frequency' || measurement === 'rubric' || measurement === 'trials';
}

/** The axis titles a measurement reads as, in English. */
export function axisWords(measurement: Measurement, scaleMax: number | null): ChartAxis {
  const yTitle: Record<Measurement, string> = {
    percent: 'Percent correct',
    intervals: '% of intervals',
    frequency: 'Times per day',
    duration: 'Minutes',
    rubric: scaleMax ? `Rubric level (1–${scaleMax})` : 'Rubric level',
    trials: scaleMax ? `Correct of ${scaleMax}` : 'Correct trials',
  };
  const unit: Record<Measurement, string> = {
    percent: '%',
    intervals: '% of intervals',
    frequency: 'times',
    duration: 'minutes',
    rubric: 'level',
    trials: 'correct',
  };
  return { xTitle: 'Date', yTitle: yTitle[measurement], unit: unit[measurement] };
}

/** A tick step from 1, 2, 2.5, 5 × 10ⁿ giving at most `maxTicks` intervals; whole steps only on whole-number scales. */
function tickStep(top: number, maxTicks: number, whole: boolean): number {
  const rough = top / maxTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  for (const factor of [1, 2, 2.5, 5, 10]) {
    const step = factor * magnitude;
    if (step >= rough && (!whole || Number.isInteger(step))) return whole ? Math.max(1, step) : step;
  }
  return 10 * magnitude;
}

export function valueDomain(goal: ChartGoal, values: readonly number[]): [number, number] {
  const whole = isWholeNumberScale(goal.measurement);
  switch (goal.measurement) {
    case 'percent':
    case 'intervals':
      return [0, 100];
    case 'rubric':
    case 'trials':
      if (goal.scaleMax) return [0, goal.scaleMax];
      break;
    case 'frequency':
    case 'duration':
      break;
  }
  // Open-ended (or unscaled): room above the largest value, up to a whole tick.
  const top =
    Math.max(goal.baseline, goal.target, ...values) * (goal.measurement === 'frequency' || goal.measurement === 'duration' ? 1.1 : 1);
  // Nothing above zero (or a vanishing value): a unit scale, so ticks have a step to take.
  if (!(top > 1e-6)) return [0, 1];
  const step = tickStep(top, 5, whole);
  return [0, round(Math.ceil(top / step - 1e-9) * step, 6)];
}

function valueTicks(domain: [number, number], whole: boolean): number[] {
  const [low, high] = domain;
  const step = tickStep(high - low, 5, whole);
  const ticks: number[] = [];
  for (let value = low; value <= high + step * 1e-9; value += step) ticks.push(round(value, 6));
  return ticks;
}

/** First-of-month ticks, every 1, 2, 3, 6 or 12 months so neighbouring labels keep `MIN_MONTH_GAP` apart. */
function monthTicks(startDay: number, endDay: number, toX: (day: number) => number): { x: number; label: string }[] {
  const months: { day: number; label: string; index: number }[] = [];
  const first = new Date(dateOfDay(startDay));
  for (let month = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1)); ; ) {
    const day = dayNumber(month.toISOString().slice(0, 10));
    if (day > endDay) break;
    months.push({ day, label: month.toISOString().slice(0, 7), index: month.getUTCFullYear() * 12 + month.getUTCMonth() });
    month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
  }
  const monthWidth = months.length > 1 ? toX((months[1]?.day ?? 0) + 0) - toX(months[0]?.day ?? 0) : Number.POSITIVE_INFINITY;
  const every = [1, 2, 3, 6, 12].find((step) => step * monthWidth >= MIN_MONTH_GAP) ?? 12;
  return months.filter((month) => month.index % every === 0).map((month) => ({ x: round(toX(month.day)), label: month.label }));
}

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Liang–Barsky: the part of a segment inside the rectangle, or null when none is. */
export function clipSegment(segment: Segment, rect: Rect): Segment | null {
  const dx = segment.x2 - segment.x1;
  const dy = segment.y2 - segment.y1;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, segment.x1 - rect.left],
    [dx, rect.right - segment.x1],
    [-dy, segment.y1 - rect.top],
    [dy, rect.bottom - segment.y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return null;
  }
  return {
    x1: round(segment.x1 + t0 * dx),
    y1: round(segment.y1 + t0 * dy),
    x2: round(segment.x1 + t1 * dx),
    y2: round(segment.y1 + t1 * dy),
  };
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** The days each version was in force: from its start until the next version's start (the last: until its end date). */
function versionRanges(versions: readonly ChartVersion[]): { version: ChartVersion; from: number; to: number }[] {
  return versions
    .map((version, index) => {
      const next = versions[index + 1];
      const from = dayNumber(version.startDate);
      return { version, from, to: next ? dayNumber(next.startDate) : dayNumber(version.endDate) };
    })
    .filter((range, index, all) => range.to > range.from || index === all.length - 1);
}

/** The band three rows of phase labels take along the plot's top (box units, at the screens' 13 px). */
const PHASE_LABEL_BAND = 50;

/** How far right of the plot's left edge the goal's label may reach (box units). */
const LABEL_WIDTH = 150;

/**
 * The goal label's text baseline: above the target line, or below it where the plot's top is too
 * near or an aim line passes through the label's place (baseline close to target).
 */
function goalLabelBaseline(lineY: number, aims: readonly Segment[], rect: Rect): number {
  const above = { top: lineY - LABEL_ROOM, bottom: lineY, baseline: lineY - 4 };
  const below = { top: lineY, bottom: lineY + LABEL_ROOM, baseline: lineY + LABEL_ROOM - 4 };
  const area = { left: rect.left, right: rect.left + LABEL_WIDTH };
  const struck = (band: { top: number; bottom: number }) =>
    aims.some((aim) => clipSegment(aim, { ...area, top: band.top, bottom: band.bottom }) !== null);
  if (above.top < rect.top) return below.baseline;
  return struck(above) && !struck(below) && below.bottom <= rect.bottom ? below.baseline : above.baseline;
}

export function goalChart(
  goal: ChartGoal,
  allPoints: readonly ProgressPointValue[],
  phases: readonly Phase[],
  box: ChartBox,
  method: TrendMethod = 'theil_sen',
  options: ChartOptions = {},
): ChartModel {
  const padding = box.padding ?? DEFAULT_PADDING;
  const plot = {
    x: padding.left,
    y: padding.top,
    width: box.width - padding.left - padding.right,
    height: box.height - padding.top - padding.bottom,
  };
  const rect: Rect = { left: plot.x, top: plot.y, right: plot.x + plot.width, bottom: plot.y + plot.height };
  const points = byDate(allPoints);
  const versions = options.versions?.length ? options.versions : [{ ...goal, version: 1 }];
  const current: ChartVersion = { ...goal, version: versions.at(-1)?.version ?? 1 };
  const currentStart = dayNumber(current.startDate);
  const goalEnd = dayNumber(goal.endDate);
  // From the first point shown (before any data: the aim's start) to the goal date, or the last point if later.
  const startDay = Math.min(points[0] ? dayNumber(points[0].date) : currentStart, goalEnd);
  const endDay = Math.max(goalEnd, ...points.map((point) => dayNumber(point.date)));
  const whole = isWholeNumberScale(goal.measurement);
  const yDomain = valueDomain(goal, [
    ...points.map((point) => point.value),
    ...versions.flatMap((version) => [version.baseline, version.target]),
  ]);
  const span = Math.max(1, endDay - startDay);
  const toX = (day: number) => plot.x + ((day - startDay) / span) * plot.width;
  const toY = (value: number) => plot.y + plot.height - ((value - yDomain[0]) / (yDomain[1] - yDomain[0] || 1)) * plot.height;
  const segment = (line: Line, from: number, to: number): Segment | null =>
    clipSegment({ x1: toX(from), y1: toY(valueAt(line, from)), x2: toX(to), y2: toY(valueAt(line, to)) }, rect);

  const ranges = versionRanges([...versions.slice(0, -1), current]);
  const aims = ranges.flatMap(({ version, from, to }) => {
    const drawn = segment(aimLine(version), from, to);
    return drawn ? [{ ...drawn, version: version.version }] : [];
  });
  const currentAim = aims.at(-1)?.version === current.version ? aims.at(-1) : undefined;
  const aim = currentAim && { x1: currentAim.x1, y1: currentAim.y1, x2: currentAim.x2, y2: currentAim.y2 };
  // What a point was expected to be: the aim line of the version in force on its date.
  const aimOn = (day: number) => {
    const range = ranges.findLast((candidate) => candidate.from <= day) ?? ranges[0];
    return round(valueAt(aimLine(range?.version ?? current), day), 1);
  };

  // The trend is fitted within the current version: an earlier version's baseline and target are another goal.
  const inForce = points.filter((point) => dayNumber(point.date) >= currentStart || versions.length === 1);
  const line = trendLine(
    inForce.map((point) => ({ x: dayNumber(point.date), y: point.value })),
    method,
  );
  const trendFrom = inForce[0] ? dayNumber(inForce[0].date) : startDay;
  const trendTo = inForce.at(-1) ? dayNumber(inForce.at(-1)?.date ?? goal.startDate) : startDay;
  const trendSegment = line ? segment(line, trendFrom, trendTo) : null;
  const last = points.at(-1);

  const criterionY = round(clamp(toY(goal.target), rect.top, rect.bottom));
  const baselineX = toX(currentStart);
  const goalLabelY = goalLabelBaseline(criterionY, aims, rect);
  const drawnPhases = phases
    .filter((phase) => dayNumber(phase.date) >= startDay && dayNumber(phase.date) <= endDay)
    .map((phase) => ({ x: round(toX(dayNumber(phase.date))), date: phase.date, label: phase.label, event: phase.event }));
  return {
    plot,
    yDomain,
    wholeNumbers: whole,
    axis: options.axis ?? axisWords(goal.measurement, goal.scaleMax),
    xTicks: monthTicks(startDay, endDay, toX),
    yTicks: valueTicks(yDomain, whole).map((value) => ({ y: round(toY(value)), label: String(value) })),
    baseline:
      baselineX >= rect.left && baselineX <= rect.right
        ? { x: round(baselineX), y: round(clamp(toY(goal.baseline), rect.top, rect.bottom)), value: goal.baseline }
        : null,
    aim: aim ?? { x1: rect.left, y1: criterionY, x2: rect.left, y2: criterionY },
    aims,
    criterion: {
      y: criterionY,
      value: goal.target,
      // At the left end, where the aim line is farthest from the target; above the line unless the plot's top is too near.
      label: { x: rect.left + 4, y: goalLabelY },
    },
    // The goal's label sits at the plot's left; phase labels start at their lines and would run into it.
    phaseLabelsAt: goalLabelY - LABEL_ROOM < rect.top + PHASE_LABEL_BAND ? 'bottom' : 'top',
    legend: [
      ...(points.length > 0 ? (['points'] as const) : []),
      ...(trendSegment ? (['trend'] as const) : []),
      'aim',
      'goal',
      ...(drawnPhases.length > 0 ? (['phase'] as const) : []),
    ],
    points: points.map((point) => {
      const day = dayNumber(point.date);
      return {
        x: round(toX(day)),
        y: round(clamp(toY(point.value), rect.top, rect.bottom)),
        date: point.date,
        value: point.value,
        aimValue: aimOn(day),
      };
    }),
    trend: trendSegment && line ? { ...trendSegment, method, perWeek: round(line.slope * 7) } : null,
    phases: drawnPhases,
    summary: {
      points: points.length,
      latest: last?.value ?? null,
      latestDate: last?.date ?? null,
      perWeek: line ? round(line.slope * 7) : null,
      projected: line ? round(valueAt(line, goalEnd), 1) : null,
    },
    table: points.map((point) => ({ date: point.date, value: point.value, aimValue: aimOn(dayNumber(point.date)) })),
  };
}
