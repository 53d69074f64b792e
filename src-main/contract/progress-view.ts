/**
 * The goal graph channel: the chart model (geometry for a fixed box), the decision-rule flags and
 * the suggested progress level for a reporting period (the current one unless asked), plus the points.
 */
import { z } from 'zod';
import { Id, IsoDate } from './common';
import { PeerRole } from './plans';
import { ProgressPoint } from './progress';

/** The box every screen draws the goal graph in (the SVG viewBox). */
export const GOAL_CHART_BOX = { width: 640, height: 280 } as const;

/** The one legend: its items, in order, for the app's graph and every report. */
export const CHART_LEGEND_ITEMS = ['points', 'trend', 'aim', 'goal', 'phase'] as const;
export type ChartLegendItem = (typeof CHART_LEGEND_ITEMS)[number];

/**
 * How each line is told apart without colour (greyscale print, colour-blind readers): a dash
 * pattern (SVG stroke-dasharray, in box units; empty = solid) and a marker shape. Screens and PDFs
 * draw from these, so the legend means the same everywhere.
 */
export const CHART_STROKES = {
  points: { dash: [], width: 1, marker: 'circle' },
  trend: { dash: [12, 4, 2, 4], width: 2.5, marker: 'none' },
  aim: { dash: [8, 5], width: 1.6, marker: 'square' },
  goal: { dash: [2, 3], width: 1.6, marker: 'none' },
  phase: { dash: [3, 3], width: 1.2, marker: 'none' },
} as const satisfies Record<ChartLegendItem, { dash: readonly number[]; width: number; marker: 'circle' | 'square' | 'none' }>;

const Segment = z.object({ x1: z.number(), y1: z.number(), x2: z.number(), y2: z.number() });
export const TrendMethodSchema = z.enum(['ols', 'theil_sen', 'siegel']);

/**
 * What a phase line marks, as data: a peer support starting (with its role), or a new mentor joining
 * one. The screens and the reports word it in their own language; `label` beside it is the English.
 */
export const PhaseEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('support_started'), role: PeerRole }),
  z.object({ kind: z.literal('mentor_changed') }),
  /** A new version of the plan took effect: the goal's baseline, target or dates may have changed. */
  z.object({ kind: z.literal('amended'), version: z.number().int().positive() }),
]);
export type PhaseEvent = z.infer<typeof PhaseEvent>;

export const ChartModelSchema = z.object({
  plot: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }),
  yDomain: z.tuple([z.number(), z.number()]),
  xTicks: z.array(z.object({ x: z.number(), label: z.string() })),
  yTicks: z.array(z.object({ y: z.number(), label: z.string() })),
  /** The current version's baseline marker; null when its date lies left of the plot. */
  baseline: z.object({ x: z.number(), y: z.number(), value: z.number() }).nullable(),
  /** The current version's aim line, clipped to the plot. */
  aim: Segment,
  /** Each plan version's own aim line, oldest first, over the days it was in force (clipped to the plot). */
  aims: z.array(Segment.extend({ version: z.number().int().positive() })),
  /** The target line; `label` is where its words go, clear of the aim line's end. */
  criterion: z.object({ y: z.number(), value: z.number(), label: z.object({ x: z.number(), y: z.number() }) }),
  /** Where phase labels go: along the plot's top, or its bottom when the goal's label is up there. */
  phaseLabelsAt: z.enum(['top', 'bottom']),
  /** Axis titles in English, from the measurement ("Percent correct"); reports word their own. */
  axis: z.object({ xTitle: z.string(), yTitle: z.string(), unit: z.string() }),
  /** Counts, rubric levels and trials: ticks are whole numbers. */
  wholeNumbers: z.boolean(),
  /** What the graph shows, in the order the one legend lists it. */
  legend: z.array(z.enum(CHART_LEGEND_ITEMS)),
  points: z.array(z.object({ x: z.number(), y: z.number(), date: z.string(), value: z.number(), aimValue: z.number() })),
  trend: Segment.extend({ method: TrendMethodSchema, perWeek: z.number() }).nullable(),
  phases: z.array(z.object({ x: z.number(), date: z.string(), label: z.string(), event: PhaseEvent })),
  summary: z.object({
    points: z.number().int(),
    latest: z.number().nullable(),
    latestDate: z.string().nullable(),
    perWeek: z.number().nullable(),
    projected: z.number().nullable(),
  }),
  table: z.array(z.object({ date: z.string(), value: z.number(), aimValue: z.number() })),
});
export type ChartModelView = z.infer<typeof ChartModelSchema>;

