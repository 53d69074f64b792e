/**
 * The JSON export format, version 1 (documented field by field in docs/export-format.md).
 * One array per table, camelCase fields as in db/schema.ts, JSON columns as real arrays, every
 * nullable field present (null, never left out). Key slots and the audit trail belong to a vault
 * and are not exported; so is `staff.slotId`. Schemas check shapes and values, never transform.
 */
import { z } from 'zod';
import { Id, IsoDate, Language, Slot } from '../../contract/common';
import { MasteryCriterionSchema } from '../../contract/mastery';
import { CommunicationMode } from '../../contract/matching';
import { MeetingDecision } from '../../contract/meetings';
import { TrainingModule } from '../../contract/mentors';
import { GoalArea, Measurement, PeerRole, PlanStatus, PlanType } from '../../contract/plans';
import { InsufficientReason, IntervalMark, MissReason, ProgressCodeSetId, ProgressSource, SessionStatus } from '../../contract/progress';
import { StudentStatus } from '../../contract/students';
import { StaffRole } from '../../contract/vault';

export const EXPORT_FORMAT = 'peerpath-export';
export const EXPORT_VERSION = 1;

const Text = z.string().max(4000);
const Name = z.string().min(1).max(200);
/** ISO-8601 instant as Peerpath writes them (2026-03-09T14:05:00.000Z), or a plain date. */
const Stamp = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/, 'Not an ISO date or time.');
const Count = z.number().int().min(0).max(10_000);

export const StaffRecord = z
  .object({
    id: Id,
    name: Name,
    role: StaffRole,
    email: Text.nullable(),
    localId: Text.nullable(),
    archivedAt: Stamp.nullable(),
    createdAt: Stamp,
  })
  .strict();

export const StudentRecord = z
  .object({
    id: Id,
    localId: Name,
    firstName: Name,
    lastName: Name,
    preferredName: Text.nullable(),
    grade: z.number().int().min(-1).max(13),
    school: Text,
    dateOfBirth: IsoDate.nullable(),
    caseManagerId: Id.nullable(),
    status: StudentStatus,
    archivedAt: Stamp.nullable(),
    noLongerNeededAt: Stamp.nullable(),
    createdAt: Stamp,
    updatedAt: Stamp,
  })
  .strict();

export const GuardianRecord = z
  .object({
    id: Id,
    studentId: Id,
    name: Name,
    relationship: Text,
    phone: Text.nullable(),
    email: Text.nullable(),
    preferredLanguage: Language,
  })
  .strict();

export const PlanRecord = z
  .object({
    id: Id,
    studentId: Id,
    type: PlanType,
    version: z.number().int().min(1),
    amendsId: Id.nullable(),
    startDate: IsoDate,
    endDate: IsoDate,
    annualReviewDue: IsoDate,
    reevaluationDue: IsoDate.nullable(),
    caseManagerId: Id.nullable(),
    status: PlanStatus,
    createdAt: Stamp,
    updatedAt: Stamp,
  })
  .strict();

export const PlanTeamRecord = z.object({ planId: Id, staffId: Id }).strict();

export const GoalRecord = z
  .object({
    id: Id,
    planId: Id,
    area: GoalArea,
    statement: Text,
    measurement: Measurement,
    baseline: z.number().finite(),
    target: z.number().finite(),
    scaleMax: z.number().finite().nullable(),
    criterion: Text,
    measuredEvery: Text,
    reportingPeriods: z.array(z.object({ label: Text, endsOn: IsoDate }).strict()).max(50),
    endDate: IsoDate,
    objectives: z.array(Text).max(50),
    /** The statement as the team translated it, by language code; null when none (vault schema 7). */
    statementTranslations: z.record(Language, Text.min(1)).nullable(),
    /** The structured mastery criterion; null when read from `criterion` (added after format version 1). */
    mastery: MasteryCriterionSchema.nullable(),
    amendsId: Id.nullable(),
    createdAt: Stamp,
    updatedAt: Stamp,
  })
  .strict();

export const AccommodationRecord = z
  .object({
    id: Id,
    planId: Id,
    role: PeerRole,
    settingClass: Text,
    slots: z.array(Slot.strict()).max(100),
    sessionsPerWeek: Count,
    minutesPerSession: Count,
    mentorsNeeded: Count,
    startDate: IsoDate,
    endDate: IsoDate,
    notes: Text.nullable(),
    amendsId: Id.nullable(),
    createdAt: Stamp,
    updatedAt: Stamp,
  })
  .strict();

export const AccommodationGoalRecord = z.object({ accommodationId: Id, goalId: Id }).strict();

