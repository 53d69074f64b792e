/**
 * The caseload dashboard and program health: for one case manager (the acting one unless another is
 * picked) or the whole program, every student with their goals' status, the fidelity of their peer
 * support over the last four school weeks and the health flags about them; and the program-health
 * flags on their own. Each flag carries the ids its link needs and the next step in one sentence.
 */
import { z } from 'zod';
import { Id } from './common';
import { TrainingModule } from './mentors';
import { GoalArea, PeerRole, PlanType } from './plans';

/** Whose students: the acting user's, another case manager's, or everyone's. */
export const CaseloadScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mine') }).strict(),
  z.object({ kind: z.literal('case_manager'), caseManagerId: Id }).strict(),
  z.object({ kind: z.literal('program') }).strict(),
]);
export type CaseloadScope = z.infer<typeof CaseloadScope>;

/**
 * The scope as answered. `no_staff_record`: "mine" was asked by someone with no staff record (opened
 * with the recovery key, or a slot whose staff record was removed), so no student can be theirs.
 */
export const ResolvedScope = z.object({
  kind: z.enum(['case_manager', 'program', 'no_staff_record']),
  caseManagerId: z.string().nullable(),
  caseManagerName: z.string().nullable(),
  /** The case manager is the acting user. */
  isActingUser: z.boolean(),
  /** The acting user's own staff record, whatever the scope, so a picker can offer "Me". */
  actingStaffId: z.string().nullable(),
});
export type ResolvedScope = z.infer<typeof ResolvedScope>;

export const HEALTH_RULES = [
  'one_sided_low_ratings',
  'one_sided_no_initiation',
  'burnout_sessions',
  'burnout_workload_rising',
  'burnout_over_cap',
  'burnout_no_break',
  'training_expiring',
  'consent_missing',
  'annual_review_due',
  'reevaluation_due',
  'no_mentor',
  'no_sessions',
  'seats_open',
  'period_not_finalized',
] as const;
export const HealthRule = z.enum(HEALTH_RULES);
export type HealthRule = z.infer<typeof HealthRule>;

/** The groups the program-health list shows, in this order: a service not delivered comes first. */
export const HEALTH_KINDS = ['service', 'reviews', 'progress_reports', 'consent', 'one_sided', 'burnout', 'training'] as const;
export const HealthKind = z.enum(HEALTH_KINDS);
export type HealthKind = z.infer<typeof HealthKind>;

/** The numbers and dates a flag's sentence quotes, so the screen can word it in the UI's language. */
export const HealthFacts = z.object({
  count: z.number().int().optional(),
  of: z.number().int().optional(),
  limit: z.number().int().optional(),
  weeks: z.number().int().optional(),
  rating: z.number().int().optional(),
  /** A due or expiry date. */
  date: z.string().optional(),
  /** Days from today to `date`; negative when it has passed. */
  days: z.number().int().optional(),
  module: TrainingModule.optional(),
  /** The day a lack began: no mentor since, or no session held since (the last held one, or the start). */
  since: z.string().optional(),
  /** School days (the school's calendar, else Monday to Friday) from `since` up to today. */
  schoolDays: z.number().int().optional(),
  /** A reporting period's label, e.g. "Quarter 1" (its end date is `date`). */
  period: z.string().optional(),
  /** The school a flag about the whole school is about (open seats). */
  school: z.string().optional(),
});
export type HealthFacts = z.infer<typeof HealthFacts>;

/** Where a flag's link goes: a plan page (about a student's plan or one of its peer supports) or a mentor page. */
export const HealthLink = z.discriminatedUnion('to', [
  z.object({
    to: z.literal('plan'),
    studentId: Id,
    studentName: z.string(),
    planId: Id,
    planType: PlanType,
    /** The peer support the flag is about, when it is about one. */
    accommodation: z.object({ id: Id, role: PeerRole, settingClass: z.string() }).nullable(),
  }),
  z.object({ to: z.literal('mentor'), mentorId: Id, mentorName: z.string() }),
  /** The Matching page, for seats of a school that still need a mentor. */
  z.object({ to: z.literal('matching'), school: z.string() }),
]);
export type HealthLink = z.infer<typeof HealthLink>;

