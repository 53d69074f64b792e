/**
 * IEP meeting mode: Peerpath as the meeting's shared screen for one student. Starting it records a
 * disclosure to the attendees; while it is on, every channel but the few below (and the vault's
 * status, lock and unlock) is refused by the session; leaving takes the acting member's passphrase.
 * Decisions are kept as proposals dated with the meeting and applied after it, one at a time.
 */
import { z } from 'zod';
import { Id, IsoDate, Language, LongText, PersonName, ShortText } from './common';
import { GoalArea, Measurement, PeerRole } from './plans';
import { ChartModelSchema } from './progress-view';
import { Passphrase } from './vault';

export const Attendee = z.object({
  name: PersonName,
  /** How they relate to the student: "mother", "case manager", "student" … */
  relation: ShortText.min(1, 'Say how they relate to the student, e.g. "mother".'),
});
export type Attendee = z.infer<typeof Attendee>;

export const ACCOMMODATION_DECISIONS = ['accommodation_continue', 'accommodation_change', 'accommodation_end'] as const;
export const GOAL_DECISIONS = ['goal_keep', 'goal_revise', 'goal_mastered'] as const;
export const MEETING_DECISIONS = [...ACCOMMODATION_DECISIONS, 'accommodation_add', ...GOAL_DECISIONS, 'note'] as const;
export const MeetingDecision = z.enum(MEETING_DECISIONS);
export type MeetingDecision = z.infer<typeof MeetingDecision>;

export const Proposal = z.object({
  id: Id,
  meetingId: Id,
  /** The meeting's date: the day the team decided. */
  meetingDate: z.string(),
  decision: MeetingDecision,
  accommodationId: z.string().nullable(),
  goalId: z.string().nullable(),
  text: z.string().nullable(),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
  appliedByName: z.string().nullable(),
});
export type Proposal = z.infer<typeof Proposal>;

export const Meeting = z.object({
  id: Id,
  studentId: Id,
  planId: Id,
  meetingDate: z.string(),
  from: z.string(),
  to: z.string(),
  language: z.string(),
  attendees: z.array(Attendee),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  proposals: z.array(Proposal),
});
export type Meeting = z.infer<typeof Meeting>;

/** A peer support as the room sees it: role and grade of the peers, never a name. */
const PresenterSupport = z.object({
  accommodationId: Id,
  role: PeerRole,
  /** "Peer tutor in Math 7, twice a week, 20 minutes each time." in the meeting's language. */
  line: z.string(),
  /** "With a trained 7th-grade peer tutor." */
  peers: z.string(),
  /** "Sessions held: 9 of 11 planned." */
  fidelity: z.string(),
  held: z.number().nullable(),
  planned: z.number().nullable(),
});

const PresenterGoal = z.object({
  id: Id,
  number: z.number().int(),
  area: GoalArea,
  /** "Goal 1: Math". */
  title: z.string(),
  statement: z.string(),
  measurement: Measurement,
  baseline: z.number(),
  target: z.number(),
  endDate: z.string(),
  /** Values worded in the meeting's language ("62%", "level 3 of 4"). */
  baselineText: z.string(),
  latestText: z.string(),
  targetText: z.string(),
  latestDateText: z.string().nullable(),
  targetDateText: z.string(),
  /** The graph's one-paragraph description (its alternative text). */
  graphText: z.string(),
  chart: ChartModelSchema,
  supports: z.array(PresenterSupport),
});

const PresenterCheckIn = z.object({
  date: z.string(),
  dateText: z.string(),
  /** "Peer tutor in Math 7". */
  where: z.string(),
  whatsWorking: z.string().nullable(),
  whatsNot: z.string().nullable(),
  nextSteps: z.string().nullable(),
});

/** Everything the shared screen shows: the parent's redacted view, worded in the meeting's language. */
export const PresenterView = z.object({
  meetingId: Id,
  language: z.string(),
  studentName: z.string(),
  /** "Grade 7 · Lincoln Middle School · IEP · September 8, 2026 to October 15, 2026". */
  subtitle: z.string(),
  goals: z.array(PresenterGoal),
  /** Every accommodation of the plan, for decisions (also those serving no goal). */
  accommodations: z.array(PresenterSupport),
  checkIns: z.array(PresenterCheckIn),
  proposals: z.array(Proposal),
});
export type PresenterView = z.infer<typeof PresenterView>;

export const MeetingStart = z
  .object({
    studentId: Id,
    /** Left out: the plan's start, and today. */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    language: Language.default('en'),
    attendees: z.array(Attendee).min(1, 'Enter who is at the meeting.').max(30),
  })
  .strict();

export const DecisionInput = z
  .object({
    decision: MeetingDecision,
    accommodationId: Id.optional(),
    goalId: Id.optional(),
    text: LongText.optional(),
  })
  .strict();

export const MeetingSummaryRequest = z
  .object({
    meetingId: Id,
    version: z.enum(['team', 'parent']),
    /** The parent version's language; the team version is in English. */
    language: Language.default('en'),
  })
  .strict();

export const meetings = {
  /** Turns meeting mode on for one student (refused while one is on); records the disclosure. */
  'meetings.start': { input: MeetingStart, output: Meeting },
  /** The meeting that is on, or null. Allowed in meeting mode. */
  'meetings.current': { input: z.object({}).strict(), output: Meeting.nullable() },
  /** The shared screen's content, in `language` (the meeting's own when left out). Meeting mode only. */
  'meetings.presenter': { input: z.object({ language: Language.optional() }).strict(), output: PresenterView },
  /** Records a decision as a proposal of the meeting that is on. Meeting mode only. */
  'meetings.decide': { input: DecisionInput, output: Proposal },
  /** Leaves meeting mode with the acting member's passphrase (a wrong one waits longer each time). */
  'meetings.leave': { input: z.object({ passphrase: Passphrase }).strict(), output: Meeting },
  /** A student's meetings, newest first, with their proposals. */
  'meetings.list': { input: z.object({ studentId: Id }).strict(), output: z.array(Meeting) },
  /** Applies one proposal to the plan (audit-logged); each is applied once. */
  'meetings.apply': { input: z.object({ proposalId: Id }).strict(), output: Proposal },
  /** The meeting summary PDF (team or parent version) as base64 for a preview; nothing is recorded. */
  'meetings.summary': {
    input: MeetingSummaryRequest,
    output: z.object({ fileName: z.string(), pages: z.number().int(), bytes: z.number().int(), pdfBase64: z.string() }),
  },
  /**
   * Writes the meeting summary PDF to the path chosen in a save dialog (never over an existing file)
   * and records it: the parent version as a disclosure to the meeting's attendees, the team version
   * as internal use.
   */
  'meetings.saveSummary': {
    input: MeetingSummaryRequest.extend({ path: z.string().min(1).max(4096) }).strict(),
    output: z.object({ path: z.string(), fileName: z.string(), pages: z.number().int(), bytes: z.number().int() }),
  },
} as const;
