/**
 * Sessions, check-ins, progress points, observations (momentary time sampling), fidelity and
 * progress marks: "did the support happen?" and "is the student making progress?".
 * The progress-code presets live here as data so the UI and the reports read the same labels.
 */
import { z } from 'zod';
import { Day, Id, IsoDate, LongText, ShortText } from './common';
import { Accommodation, PeerRole } from './plans';
import { withRequestId } from './request-id';

// ── Sessions ─────────────────────────────────────────────────────────────────────────────────

export const MISS_REASONS = ['student_absent', 'mentor_absent', 'schedule_change', 'other'] as const;
export const MissReason = z.enum(MISS_REASONS);
export type MissReason = z.infer<typeof MissReason>;
export const SessionStatus = z.enum(['held', 'missed']);
export type SessionStatus = z.infer<typeof SessionStatus>;

/** A value as the person types it: a number in the goal's measurement. */
const Value = z.number().finite();

/** A progress point recorded with a session, for one of the goals the session addressed. */
export const SessionProgressInput = z
  .object({ goalId: Id, value: Value, setting: ShortText.optional(), note: LongText.optional() })
  .strict();

export const SessionInput = z
  .object({
    accommodationId: Id,
    date: IsoDate,
    status: SessionStatus,
    missReason: MissReason.optional(),
    /** 1–240 when held; 0 or left out when missed. */
    minutes: z.number().int().min(0).max(240).optional(),
    mentorIds: z.array(Id).max(10).default([]),
    goalIds: z.array(Id).max(30).default([]),
    note: LongText.optional(),
    progress: z.array(SessionProgressInput).max(30).default([]),
  })
  .strict();
export type SessionInput = z.infer<typeof SessionInput>;

/** Only what is sent changes; `null` clears the miss reason or the note; lists replace the old list. */
export const SessionChanges = z
  .object({
    date: IsoDate,
    status: SessionStatus,
    missReason: MissReason.nullable(),
    minutes: z.number().int().min(0).max(240),
    mentorIds: z.array(Id).max(10),
    goalIds: z.array(Id).max(30),
    note: LongText.nullable(),
  })
  .partial()
  .strict();
export type SessionChanges = z.infer<typeof SessionChanges>;

export const PROGRESS_SOURCES = ['manual', 'session', 'observation'] as const;
export const ProgressSource = z.enum(PROGRESS_SOURCES);

export const ProgressPoint = z.object({
  id: Id,
  goalId: Id,
  date: z.string(),
  value: z.number(),
  setting: z.string().nullable(),
  /** A staff id. */
  collectedBy: z.string().nullable(),
  source: ProgressSource,
  sessionId: z.string().nullable(),
  observationId: z.string().nullable(),
  note: z.string().nullable(),
});
export type ProgressPoint = z.infer<typeof ProgressPoint>;

export const Session = z.object({
  id: Id,
  accommodationId: Id,
  date: z.string(),
  status: SessionStatus,
  missReason: MissReason.nullable(),
  minutes: z.number().int(),
  note: z.string().nullable(),
  mentorIds: z.array(Id),
  goalIds: z.array(Id),
  /** The progress points recorded with this session. */
  progressPoints: z.array(ProgressPoint),
});
export type Session = z.infer<typeof Session>;

export const SessionDefaults = z.object({
  date: z.string(),
  /** The most common minutes of the last 10 held sessions (the latest wins a tie), else the planned minutes. */
  minutes: z.number().int(),
  minutesFrom: z.enum(['recent_sessions', 'plan']),
  /** Mentors whose assignment to the accommodation runs on `date`. */
  mentorIds: z.array(Id),
  /** Every goal the accommodation serves. */
  goalIds: z.array(Id),
});
export type SessionDefaults = z.infer<typeof SessionDefaults>;

export const WeekDay = z.object({
  date: z.string(),
  day: Day,
  /** The accommodation has a slot on this weekday and runs on this date. */
  scheduled: z.boolean(),
  sessions: z.array(Session),
  /** What a new session on this day starts with (as `sessions.defaults` for this date). */
  defaults: SessionDefaults,
});

export const StudentWeek = z.object({
  /** The Monday of the week. */
  weekStart: z.string(),
  days: z.array(z.string()),
  /** The accommodations of the student's active plans that run during the week. */
  accommodations: z.array(z.object({ accommodation: Accommodation, days: z.array(WeekDay) })),
});
export type StudentWeek = z.infer<typeof StudentWeek>;

// ── Check-ins ────────────────────────────────────────────────────────────────────────────────

