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

const Segment = z.object({ x1: z.number(), y1: z.number(), x2: z.number(), y2: z.number() });
export const TrendMethodSchema = z.enum(['ols', 'theil_sen']);

/**
 * What a phase line marks, as data: a peer support starting (with its role), or a new mentor joining
 * one. The screens and the reports word it in their own language; `label` beside it is the English.
 */
export const PhaseEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('support_started'), role: PeerRole }),
  z.object({ kind: z.literal('mentor_changed') }),
]);
export type PhaseEvent = z.infer<typeof PhaseEvent>;

export const ChartModelSchema = z.object({
  plot: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }),
  yDomain: z.tuple([z.number(), z.number()]),
  xTicks: z.array(z.object({ x: z.number(), label: z.string() })),
  yTicks: z.array(z.object({ y: z.number(), label: z.string() })),
  baseline: z.object({ x: z.number(), y: z.number(), value: z.number() }),
  aim: Segment,
  criterion: z.object({ y: z.number(), value: z.number() }),
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

export const GoalProgress = z.object({
  chart: ChartModelSchema,
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
   * The goal graph, its flags and the suggested progress level; Theil–Sen trend unless `ols` is asked.
   * The suggestion is for the period ending on `periodEndsOn` (a past period's report is judged on
   * the points up to its end), else for the running period.
   */
  'goals.progress': {
    input: z.object({ goalId: Id, method: TrendMethodSchema.default('theil_sen'), periodEndsOn: IsoDate.optional() }).strict(),
    output: GoalProgress,
  },
} as const;
