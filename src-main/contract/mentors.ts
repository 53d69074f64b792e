/** Peer mentors: consent, training, availability, load, time off, recognition, and their assignments. */
import { z } from 'zod';
import { Id, IsoDate, SchoolPersonFields, ShortText, Slot } from './common';
import { PeerRole } from './plans';
import { withRequestId } from './request-id';

export const TRAINING_MODULES = [
  'confidentiality',
  'sensitivity',
  'instructional_techniques',
  'fostering_independence',
  'getting_an_adult',
] as const;
export const TrainingModule = z.enum(TRAINING_MODULES);
export type TrainingModule = z.infer<typeof TrainingModule>;

export const TrainingRecord = z.object({ module: TrainingModule, completedOn: IsoDate, expiresOn: IsoDate.optional() });
export type TrainingRecord = z.infer<typeof TrainingRecord>;

export const TimeOff = z.object({ id: Id.optional(), startDate: IsoDate, endDate: IsoDate });
export type TimeOff = z.infer<typeof TimeOff>;
export const Recognition = z.object({
  id: Id.optional(),
  kind: z.enum(['service_hours', 'award', 'letter']),
  date: IsoDate,
  hours: z.number().min(0).max(1000).optional(),
  description: ShortText.min(1),
});
export type Recognition = z.infer<typeof Recognition>;

/** The fields a person edits, without defaults: `.partial()` of a schema with defaults would fill them in on every update. */
const MentorFields = z.object({
  ...SchoolPersonFields,
  consentGivenOn: IsoDate.optional(),
  guardianConsentGivenOn: IsoDate.optional(),
  loadCap: z.number().int().min(1).max(6),
  interests: z.array(ShortText.min(1)).max(20),
  availability: z.array(Slot).max(60),
  training: z.array(TrainingRecord).max(20),
  studentId: Id.optional(),
});

export const MentorInput = MentorFields.extend({
  loadCap: MentorFields.shape.loadCap.default(1),
  interests: MentorFields.shape.interests.default([]),
  availability: MentorFields.shape.availability.default([]),
  training: MentorFields.shape.training.default([]),
});
export type MentorInput = z.infer<typeof MentorInput>;

/** Only what is sent changes; `null` clears the preferred name or the link to a student record. Lists replace the old list. */
export const MentorChanges = MentorFields.partial().extend({
  preferredName: ShortText.nullable().optional(),
  studentId: Id.nullable().optional(),
});
export type MentorChanges = z.infer<typeof MentorChanges>;

export const Mentor = MentorInput.omit({ consentGivenOn: true, guardianConsentGivenOn: true, preferredName: true, studentId: true }).extend(
  {
    id: Id,
    preferredName: z.string().nullable(),
    consentGivenOn: z.string().nullable(),
    consentWithdrawnOn: z.string().nullable(),
    guardianConsentGivenOn: z.string().nullable(),
    guardianConsentWithdrawnOn: z.string().nullable(),
    studentId: z.string().nullable(),
    timeOff: z.array(TimeOff.extend({ id: Id })),
    recognition: z.array(Recognition.extend({ id: Id })),
    archived: z.boolean(),
    /** Assignments running today (not ended, or ending after today). */
    activeAssignments: z.number().int(),
  },
);
export type Mentor = z.infer<typeof Mentor>;

export const END_REASONS = ['finished', 'consent_withdrawn', 'reassigned', 'other'] as const;
export const EndReason = z.enum(END_REASONS);
export type EndReason = z.infer<typeof EndReason>;

export const Assignment = z.object({
  id: Id,
  mentorId: Id,
  /** Preferred or first name and last name, for lists that show who is assigned. */
  mentorName: z.string(),
  accommodationId: Id,
  /** The accommodation's role and class, so a mentor's list reads "Math 7 — peer tutor" without another call. */
  role: PeerRole,
  settingClass: z.string(),
  startDate: z.string(),
  /** The day it ended: from that day on the mentor is free again. Null while it runs. */
  endDate: z.string().nullable(),
  endReason: EndReason.nullable(),
  /** Running today (not ended, or ending after today). */
  active: z.boolean(),
});
export type Assignment = z.infer<typeof Assignment>;

export const REFUSAL_RULES = [
  'consent',
  'guardian_consent',
  'training',
  'load_cap',
  'time_off',
  'schedule',
  'self',
  'archived',
  'already_assigned',
  /** The accommodation's plan is superseded or ended. */
  'plan_closed',
  /** The start date is outside the accommodation's start and end dates. */
  'outside_dates',
] as const;

/** Why a mentor cannot take an accommodation, in plain words. */
export const Refusal = z.object({
  rule: z.enum(REFUSAL_RULES),
  message: z.string(),
});
export type Refusal = z.infer<typeof Refusal>;
export type RefusalRule = Refusal['rule'];

const ById = z.object({ id: Id }).strict();

export const mentors = {
  'mentors.list': {
    input: z.object({ query: z.string().trim().max(200).optional(), includeArchived: z.boolean().default(false) }).strict(),
    output: z.array(Mentor),
  },
  'mentors.get': { input: ById, output: Mentor },
  'mentors.create': { input: withRequestId(MentorInput), output: Mentor },
  'mentors.update': { input: z.object({ id: Id, changes: MentorChanges.strict() }).strict(), output: Mentor },
  /** Refused while the mentor has running assignments: the team ends them first, so no accommodation loses its mentor unseen. */
  'mentors.archive': { input: ById, output: Mentor },
  'mentors.restore': { input: ById, output: Mentor },
  /** Withdrawing either consent ends every active assignment that day. */
  'mentors.withdrawConsent': {
    input: z.object({ id: Id, who: z.enum(['mentor', 'guardian']), on: IsoDate }).strict(),
    output: z.object({ mentor: Mentor, endedAssignments: z.number().int() }),
  },
  'mentors.addTimeOff': { input: z.object({ id: Id, timeOff: TimeOff.omit({ id: true }) }).strict(), output: Mentor },
  'mentors.addRecognition': { input: z.object({ id: Id, recognition: Recognition.omit({ id: true }) }).strict(), output: Mentor },
  'assignments.listForAccommodation': { input: z.object({ accommodationId: Id }).strict(), output: z.array(Assignment) },
  'assignments.listForMentor': { input: z.object({ mentorId: Id }).strict(), output: z.array(Assignment) },
  /** Would this mentor be allowed? Every reason they would not, in plain words. */
  'assignments.check': {
    input: z.object({ mentorId: Id, accommodationId: Id, startDate: IsoDate }).strict(),
    output: z.object({ allowed: z.boolean(), refusals: z.array(Refusal) }),
  },
  /** Refused (code `conflict`, the reasons in the message) when any rule is broken. */
  'assignments.create': { input: withRequestId(z.object({ mentorId: Id, accommodationId: Id, startDate: IsoDate })), output: Assignment },
  'assignments.end': {
    input: z.object({ id: Id, endDate: IsoDate, reason: z.enum(['finished', 'reassigned', 'other']) }).strict(),
    output: Assignment,
  },
} as const;