const Rating = z.number().int().min(1, 'Ratings are 1 to 5.').max(5, 'Ratings are 1 to 5.');

const CheckInFields = z.object({
  date: IsoDate,
  whatsWorking: LongText,
  whatsNot: LongText,
  belonging: Rating,
  engagement: Rating,
  mentorWorkload: Rating,
  mentorConfidence: Rating,
  nextSteps: LongText,
  mentorId: Id,
  /** The staff member who held it; the acting user when left out. */
  conductedBy: Id,
});

export const CheckInInput = CheckInFields.partial().required({ date: true }).extend({ accommodationId: Id }).strict();
export type CheckInInput = z.infer<typeof CheckInInput>;
/** Only what is sent changes; `null` clears a field. */
export const CheckInChanges = z
  .object({
    date: IsoDate,
    whatsWorking: LongText.nullable(),
    whatsNot: LongText.nullable(),
    belonging: Rating.nullable(),
    engagement: Rating.nullable(),
    mentorWorkload: Rating.nullable(),
    mentorConfidence: Rating.nullable(),
    nextSteps: LongText.nullable(),
    mentorId: Id.nullable(),
    conductedBy: Id.nullable(),
  })
  .partial()
  .strict();
export type CheckInChanges = z.infer<typeof CheckInChanges>;

export const CheckIn = z.object({
  id: Id,
  accommodationId: Id,
  /** The accommodation's role and class, so a timeline reads "Math 7 — peer tutor" without another call. */
  role: PeerRole,
  settingClass: z.string(),
  studentId: Id,
  date: z.string(),
  whatsWorking: z.string().nullable(),
  whatsNot: z.string().nullable(),
  belonging: z.number().int().nullable(),
  engagement: z.number().int().nullable(),
  mentorWorkload: z.number().int().nullable(),
  mentorConfidence: z.number().int().nullable(),
  nextSteps: z.string().nullable(),
  mentorId: z.string().nullable(),
  conductedBy: z.string().nullable(),
});
export type CheckIn = z.infer<typeof CheckIn>;

// ── Progress points ──────────────────────────────────────────────────────────────────────────

export const ProgressPointInput = z
  .object({
    goalId: Id,
    date: IsoDate,
    value: Value,
    setting: ShortText.optional(),
    /** A staff id; the acting user when left out. */
    collectedBy: Id.optional(),
    note: LongText.optional(),
  })
  .strict();
export type ProgressPointInput = z.infer<typeof ProgressPointInput>;

export const ProgressPointChanges = z
  .object({
    date: IsoDate,
    value: Value,
    setting: ShortText.nullable(),
    collectedBy: Id.nullable(),
    note: LongText.nullable(),
  })
  .partial()
  .strict();
export type ProgressPointChanges = z.infer<typeof ProgressPointChanges>;

// ── Observations (momentary time sampling) ───────────────────────────────────────────────────

/** What was happening at one cue; null = no tap at that cue (missing, never "no"). */
export const IntervalMark = z
  .object({
    engaged: z.boolean().nullable(),
    initiated: z.boolean().nullable(),
    responded: z.boolean().nullable(),
    nearAdult: z.boolean().nullable(),
  })
  .strict();
export type IntervalMark = z.infer<typeof IntervalMark>;

/** engaged: academically engaged; interacting: initiated or responded to a peer; nearAdult: within ~3 ft of an adult. */
export const OBSERVED_BEHAVIOURS = ['engaged', 'interacting', 'nearAdult'] as const;
export const ObservedBehaviour = z.enum(OBSERVED_BEHAVIOURS);
export type ObservedBehaviour = z.infer<typeof ObservedBehaviour>;

export const BehaviourSummary = z.object({
  /** Intervals where the behaviour was seen. */
  yes: z.number().int(),
  /** Intervals with a mark for it (missing ones left out). */
  recorded: z.number().int(),
  /** yes / recorded × 100, one decimal; null when nothing was recorded. */
  percent: z.number().nullable(),
});

export const ObservationInput = z
  .object({
    studentId: Id,
    date: IsoDate,
    intervalSeconds: z.number().int().min(5).max(600),
    intervals: z.array(IntervalMark).min(1, 'Record at least one interval.').max(720),
    peersCount: z.number().int().min(0).max(60).optional(),
    setting: ShortText.optional(),
    note: LongText.optional(),
    /** The goals this observation measures, and which behaviour measures each. */
    measures: z
      .array(z.object({ goalId: Id, behaviour: ObservedBehaviour }).strict())
      .max(10)
      .default([]),
  })
  .strict();
export type ObservationInput = z.infer<typeof ObservationInput>;