export const HealthFlagView = z.object({
  /** Unique within one answer: the rule and the record it is about. */
  id: z.string(),
  rule: HealthRule,
  kind: HealthKind,
  /** urgent: overdue, a mentor assigned without consent, or a support without a mentor for the no-session span; warning: everything else. */
  severity: z.enum(['urgent', 'warning']),
  facts: HealthFacts,
  /** What was found and what to do, in plain English (for the CLI and reports; the screen words them from `rule` and `facts`). */
  message: z.string(),
  action: z.string(),
  link: HealthLink,
});
export type HealthFlagView = z.infer<typeof HealthFlagView>;

/**
 * A goal on the dashboard, from its judgement (progress-view GoalJudgement) and the delivery of the
 * peer supports serving it: at risk (unlikely, or not met); no service (supports serve it but none
 * held a session lately); no data; not enough data for a trend yet; unclear; on track (likely,
 * mastered or met, with its supports delivered). Only the data earns "on track".
 */
export const GOAL_STATUSES = ['at_risk', 'no_service', 'no_data', 'not_enough_data', 'unclear', 'on_track'] as const;
export const GoalStatus = z.enum(GOAL_STATUSES);
export type GoalStatus = z.infer<typeof GoalStatus>;

export const CaseloadGoal = z.object({
  id: Id,
  planId: Id,
  /** Its place in the plan (goals are numbered in the order they were written). */
  number: z.number().int(),
  area: GoalArea,
  statement: z.string(),
  status: GoalStatus,
  /** The latest progress point on or before today, counting earlier versions of the goal. */
  latest: z.object({ date: z.string(), value: z.number() }).nullable(),
});
export type CaseloadGoal = z.infer<typeof CaseloadGoal>;

/** Sessions held against sessions planned, over the dashboard's window. */
export const CaseloadFidelity = z.object({
  plannedSessions: z.number(),
  heldSessions: z.number().int(),
  /** Null when nothing was planned in the window. */
  percent: z.number().int().nullable(),
});
export type CaseloadFidelity = z.infer<typeof CaseloadFidelity>;

export const CaseloadStudent = z.object({
  id: Id,
  name: z.string(),
  grade: z.number().int(),
  /** The student's active plans (at most one of each type). */
  plans: z.array(z.object({ id: Id, type: PlanType, annualReviewDue: z.string(), reevaluationDue: z.string().nullable() })),
  goals: z.array(CaseloadGoal),
  goalCounts: z.object({
    atRisk: z.number().int(),
    noService: z.number().int(),
    noData: z.number().int(),
    notEnoughData: z.number().int(),
    unclear: z.number().int(),
    onTrack: z.number().int(),
  }),
  fidelity: CaseloadFidelity,
  /** The flags about this student's plans and peer supports and about the mentors assigned to them (ids in `flags`). */
  flagIds: z.array(z.string()),
});
export type CaseloadStudent = z.infer<typeof CaseloadStudent>;

export const ProgramHealth = z.object({
  scope: ResolvedScope,
  today: z.string(),
  /** Each flag once, grouped by kind (HEALTH_KINDS order), urgent first within a kind. */
  flags: z.array(HealthFlagView),
});
export type ProgramHealth = z.infer<typeof ProgramHealth>;

export const CaseloadDashboard = ProgramHealth.extend({
  /** The fidelity window: Monday three weeks before this week's, to today. */
  fidelityWindow: z.object({ from: z.string(), to: z.string() }),
  /** Sorted by name. */
  students: z.array(CaseloadStudent),
});
export type CaseloadDashboard = z.infer<typeof CaseloadDashboard>;

const ScopeInput = z.object({ scope: CaseloadScope.default({ kind: 'mine' }) }).strict();

export const caseload = {
  /** One row per active student in the scope, with the program-health flags of the same scope. */
  'caseload.dashboard': { input: ScopeInput, output: CaseloadDashboard },
  /** The program-health flags alone, for the same scopes. */
  'health.flags': { input: ScopeInput, output: ProgramHealth },
} as const;
