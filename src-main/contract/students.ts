/** Students with an IEP or 504 plan, and their parents or guardians. */
import { z } from 'zod';
import { Grade, Id, IsoDate, Language, PersonName, SchoolPersonFields, ShortText } from './common';
import { withRequestId } from './request-id';

export const StudentStatus = z.enum(['active', 'archived', 'deidentified']);

export const GuardianInput = z.object({
  name: PersonName,
  relationship: ShortText.min(1, 'Say how they are related (mother, grandfather, guardian …).'),
  phone: ShortText.optional(),
  email: z.string().trim().email('Enter an email address like name@example.org.').max(200).optional(),
  preferredLanguage: Language.default('en'),
});
export const Guardian = GuardianInput.extend({ id: Id });
export type Guardian = z.infer<typeof Guardian>;

export const StudentInput = z.object({
  ...SchoolPersonFields,
  dateOfBirth: IsoDate.optional(),
  caseManagerId: Id.optional(),
  /** Absent in an update: the guardians stay as they are. */
  guardians: z.array(GuardianInput).max(6).optional(),
});
export type StudentInput = z.infer<typeof StudentInput>;

/** An edit: only what is sent changes; `null` clears an optional field. */
export const StudentChanges = StudentInput.partial().extend({
  preferredName: ShortText.nullable().optional(),
  dateOfBirth: IsoDate.nullable().optional(),
  caseManagerId: Id.nullable().optional(),
});
export type StudentChanges = z.infer<typeof StudentChanges>;

export const Student = z.object({
  id: Id,
  localId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  preferredName: z.string().nullable(),
  grade: z.number().int(),
  school: z.string(),
  dateOfBirth: z.string().nullable(),
  caseManagerId: z.string().nullable(),
  status: StudentStatus,
  noLongerNeeded: z.boolean(),
  guardians: z.array(Guardian),
  updatedAt: z.string(),
});
export type Student = z.infer<typeof Student>;

export const StudentRow = z.object({
  id: Id,
  localId: z.string(),
  displayName: z.string(),
  grade: z.number().int(),
  school: z.string(),
  caseManagerId: z.string().nullable(),
  caseManagerName: z.string().nullable(),
  planTypes: z.array(z.enum(['iep', '504'])),
  status: StudentStatus,
  noLongerNeeded: z.boolean(),
});
export type StudentRow = z.infer<typeof StudentRow>;

export const StudentQuery = z.object({
  query: z.string().trim().max(200).optional(),
  caseManagerId: Id.optional(),
  school: ShortText.optional(),
  grade: Grade.optional(),
  planType: z.enum(['iep', '504']).optional(),
  status: z.enum(['active', 'archived', 'no_longer_needed']).default('active'),
  sort: z.enum(['name', 'grade', 'school', 'localId']).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});
export type StudentQuery = z.infer<typeof StudentQuery>;

const ById = z.object({ id: Id }).strict();

export const students = {
  'students.list': { input: StudentQuery.strict(), output: z.object({ rows: z.array(StudentRow), total: z.number().int() }) },
  'students.get': { input: ById, output: Student },
  'students.create': { input: withRequestId(StudentInput), output: Student },
  'students.update': { input: z.object({ id: Id, changes: StudentChanges.strict() }).strict(), output: Student },
  'students.archive': { input: ById, output: Student },
  'students.restore': { input: ById, output: Student },
  'students.markNoLongerNeeded': { input: z.object({ id: Id, noLongerNeeded: z.boolean() }).strict(), output: Student },
  /** Removes every row of the student for good; `confirmLocalId` guards against the wrong click. */
  'students.purge': {
    input: z.object({ id: Id, confirmLocalId: z.string().max(40) }).strict(),
    /** How many free-text fields of other records named the student and were scrubbed. */
    output: z.object({ mentionsScrubbed: z.number().int().nonnegative() }),
  },
  /** Keeps aggregate program data and removes identity. */
  'students.deidentify': { input: z.object({ id: Id, confirmLocalId: z.string().max(40) }).strict(), output: Student },
} as const;
