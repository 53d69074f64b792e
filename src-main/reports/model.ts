/**
 * What each report prints, as plain data: the team's view (names and all) gathered from the
 * services, the parent's view made from it by `redact.ts` alone, and the mentor letter's view. The
 * renderers take nothing else, so a parent report can only print what its view type can hold: peers
 * appear there as a role and a grade, never as a name, initials or an id.
 */

import type { z } from 'zod';
import type {
  ChartModelView,
  Fidelity,
  GOAL_AREAS,
  GoalFlagView,
  GoalJudgement,
  InsufficientReason,
  Measurement,
  PeerRole,
  PlanType,
  ProgressCodeSetId,
  TrainingModule,
  TrendMethodSchema,
} from '../contract';
import type { PaperSize } from '../contract/reports';

/** A finished PDF. */
export interface RenderedReport {
  bytes: Uint8Array;
  pages: number;
}

/** What the school's settings add to every report. */
export interface Letterhead {
  schoolName: string;
  /** PNG or JPEG bytes. */
  logo: Uint8Array | null;
  paperSize: PaperSize;
}

export interface DateRange {
  from: string;
  to: string;
}

export interface PlanFacts {
  type: PlanType;
  version: number;
  startDate: string;
  endDate: string;
  annualReviewDue: string;
  reevaluationDue: string | null;
  caseManagerName: string | null;
  /** Annual review or re-evaluation due soon or overdue, worded by the plans service. */
  warnings: string[];
}

export interface GoalValueFacts {
  measurement: Measurement;
  scaleMax: number | null;
  baseline: number;
  target: number;
}

/** A short-term objective under a goal; `status` only where the team recorded one. */
export interface GoalObjective {
  text: string;
  status?: string;
}

export interface PeriodReport {
  periodLabel: string;
  /** The period's first day: the day after the previous period ended, or the plan's start. */
  periodStartsOn: string;
  periodEndsOn: string;
  codeSet: ProgressCodeSetId;
  code: string | null;
  codeLabel: string | null;
  sufficient: boolean | null;
  insufficientReason: InsufficientReason | null;
  narrative: string | null;
}

/** A mentor as the team knows them. */
export interface TeamMentor {
  id: string;
  localId: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  grade: number;
  /** Every training module completed. */
  trained: boolean;
}

export interface TeamSupport {
  accommodationId: string;
  role: PeerRole;
  settingClass: string;
  sessionsPerWeek: number;
  minutesPerSession: number;
  /** Null when the accommodation did not run in the range. */
  fidelity: Fidelity | null;
  /** Assigned at some time in the range. */
  mentors: TeamMentor[];
}

export interface TeamGoal extends GoalValueFacts {
  id: string;
  number: number;
  area: (typeof GOAL_AREAS)[number];
  statement: string;
  /** The statement as the team translated it, by language code. */
  statementTranslations: Record<string, string>;
  criterion: string;
  measuredEvery: string;
  endDate: string;
  chart: ChartModelView;
  trendMethod: z.infer<typeof TrendMethodSchema>;
  flags: GoalFlagView[];
  /** The rules' one verdict as of the report's day: every sentence on where the goal stands is worded from it. */
  judgement: GoalJudgement;
  objectives: GoalObjective[];
  reports: PeriodReport[];
  supports: TeamSupport[];
}

export interface CheckInHighlight {
  date: string;
  role: PeerRole;
  settingClass: string;
  mentorName: string | null;
  whatsWorking: string | null;
  whatsNot: string | null;
  nextSteps: string | null;
  belonging: number | null;
  engagement: number | null;
  mentorWorkload: number | null;
  mentorConfidence: number | null;
}

export interface TeamSummaryView {
  letterhead: Letterhead;
  preparedOn: string;
  range: DateRange;
  student: {
    id: string;
    localId: string;
    firstName: string;
    lastName: string;
    preferredName: string | null;
    grade: number;
    school: string;
  };
  plan: PlanFacts;
  goals: TeamGoal[];
  /** Newest first. */
  checkIns: CheckInHighlight[];
}

/** Names and ids that must not reach a parent: every mentor, every other student. */
export interface ProtectedIdentity {
  localId: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
}

// ── The parent's view: nothing in it can name another student ──────────────────────────────────

/** How many mentors of the school serve in a role from a grade: what a description may say without singling one out. */
export interface MentorCrowd {
  role: PeerRole;
  grade: number;
  mentors: number;
}

/** Who a parent document must not name, who it may, and the school's mentor crowds (services/reports/people.ts). */
export interface RedactionPeople {
  peers: readonly ProtectedIdentity[];
  /** The family, staff and attendees by full name: what they share with a peer stays. */
  named: readonly string[];
  crowds: readonly MentorCrowd[];
}

export type GradeBand = 'elementary' | 'middle' | 'high';

/**
 * A peer as a parent may learn of them: by role and grade when at least 3 mentors of the school
 * share both, by role and grade band when that is the smaller crowd, else only as a trained peer.
 */
export type PeerDescription =
  | { scope: 'grade'; role: PeerRole; grade: number; trained: boolean }
  | { scope: 'band'; role: PeerRole; band: GradeBand; trained: boolean }
  | { scope: 'any'; trained: boolean };

export interface ParentSupport {
  role: PeerRole;
  settingClass: string;
  sessionsPerWeek: number;
  minutesPerSession: number;
  heldSessions: number | null;
  plannedSessions: number | null;
  peers: PeerDescription[];
}

export interface ParentGoal extends GoalValueFacts {
  number: number;
  area: (typeof GOAL_AREAS)[number];
  /** As the team wrote it. */
  statement: string;
  /** The team's translation into the report's language, if they entered one. */
  translatedStatement: string | null;
  endDate: string;
  chart: ChartModelView;
  judgement: GoalJudgement;
  /** The last measurement's day when data collection stopped (the rules' "no recent data" flag); else null. */
  dataStoppedSince: string | null;
  objectives: GoalObjective[];
  /** The team's sufficiency answer and its reason stay: a family (and a state monitor) is owed them. */
  reports: Pick<
    PeriodReport,
    'periodLabel' | 'periodStartsOn' | 'periodEndsOn' | 'codeSet' | 'code' | 'codeLabel' | 'sufficient' | 'insufficientReason' | 'narrative'
  >[];
  supports: ParentSupport[];
}

export interface ParentReportView {
  letterhead: Letterhead;
  language: string;
  preparedOn: string;
  preparedFor: string;
  range: DateRange;
  student: { name: string; grade: number; school: string };
  plan: Pick<PlanFacts, 'type' | 'startDate' | 'endDate' | 'annualReviewDue' | 'caseManagerName'>;
  goals: ParentGoal[];
  /** Some support serving a goal held at least one session: only then does the intro speak of peers helping. */
  peersDelivered: boolean;
}

// ── The mentor's letter: nothing in it can name a student they supported ───────────────────────

export interface MentorLetterView {
  letterhead: Letterhead;
  preparedOn: string;
  mentor: { name: string; grade: number; school: string };
  hours: { hours: number; heldSessions: number; firstDate: string | null; lastDate: string | null };
  roles: { role: PeerRole; hours: number; heldSessions: number }[];
  training: { module: TrainingModule; completedOn: string }[];
  recognition: { date: string; description: string }[];
  signedBy: string | null;
  /** From report settings: the signer's title ("Special education coordinator") and how to reach them. */
  signerTitle: string | null;
  signerContact: string | null;
}