export const Observation = z.object({
  id: Id,
  studentId: Id,
  date: z.string(),
  intervalSeconds: z.number().int(),
  totalIntervals: z.number().int(),
  intervals: z.array(IntervalMark),
  peersCount: z.number().int().nullable(),
  setting: z.string().nullable(),
  observedBy: z.string().nullable(),
  note: z.string().nullable(),
  summary: z.object({ engaged: BehaviourSummary, interacting: BehaviourSummary, nearAdult: BehaviourSummary }),
  /** The progress points made from it. */
  progressPoints: z.array(ProgressPoint),
});
export type Observation = z.infer<typeof Observation>;

// ── Fidelity ─────────────────────────────────────────────────────────────────────────────────

export const DateRange = z.object({ from: IsoDate, to: IsoDate });

export const FidelityWeek = z.object({
  /** The Monday of the week. */
  weekStart: z.string(),
  /** School days (Mon–Fri) of this week inside the range and the accommodation's dates. */
  schoolDays: z.number().int(),
  plannedSessions: z.number(),
  heldSessions: z.number().int(),
  plannedMinutes: z.number(),
  deliveredMinutes: z.number().int(),
});

export const Fidelity = z.object({
  /** The part of the asked range the accommodation ran in (null when it did not run at all). */
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Planned from sessions per week, a partial week prorated by its school days; one decimal. Holidays are not known. */
  plannedSessions: z.number(),
  plannedMinutes: z.number().int(),
  heldSessions: z.number().int(),
  deliveredMinutes: z.number().int(),
  missedSessions: z.number().int(),
  /** Held / planned × 100, whole percent; null when nothing was planned. */
  sessionsPercent: z.number().int().nullable(),
  minutesPercent: z.number().int().nullable(),
  missesByReason: z.object({
    student_absent: z.number().int(),
    mentor_absent: z.number().int(),
    schedule_change: z.number().int(),
    other: z.number().int(),
  }),
  weeks: z.array(FidelityWeek),
});
export type Fidelity = z.infer<typeof Fidelity>;

/**
 * What the log of sessions can say: nothing recorded (no session held or missed), none missed, or
 * some missed. "No missed sessions" is only true of a log that has sessions in it; every screen and
 * report asks here, so none says it of an empty log.
 */
export function sessionLog(fidelity: Pick<Fidelity, 'heldSessions' | 'missedSessions'>): 'none_recorded' | 'no_misses' | 'misses' {
  if (fidelity.missedSessions > 0) return 'misses';
  return fidelity.heldSessions > 0 ? 'no_misses' : 'none_recorded';
}

export const AccommodationFidelity = z.object({
  accommodationId: Id,
  planId: Id,
  role: PeerRole,
  settingClass: z.string(),
  sessionsPerWeek: z.number().int(),
  minutesPerSession: z.number().int(),
  fidelity: Fidelity,
});
export type AccommodationFidelity = z.infer<typeof AccommodationFidelity>;

export const SchoolFidelity = z.object({
  school: z.string(),
  /** Active students with a peer-support accommodation that ran in the range. */
  students: z.number().int(),
  accommodations: z.number().int(),
  total: Fidelity,
  byRole: z.array(z.object({ role: PeerRole, fidelity: Fidelity })),
});
export type SchoolFidelity = z.infer<typeof SchoolFidelity>;

// ── Progress marks and progress-code sets ────────────────────────────────────────────────────

/**
 * A shared meaning for the codes of every set, so a suggestion computed from the trend and the aim
 * line can be offered in whichever set the district uses.
 */
export const PROGRESS_STANDINGS = ['not_introduced', 'no_progress', 'insufficient', 'sufficient', 'met'] as const;
export type ProgressStanding = (typeof PROGRESS_STANDINGS)[number];

export interface ProgressCode {
  id: string;
  label: string;
  standing: ProgressStanding;
}
export interface ProgressCodeSet {
  id: string;
  name: string;
  codes: readonly ProgressCode[];
}

export const PROGRESS_CODE_SET_IDS = ['federal_default', 'connecticut', 'scale_1_4'] as const;
export const ProgressCodeSetId = z.enum(PROGRESS_CODE_SET_IDS);
export type ProgressCodeSetId = z.infer<typeof ProgressCodeSetId>;
export const DEFAULT_PROGRESS_CODE_SET: ProgressCodeSetId = 'federal_default';

