/**
 * The goal graph as geometry: one pure function from a goal and its points to positions in a box,
 * drawn as SVG by the screens and as vectors by the PDF reports, so both always agree. It also
 * gives the facts for a text summary and the rows for a data-table alternative.
 */
import type { Measurement } from '../../contract';
import { dateOfDay, dayNumber } from '../../contract/calendar';
import type { PhaseEvent } from '../../contract/progress-view';
import { aimLine, type GoalSpan } from './aim';
import { byDate, type ProgressPointValue } from './decision-rules';
import { type TrendMethod, trendLine, valueAt } from './trend';

export interface ChartGoal extends GoalSpan {
  measurement: Measurement;
  scaleMax: number | null;
}

export interface Phase {
  date: string;
  /** e.g. "Peer tutor started", "New mentor" (English; reports word `event` in their language) */
  label: string;
  event: PhaseEvent;
}

export interface ChartBox {
  width: number;
  height: number;
  /** Room for axis labels: top, right, bottom, left. */
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
  baseline: { x: number; y: number; value: number };
  aim: Segment;
  /** The target as a horizontal line: what "met" means. */
  criterion: { y: number; value: number };
  points: { x: number; y: number; date: string; value: number; aimValue: number }[];
  trend: (Segment & { method: TrendMethod; perWeek: number }) | null;
  phases: { x: number; date: string; label: string; event: PhaseEvent }[];
  /** Facts for a one-paragraph text alternative (worded by the caller, in its language). */
  summary: { points: number; latest: number | null; latestDate: string | null; perWeek: number | null; projected: number | null };
  /** The data table alternative: one row per point. */
  table: { date: string; value: number; aimValue: number }[];
}

const DEFAULT_PADDING = { top: 16, right: 16, bottom: 36, left: 48 };

function round(value: number, places = 2): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/** A "nice" upper bound for open-ended measures (counts, minutes). */
function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((candidate) => candidate * magnitude >= value) ?? 10;
  return step * magnitude;
}

export function valueDomain(goal: ChartGoal, values: readonly number[]): [number, number] {
  switch (goal.measurement) {
    case 'percent':
    case 'intervals':
      return [0, 100];
    case 'rubric':
    case 'trials':
      return [0, goal.scaleMax ?? niceCeiling(Math.max(goal.baseline, goal.target, ...values))];
    case 'frequency':
    case 'duration':
      return [0, niceCeiling(Math.max(goal.baseline, goal.target, ...values) * 1.1)];
  }
}

function monthTicks(startDay: number, endDay: number, toX: (day: number) => number): { x: number; label: string }[] {
  const ticks: { x: number; label: string }[] = [];
  const first = new Date(dateOfDay(startDay));
  for (let month = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1)); ; ) {
    const day = dayNumber(month.toISOString().slice(0, 10));
    if (day > endDay) break;
    ticks.push({ x: round(toX(day)), label: month.toISOString().slice(0, 7) });
    month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
  }
  return ticks;
}

export function goalChart(
  goal: ChartGoal,
  allPoints: readonly ProgressPointValue[],
  phases: readonly Phase[],
  box: ChartBox,
  method: TrendMethod = 'theil_sen',
): ChartModel {
  const padding = box.padding ?? DEFAULT_PADDING;
  const plot = {
    x: padding.left,
    y: padding.top,
    width: box.width - padding.left - padding.right,
    height: box.height - padding.top - padding.bottom,
  };
  const points = byDate(allPoints);
  const startDay = dayNumber(goal.startDate);
  const endDay = Math.max(dayNumber(goal.endDate), ...points.map((point) => dayNumber(point.date)));
  const yDomain = valueDomain(
    goal,
    points.map((point) => point.value),
  );
  const span = Math.max(1, endDay - startDay);
  const toX = (day: number) => plot.x + ((day - startDay) / span) * plot.width;
  const toY = (value: number) => plot.y + plot.height - ((value - yDomain[0]) / (yDomain[1] - yDomain[0] || 1)) * plot.height;
  const aim = aimLine(goal);
  const line = trendLine(
    points.map((point) => ({ x: dayNumber(point.date), y: point.value })),
    method,
  );
  const firstDay = points[0] ? dayNumber(points[0].date) : startDay;
  const lastDay = points.at(-1) ? dayNumber(points.at(-1)?.date ?? goal.startDate) : startDay;
  const last = points.at(-1);
  return {
    plot,
    yDomain,
    xTicks: monthTicks(startDay, endDay, toX),
    yTicks: [0, 0.25, 0.5, 0.75, 1].map((share) => {
      const value = yDomain[0] + share * (yDomain[1] - yDomain[0]);
      return { y: round(toY(value)), label: String(round(value, 1)) };
    }),
    baseline: { x: round(toX(startDay)), y: round(toY(goal.baseline)), value: goal.baseline },
    aim: { x1: round(toX(startDay)), y1: round(toY(goal.baseline)), x2: round(toX(dayNumber(goal.endDate))), y2: round(toY(goal.target)) },
    criterion: { y: round(toY(goal.target)), value: goal.target },
    points: points.map((point) => {
      const day = dayNumber(point.date);
      return {
        x: round(toX(day)),
        y: round(toY(point.value)),
        date: point.date,
        value: point.value,
        aimValue: round(valueAt(aim, day), 1),
      };
    }),
    trend: line
      ? {
          x1: round(toX(firstDay)),
          y1: round(toY(valueAt(line, firstDay))),
          x2: round(toX(lastDay)),
          y2: round(toY(valueAt(line, lastDay))),
          method,
          perWeek: round(line.slope * 7),
        }
      : null,
    phases: phases
      .filter((phase) => dayNumber(phase.date) >= startDay && dayNumber(phase.date) <= endDay)
      .map((phase) => ({ x: round(toX(dayNumber(phase.date))), date: phase.date, label: phase.label, event: phase.event })),
    summary: {
      points: points.length,
      latest: last?.value ?? null,
      latestDate: last?.date ?? null,
      perWeek: line ? round(line.slope * 7) : null,
      projected: line ? round(valueAt(line, dayNumber(goal.endDate)), 1) : null,
    },
    table: points.map((point) => ({ date: point.date, value: point.value, aimValue: round(valueAt(aim, dayNumber(point.date)), 1) })),
  };
}