export const MentorRecord = z
  .object({
    id: Id,
    localId: Name,
    firstName: Name,
    lastName: Name,
    preferredName: Text.nullable(),
    grade: z.number().int().min(-1).max(13),
    school: Text,
    consentGivenOn: IsoDate.nullable(),
    consentWithdrawnOn: IsoDate.nullable(),
    guardianConsentGivenOn: IsoDate.nullable(),
    guardianConsentWithdrawnOn: IsoDate.nullable(),
    loadCap: Count,
    interests: z.array(Text).max(100),
    availability: z.array(Slot.strict()).max(100),
    studentId: Id.nullable(),
    archivedAt: Stamp.nullable(),
    createdAt: Stamp,
    updatedAt: Stamp,
  })
  .strict();

export const MentorTrainingRecord = z
  .object({ mentorId: Id, module: TrainingModule, completedOn: IsoDate, expiresOn: IsoDate.nullable() })
  .strict();

export const MentorTimeOffRecord = z.object({ id: Id, mentorId: Id, startDate: IsoDate, endDate: IsoDate }).strict();

export const MentorRecognitionRecord = z
  .object({
    id: Id,
    mentorId: Id,
    kind: z.enum(['service_hours', 'award', 'letter']),
    date: IsoDate,
    hours: z.number().finite().min(0).nullable(),
    description: Text,
  })
  .strict();

export const AssignmentRecord = z
  .object({
    id: Id,
    mentorId: Id,
    accommodationId: Id,
    startDate: IsoDate,
    endDate: IsoDate.nullable(),
    endReason: z.enum(['finished', 'consent_withdrawn', 'reassigned', 'other']).nullable(),
    createdAt: Stamp,
  })
  .strict();

export const SessionRecord = z
  .object({
    id: Id,
    accommodationId: Id,
    date: IsoDate,
    status: SessionStatus,
    missReason: MissReason.nullable(),
    minutes: z.number().int().min(0).max(240),
    note: Text.nullable(),
    createdAt: Stamp,
    updatedAt: Stamp,
  })
  .strict();

export const SessionMentorRecord = z.object({ sessionId: Id, mentorId: Id }).strict();
export const SessionGoalRecord = z.object({ sessionId: Id, goalId: Id }).strict();

export const ObservationRecord = z
  .object({
    id: Id,
    studentId: Id,
    date: IsoDate,
    intervalSeconds: z.number().int().min(1).max(3600),
    totalIntervals: Count,
    intervals: z.array(IntervalMark).max(10_000),
    peersCount: Count.nullable(),
    setting: Text.nullable(),
    observedBy: Id.nullable(),
    note: Text.nullable(),
    createdAt: Stamp,
  })
  .strict();

export const ProgressPointRecord = z
  .object({
    id: Id,
    goalId: Id,
    date: IsoDate,
    value: z.number().finite(),
    setting: Text.nullable(),
    collectedBy: Id.nullable(),
    source: ProgressSource,
    sessionId: Id.nullable(),
    observationId: Id.nullable(),
    note: Text.nullable(),
    createdAt: Stamp,
    updatedAt: Stamp,
  })
  .strict();

const Rating = z.number().int().min(1).max(5).nullable();

export const CheckInRecord = z
  .object({
    id: Id,
    accommodationId: Id,
    date: IsoDate,
    whatsWorking: Text.nullable(),
    whatsNot: Text.nullable(),
    belonging: Rating,
    engagement: Rating,
    mentorWorkload: Rating,
    mentorConfidence: Rating,
    nextSteps: Text.nullable(),
    mentorId: Id.nullable(),
    conductedBy: Id.nullable(),
    createdAt: Stamp,
    updatedAt: Stamp,
  })
  .strict();

export const ProgressReportRecord = z
  .object({
    id: Id,
    goalId: Id,
    periodLabel: Text,
    periodEndsOn: IsoDate,
    codeSet: ProgressCodeSetId,
    code: Text.nullable(),
    sufficient: z.boolean().nullable(),
    insufficientReason: InsufficientReason.nullable(),
    narrative: Text.nullable(),
    finalizedAt: Stamp.nullable(),
    amendments: z.array(z.object({ at: Stamp, note: Text }).strict()).max(100),
    createdAt: Stamp,
    updatedAt: Stamp,
  })
  .strict();

export const MatchStudentProfileRecord = z
  .object({ studentId: Id, interests: z.array(Text).max(100), communication: z.array(CommunicationMode).max(20), updatedAt: Stamp })
  .strict();

export const MatchMentorProfileRecord = z
  .object({ mentorId: Id, communication: z.array(CommunicationMode).max(20), updatedAt: Stamp })
  .strict();

export const MatchAvoidPairRecord = z.object({ id: Id, mentorId: Id, studentId: Id, reason: Text, createdAt: Stamp }).strict();
export const MatchRejectionRecord = z.object({ mentorId: Id, accommodationId: Id, rejectedOn: IsoDate }).strict();
export const MatchKeptPairRecord = z.object({ assignmentId: Id, markedOn: IsoDate }).strict();

