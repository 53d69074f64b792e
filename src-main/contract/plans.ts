/** Plans (IEP or 504), their measurable goals, and the peer-support accommodations that serve them. */
import { z } from 'zod';
import { Id, IsoDate, Language, LongText, ShortText, Slot } from './common';
import { MasteryCriterionSchema } from './mastery';
import { withRequestId } from './request-id';

export const PlanType = z.enum(['iep', '504']);
export type PlanType = z.infer<typeof PlanType>;
export const PlanStatus = z.enum(['draft', 'active', 'superseded', 'ended']);
export type PlanStatus = z.infer<typeof PlanStatus>;

export const GOAL_AREAS = [
  'reading',
  'writing',
  'math',
  'social_emotional',
  'behavior',
  'communication',
  'organization',
  'independence',
] as const;
export const GoalArea = z.enum(GOAL_AREAS);
export const MEASUREMENTS = ['percent', 'frequency', 'duration', 'rubric', 'trials', 'intervals'] as const;
export const Measurement = z.enum(MEASUREMENTS);
export type Measurement = z.infer<typeof Measurement>;

export const PEER_ROLES = [
  'peer_tutor',
  'peer_buddy',
  'peer_note_taker',
  'peer_facilitator',
  'circle_of_friends',
  'cooperative_group',
  'leadership_rotation',
] as const;
export const PeerRole = z.enum(PEER_ROLES);
export type PeerRole = z.infer<typeof PeerRole>;

export const PlanInput = z.object({
  studentId: Id,
  type: PlanType,
  startDate: IsoDate,
  endDate: IsoDate,
  annualReviewDue: IsoDate,
  reevaluationDue: IsoDate.optional(),
  caseManagerId: Id.optional(),
  teamStaffIds: z.array(Id).max(30).optional(),
  status: z.enum(['draft', 'active']).default('draft'),
});
export type PlanInput = z.infer<typeof PlanInput>;

export const DueWarning = z.object({
  kind: z.enum(['annual_review', 'reevaluation']),
  due: z.string(),
  /** overdue, or due within 30 days */
  severity: z.enum(['due_soon', 'overdue']),
  message: z.string(),
});

export const Plan = z.object({
  id: Id,
  studentId: Id,
  type: PlanType,
  version: z.number().int(),
  amendsId: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  annualReviewDue: z.string(),
  reevaluationDue: z.string().nullable(),
  caseManagerId: z.string().nullable(),
  teamStaffIds: z.array(z.string()),
  status: PlanStatus,
  /** Superseded and ended versions are kept read-only. */
  readOnly: z.boolean(),
  warnings: z.array(DueWarning),
});
export type Plan = z.infer<typeof Plan>;

export const ReportingPeriod = z.object({ label: ShortText.min(1), endsOn: IsoDate });

/** The goal statement as the team translated it for a family, by language code: { es: "…" }. */
export const StatementTranslations = z
  .record(Language, LongText.min(1, 'Write the translated statement, or leave the field empty.'))
  .refine((translations) => Object.keys(translations).length <= 10, 'At most 10 translations of one statement.');
export type StatementTranslations = z.infer<typeof StatementTranslations>;

export const GoalInput = z.object({
  planId: Id,
  area: GoalArea,
  statement: LongText.min(10, 'Write the goal as a full measurable statement.'),
  measurement: Measurement,
  baseline: z.number().finite(),
  target: z.number().finite(),
  /** Rubric: the top level (e.g. 4). Trials: N in "correct of N". */
  scaleMax: z.number().positive().finite().optional(),
  criterion: ShortText.min(1, 'Say when the goal counts as met, e.g. "80% in 4 of 5 probes".'),
  measuredEvery: ShortText.min(1),
  reportingPeriods: z.array(ReportingPeriod).max(12).optional(),
  endDate: IsoDate,
  objectives: z.array(LongText.min(1)).max(10).optional(),
  /**
   * The mastery criterion the judgement applies (k of the last n points at or beyond the target);
   * null or absent: read from `criterion`, which stays the team's words (contract/mastery.ts).
   */
  mastery: MasteryCriterionSchema.nullable().optional(),
  /** Optional: the statement in a family's language, entered by the team; the statement stays as written. */
  statementTranslations: StatementTranslations.optional(),
});
export type GoalInput = z.infer<typeof GoalInput>;

export const Goal = GoalInput.extend({
  id: Id,
  reportingPeriods: z.array(ReportingPeriod),
  objectives: z.array(z.string()),
  mastery: MasteryCriterionSchema.nullable(),
  statementTranslations: z.record(z.string(), z.string()),
  scaleMax: z.number().nullable(),
  servedBy: z.array(Id),
});
export type Goal = z.infer<typeof Goal>;

export const AccommodationInput = z.object({
  planId: Id,
  role: PeerRole,
  settingClass: ShortText.min(1, 'Name the class, e.g. "Math 7".'),
  slots: z.array(Slot).min(1, 'Choose at least one day and period.').max(60),
  sessionsPerWeek: z.number().int().min(1).max(30),
  minutesPerSession: z.number().int().min(5).max(240),
  mentorsNeeded: z.number().int().min(1).max(10).optional(),
  startDate: IsoDate,
  endDate: IsoDate,
  notes: LongText.optional(),
  goalIds: z.array(Id).max(30).optional(),
});
export type AccommodationInput = z.infer<typeof AccommodationInput>;