export const GoalFlagSchema = z.object({
  rule: z.enum(['behind_aim', 'ahead_of_aim', 'no_recent_data']),
  since: z.string().nullable(),
  message: z.string(),
});
export type GoalFlagView = z.infer<typeof GoalFlagSchema>;

export const ProgressSuggestionSchema = z.object({
  level: z.enum(['mastered', 'sufficient', 'insufficient', 'no_progress', 'not_introduced']),
  sufficient: z.boolean().nullable(),
  explanation: z.string(),
  facts: z.object({ points: z.number().int(), latest: z.number().nullable(), projected: z.number().nullable() }),
});

/**
 * The one verdict on a goal as of a day, which the flags, the suggested level, the caseload status
 * and every sentence derive from (docs/progress-rules.md states each rule and its sources).
 */
export const GoalJudgementSchema = z.object({
  asOf: IsoDate,
  /** met / not_met only for goals whose end date is before `asOf`. */
  status: z.enum(['no_data', 'not_enough_data', 'mastered', 'likely', 'unclear', 'unlikely', 'met', 'not_met']),
  /** Distinct weeks (Monday to Sunday) with data in the current version, and the minimum before a trend is judged. */
  weeks: z.object({ withData: z.number().int(), needed: z.number().int() }),
  /** How many points the judgement was made on (the current version's, up to its day). */
  points: z.number().int(),
  latest: z.object({ date: IsoDate, value: z.number() }).nullable(),
  /** The median of the last 3 points of the current version. */
  recentMedian: z.number().nullable(),
  /** The aim line's value at `asOf`; null before teaching starts. */
  expectedNow: z.number().nullable(),
  goal: z.object({ target: z.number(), endDate: IsoDate, baseline: z.number(), direction: z.enum(['increase', 'decrease']) }),
  /** When the aim line starts: the later of the version's start and the first school day. */
  aimStartsOn: IsoDate,
  /** The trend at the goal's end date with its 95 % band, clamped to the scale. */
  projection: z.object({ value: z.number(), low: z.number(), high: z.number() }).nullable(),
  /** The trend's slope per week, signed as the data goes (not "good" or "bad"). */
  perWeek: z.number().nullable(),
  method: TrendMethodSchema,
  /** The team's mastery criterion as applied: k of the last n points at or beyond the target. */
  mastery: z.object({ k: z.number().int(), n: z.number().int(), consecutive: z.boolean() }),
  /** The last 4 points against the aim line, when there are 4 in the current version. */
  lastFour: z.object({ since: IsoDate, position: z.enum(['ahead', 'behind', 'mixed']) }).nullable(),
  suggestedLevel: z.enum(['mastered', 'sufficient', 'insufficient', 'no_progress', 'not_introduced']),
  /** One plain English sentence with the exact numbers, worded for the goal's direction. */
  reason: z.string(),
});
export type GoalJudgement = z.infer<typeof GoalJudgementSchema>;

export const GoalProgress = z.object({
  chart: ChartModelSchema,
  /** The verdict as of today (or as of the asked period's end when that is earlier). */
  judgement: GoalJudgementSchema,
  flags: z.array(GoalFlagSchema),
  suggestion: ProgressSuggestionSchema,
  /**
   * The reporting period the suggestion is for: the one ending on `periodEndsOn` when asked (its
   * label null when the goal names no period ending then), else the next one ending on or after
   * today, else the plan's end.
   */
  period: z.object({ label: z.string().nullable(), endsOn: z.string() }),
  /** Oldest first. */
  points: z.array(ProgressPoint),
});
export type GoalProgress = z.infer<typeof GoalProgress>;

export const progressView = {
  /**
   * The goal graph, its judgement, flags and suggested progress level, as of today. `method` picks
   * the trend line drawn (the judgement's own method when not asked); the judgement always uses the
   * method chosen by evidence (docs/progress-rules.md).
   * The suggestion is for the period ending on `periodEndsOn` (a past period's report is judged on
   * the points up to its end), else for the running period.
   */
  'goals.progress': {
    input: z.object({ goalId: Id, method: TrendMethodSchema.optional(), periodEndsOn: IsoDate.optional() }).strict(),
    output: GoalProgress,
  },
} as const;