export const MeetingRecord = z
  .object({
    id: Id,
    studentId: Id,
    planId: Id,
    meetingDate: IsoDate,
    rangeFrom: IsoDate,
    rangeTo: IsoDate,
    language: Language,
    /** The staff member whose key slot started it (the vault's `startedBySlot`, which names a slot of one vault). */
    startedBy: Id.nullable(),
    startedAt: Stamp,
    endedAt: Stamp.nullable(),
  })
  .strict();

export const MeetingAttendeeRecord = z
  .object({ meetingId: Id, position: z.number().int().min(0).max(100), name: Name, relation: Name })
  .strict();

export const MeetingProposalRecord = z
  .object({
    id: Id,
    meetingId: Id,
    decision: MeetingDecision,
    accommodationId: Id.nullable(),
    goalId: Id.nullable(),
    text: Text.nullable(),
    createdAt: Stamp,
    appliedAt: Stamp.nullable(),
    appliedBy: Id.nullable(),
  })
  .strict();

export const ExportFile = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: Stamp,
    /** The vault schema (migration count) of the Peerpath that wrote the file. */
    schemaVersion: z.number().int().min(1),
    students: z.array(StudentRecord),
    guardians: z.array(GuardianRecord),
    plans: z.array(PlanRecord),
    planTeam: z.array(PlanTeamRecord),
    goals: z.array(GoalRecord),
    accommodations: z.array(AccommodationRecord),
    accommodationGoals: z.array(AccommodationGoalRecord),
    mentors: z.array(MentorRecord),
    mentorTraining: z.array(MentorTrainingRecord),
    mentorTimeOff: z.array(MentorTimeOffRecord),
    mentorRecognition: z.array(MentorRecognitionRecord),
    assignments: z.array(AssignmentRecord),
    sessions: z.array(SessionRecord),
    sessionMentors: z.array(SessionMentorRecord),
    sessionGoals: z.array(SessionGoalRecord),
    observations: z.array(ObservationRecord),
    progressPoints: z.array(ProgressPointRecord),
    checkIns: z.array(CheckInRecord),
    progressReports: z.array(ProgressReportRecord),
    matchStudentProfiles: z.array(MatchStudentProfileRecord),
    matchMentorProfiles: z.array(MatchMentorProfileRecord),
    matchAvoidPairs: z.array(MatchAvoidPairRecord),
    matchRejections: z.array(MatchRejectionRecord),
    matchKeptPairs: z.array(MatchKeptPairRecord),
    meetings: z.array(MeetingRecord),
    meetingAttendees: z.array(MeetingAttendeeRecord),
    meetingProposals: z.array(MeetingProposalRecord),
    staff: z.array(StaffRecord),
  })
  .strict();
export type ExportFile = z.infer<typeof ExportFile>;

/** The data arrays, in the order they are inserted (a row's references come before it). */
export const EXPORT_TABLES = [
  'staff',
  'students',
  'guardians',
  'plans',
  'planTeam',
  'goals',
  'accommodations',
  'accommodationGoals',
  'mentors',
  'mentorTraining',
  'mentorTimeOff',
  'mentorRecognition',
  'assignments',
  'sessions',
  'sessionMentors',
  'sessionGoals',
  'observations',
  'progressPoints',
  'checkIns',
  'progressReports',
  'matchStudentProfiles',
  'matchMentorProfiles',
  'matchAvoidPairs',
  'matchRejections',
  'matchKeptPairs',
  'meetings',
  'meetingAttendees',
  'meetingProposals',
] as const satisfies readonly (keyof ExportFile)[];
export type ExportTable = (typeof EXPORT_TABLES)[number];

/**
 * Arrays added to format version 1 with vault schema 3 (sessions to progress marks, the array `progressReports`), 5 (the
 * match… arrays) and 6 (the meeting… arrays). A file written by an earlier Peerpath has none of
 * them and holds no such records, so the importer reads a missing one as empty.
 */
export const LATER_TABLES = [
  'sessions',
  'sessionMentors',
  'sessionGoals',
  'observations',
  'progressPoints',
  'checkIns',
  'progressReports',
  'matchStudentProfiles',
  'matchMentorProfiles',
  'matchAvoidPairs',
  'matchRejections',
  'matchKeptPairs',
  'meetings',
  'meetingAttendees',
  'meetingProposals',
] as const satisfies readonly ExportTable[];

/**
 * Fields added to format version 1 later: with vault schema 4 the version links of goals and
 * accommodations, with schema 7 goals' translated statements. A file written by an earlier Peerpath
 * has none; the importer reads a missing one as null.
 */
export const LATER_FIELDS = {
  goals: ['amendsId', 'statementTranslations', 'mastery'],
  accommodations: ['amendsId'],
} as const satisfies Partial<Record<ExportTable, readonly string[]>>;
export type ExportCounts = Record<ExportTable, number>;

export function countsOf(data: Pick<ExportFile, ExportTable>): ExportCounts {
  return Object.fromEntries(EXPORT_TABLES.map((table) => [table, data[table].length])) as ExportCounts;
}