export const Accommodation = AccommodationInput.omit({ goalIds: true }).extend({
  id: Id,
  // A damaged stored schedule reads as empty (services/json-columns.ts): the screen still opens.
  slots: z.array(Slot),
  mentorsNeeded: z.number().int(),
  notes: z.string().nullable(),
  serves: z.array(Id),
});
export type Accommodation = z.infer<typeof Accommodation>;

export const PlanDetail = z.object({
  plan: Plan,
  goals: z.array(Goal),
  accommodations: z.array(Accommodation),
  /** Goals no accommodation serves, and accommodations serving no goal. */
  gaps: z.object({ goalsWithoutSupport: z.array(Id), accommodationsWithoutGoal: z.array(Id) }),
  versions: z.array(z.object({ id: Id, version: z.number().int(), status: PlanStatus })),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

/** What goes with a goal or accommodation removed from a draft plan (and comes back with Undo). */
export const RemovalCounts = z.object({
  progressPoints: z.number().int(),
  progressMarks: z.number().int(),
  /** Goal: sessions that addressed it (they stay, without the link). Accommodation: its sessions (they go). */
  sessions: z.number().int(),
  checkIns: z.number().int(),
  assignments: z.number().int(),
  /** A goal carried over by an amendment: points recorded under earlier versions stay with those versions. */
  keptInEarlierVersions: z.number().int(),
});
export type RemovalCounts = z.infer<typeof RemovalCounts>;

/** Asked before removing: what would go, or why it cannot be removed (an active plan changes only by amendment). */
export const RemovalPreview = z.object({
  counts: RemovalCounts,
  /** How many records of data go with it; the delete must confirm this number when it is not 0. */
  dataRecords: z.number().int(),
  /** Why it cannot be removed, in plain words; null when it can. */
  refusal: z.string().nullable(),
});
export type RemovalPreview = z.infer<typeof RemovalPreview>;

export const Removal = z.object({
  /** Give it to `removals.undo` to put everything back. */
  removalId: Id,
  entity: z.enum(['goal', 'accommodation']),
  entityId: Id,
  planId: Id,
  counts: RemovalCounts,
});
export type Removal = z.infer<typeof Removal>;

const RemoveInput = z
  .object({
    id: Id,
    /** The number of data records the person was told would go (RemovalPreview.dataRecords); required when it is not 0. */
    confirmedDataRecords: z.number().int().min(0).optional(),
  })
  .strict();

const ById = z.object({ id: Id }).strict();

export const plans = {
  'plans.listForStudent': { input: z.object({ studentId: Id }).strict(), output: z.array(Plan) },
  'plans.get': { input: ById, output: PlanDetail },
  'plans.create': { input: withRequestId(PlanInput), output: Plan },
  'plans.update': {
    input: z.object({ id: Id, changes: PlanInput.omit({ studentId: true, status: true }).partial().strict() }).strict(),
    output: Plan,
  },
  'plans.activate': { input: ById, output: Plan },
  'plans.end': { input: ById, output: Plan },
  /** Copies the plan with its goals and accommodations into a new draft version; the old one stays as it was. */
  'plans.amend': { input: ById, output: PlanDetail },
  'goals.create': { input: withRequestId(GoalInput), output: Goal },
  'goals.update': { input: z.object({ id: Id, changes: GoalInput.omit({ planId: true }).partial().strict() }).strict(), output: Goal },
  /** What removing the goal would take with it, or why it cannot be removed. */
  'goals.deletePreview': { input: ById, output: RemovalPreview },
  /**
   * Removes a goal of a draft plan, with its progress points and marks, into the plan's trash (Undo:
   * `removals.undo`). Refused for an active plan (amend it) and when data would go unconfirmed.
   */
  'goals.delete': { input: RemoveInput, output: Removal },
  'goals.setServedBy': { input: z.object({ id: Id, accommodationIds: z.array(Id).max(30) }).strict(), output: Goal },
  'accommodations.create': { input: withRequestId(AccommodationInput), output: Accommodation },
  'accommodations.update': {
    input: z.object({ id: Id, changes: AccommodationInput.omit({ planId: true, goalIds: true }).partial().strict() }).strict(),
    output: Accommodation,
  },
  'accommodations.deletePreview': { input: ById, output: RemovalPreview },
  /** As `goals.delete`: its sessions, check-ins and assignments go with it, into the plan's trash. */
  'accommodations.delete': { input: RemoveInput, output: Removal },
  /** Puts a removed goal or accommodation back with everything that went with it, while its plan is still a draft. */
  'removals.undo': { input: ById, output: z.object({ entity: z.enum(['goal', 'accommodation']), entityId: Id, planId: Id }) },
  'accommodations.setServes': { input: z.object({ id: Id, goalIds: z.array(Id).max(30) }).strict(), output: Accommodation },
} as const;