/** The presets, in the order a form lists them. */
export const PROGRESS_CODE_SETS: Record<ProgressCodeSetId, ProgressCodeSet> = {
  federal_default: {
    id: 'federal_default',
    name: 'Standard (IDEA progress codes)',
    codes: [
      { id: 'mastered', label: 'Mastered', standing: 'met' },
      { id: 'sufficient', label: 'Sufficient progress', standing: 'sufficient' },
      { id: 'insufficient', label: 'Insufficient progress', standing: 'insufficient' },
      { id: 'no_progress', label: 'No progress', standing: 'no_progress' },
      { id: 'not_introduced', label: 'Not yet introduced', standing: 'not_introduced' },
    ],
  },
  connecticut: {
    id: 'connecticut',
    name: 'Connecticut',
    codes: [
      { id: 'not_introduced', label: 'Not introduced', standing: 'not_introduced' },
      { id: 'no_progress', label: 'No progress', standing: 'no_progress' },
      { id: 'limited', label: 'Limited', standing: 'insufficient' },
      { id: 'satisfactory', label: 'Satisfactory', standing: 'sufficient' },
      { id: 'mastered', label: 'Mastered', standing: 'met' },
    ],
  },
  scale_1_4: {
    id: 'scale_1_4',
    name: '1–4 scale',
    codes: [
      { id: '1', label: '1 No progress', standing: 'no_progress' },
      { id: '2', label: '2 Partial', standing: 'insufficient' },
      { id: '3', label: '3 Substantial', standing: 'sufficient' },
      { id: '4', label: '4 Met', standing: 'met' },
    ],
  },
};

const ProgressCodeSchema = z.object({ id: z.string(), label: z.string(), standing: z.enum(PROGRESS_STANDINGS) });
export const ProgressCodeSetSchema = z.object({ id: ProgressCodeSetId, name: z.string(), codes: z.array(ProgressCodeSchema) });
export const ProgressCodeSettings = z.object({ active: ProgressCodeSetId, sets: z.array(ProgressCodeSetSchema) });
export type ProgressCodeSettings = z.infer<typeof ProgressCodeSettings>;

export const INSUFFICIENT_REASONS = ['more_time', 'absences', 'goal_needs_revising', 'support_needs_changing', 'other'] as const;
export const InsufficientReason = z.enum(INSUFFICIENT_REASONS);
export type InsufficientReason = z.infer<typeof InsufficientReason>;

const CodeId = z.string().trim().min(1).max(40);
export const ReportPeriod = z.object({ label: ShortText.min(1, 'Name the reporting period, e.g. "Quarter 1".'), endsOn: IsoDate }).strict();

/**
 * A progress mark: the IEP's periodic statement of progress on one goal for one reporting period
 * (34 CFR 300.320(a)(3)) — the code, whether progress is sufficient, the narrative. Called "mark" so
 * that "report" means a PDF document; the table is still `progress_reports` (db/schema.ts).
 */
const MarkFields = z.object({
  code: CodeId.nullable(),
  sufficient: z.boolean().nullable(),
  insufficientReason: InsufficientReason.nullable(),
  narrative: LongText.nullable(),
});
export const MarkChanges = MarkFields.partial().strict();
export type MarkChanges = z.infer<typeof MarkChanges>;

export const ProgressMark = z.object({
  id: Id,
  goalId: Id,
  period: z.object({ label: z.string(), endsOn: z.string() }),
  codeSet: ProgressCodeSetId,
  code: z.string().nullable(),
  /** The code's label in its set (null when no code). */
  codeLabel: z.string().nullable(),
  sufficient: z.boolean().nullable(),
  insufficientReason: InsufficientReason.nullable(),
  narrative: z.string().nullable(),
  finalizedAt: z.string().nullable(),
  amendments: z.array(z.object({ at: z.string(), note: z.string() })),
  /** ISO instant it was first written: a report as of an earlier day leaves it out. */
  createdAt: z.string(),
});
export type ProgressMark = z.infer<typeof ProgressMark>;

// ── Channels ─────────────────────────────────────────────────────────────────────────────────

const ById = z.object({ id: Id }).strict();
const Ok = z.object({});
const OptionalRange = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });

export const progress = {
  /** Refused in plain words when the date, minutes, mentors, goals or progress values do not fit the accommodation. */
  'sessions.create': { input: withRequestId(SessionInput), output: Session },
  /**
   * A whole week at once, in one transaction: every session is checked first; one bad session writes
   * nothing and the message names its accommodation and day. Each session is audited as by `sessions.create`.
   */
  'sessions.createMany': {
    input: withRequestId(z.object({ sessions: z.array(SessionInput).min(1).max(100) })),
    output: z.array(Session),
  },
  'sessions.update': { input: z.object({ id: Id, changes: SessionChanges }).strict(), output: Session },
  /** Progress points recorded with it stay, as data without a session. */
  'sessions.delete': { input: ById, output: Ok },
  /** Newest first. */
  'sessions.listForAccommodation': {
    input: OptionalRange.extend({ accommodationId: Id }).strict(),
    output: z.array(Session),
  },
  /** Monday to Friday of the week containing `weekOf`, every accommodation of the student's active plans. */
  'sessions.week': { input: z.object({ studentId: Id, weekOf: IsoDate }).strict(), output: StudentWeek },
  /** What a new session form starts with, so a routine entry takes a few keystrokes; without a date, the latest school day. */
  'sessions.defaults': { input: z.object({ accommodationId: Id, date: IsoDate.optional() }).strict(), output: SessionDefaults },

  'checkIns.create': { input: withRequestId(CheckInInput), output: CheckIn },
  'checkIns.update': { input: z.object({ id: Id, changes: CheckInChanges }).strict(), output: CheckIn },
  'checkIns.delete': { input: ById, output: Ok },
  /** Every accommodation of the student, newest first. */
  'checkIns.listForStudent': { input: z.object({ studentId: Id }).strict(), output: z.array(CheckIn) },
  'checkIns.listForMentor': { input: z.object({ mentorId: Id }).strict(), output: z.array(CheckIn) },

  'progressPoints.create': { input: withRequestId(ProgressPointInput), output: ProgressPoint },
  /** The fast grid: every row is checked first; one bad row writes nothing and the message names its row number. */
  'progressPoints.createMany': {
    input: withRequestId(z.object({ points: z.array(ProgressPointInput).min(1).max(200) })),
    output: z.array(ProgressPoint),
  },
  'progressPoints.update': { input: z.object({ id: Id, changes: ProgressPointChanges }).strict(), output: ProgressPoint },
  'progressPoints.delete': { input: ById, output: Ok },
  /** Oldest first (the order a graph draws them). */
  'progressPoints.listForGoal': { input: OptionalRange.extend({ goalId: Id }).strict(), output: z.array(ProgressPoint) },

  /** Saves the observation and, in the same transaction, a progress point for each goal it measures. */
  'observations.record': { input: withRequestId(ObservationInput), output: Observation },
  'observations.listForStudent': { input: z.object({ studentId: Id }).strict(), output: z.array(Observation) },
  /** Removes the observation and the progress points made from it. */
  'observations.delete': { input: ById, output: Ok },

  'fidelity.forAccommodation': { input: DateRange.extend({ accommodationId: Id }).strict(), output: AccommodationFidelity },
  /** Every accommodation of the student's plans (drafts left out) that runs in the range, and the total. */
  /** Every active student's accommodations in one school: the total and one line per role. */
  'fidelity.forSchool': { input: DateRange.extend({ school: ShortText }).strict(), output: SchoolFidelity },
  'fidelity.forStudent': {
    input: DateRange.extend({ studentId: Id }).strict(),
    output: z.object({ accommodations: z.array(AccommodationFidelity), total: Fidelity }),
  },

  'progressCodes.get': { input: z.object({}).strict(), output: ProgressCodeSettings },
  /** Progress marks already saved keep the set they were written in. */
  'progressCodes.setActive': { input: z.object({ setId: ProgressCodeSetId }).strict(), output: ProgressCodeSettings },

  /** The progress marks of a plan's goals, for one period or all. */
  'progressMarks.listForPlan': {
    input: z.object({ planId: Id, periodEndsOn: IsoDate.optional() }).strict(),
    output: z.array(ProgressMark),
  },
  'progressMarks.get': { input: z.object({ goalId: Id, periodEndsOn: IsoDate }).strict(), output: ProgressMark.nullable() },
  /** Creates or changes a goal's progress mark for a period; only what is sent changes. Refused once finalized. */
  'progressMarks.save': {
    input: z.object({ goalId: Id, period: ReportPeriod, changes: MarkChanges }).strict(),
    output: ProgressMark,
  },
  /** Locks the period for the plan; refused, naming the goals, while any goal lacks a code or a narrative. */
  'progressMarks.finalize': { input: z.object({ planId: Id, periodEndsOn: IsoDate }).strict(), output: z.array(ProgressMark) },
  /** Changes a finalized progress mark, keeping the team's reason (the note) with it. */
  'progressMarks.amend': {
    input: z
      .object({
        goalId: Id,
        periodEndsOn: IsoDate,
        changes: MarkChanges,
        note: LongText.min(1, 'Say why the finalized mark is being amended.'),
      })
      .strict(),
    output: ProgressMark,
  },
} as const;
