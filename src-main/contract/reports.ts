/**
 * PDF reports: the IEP team's meeting summary, the parent report (redacted: peers only by role and
 * grade) and a mentor's recognition letter; saving one records it in the audit trail — a parent
 * report as a disclosure with recipient and purpose (FERPA 34 CFR 99.32), the others as internal
 * use — and the disclosure record lists those events. Report settings: school name, logo, paper.
 */
import { z } from 'zod';
import { Id, IsoDate, ReportLanguage, ShortText } from './common';

export const PAPER_SIZES = ['letter', 'a4'] as const;
export const PaperSize = z.enum(PAPER_SIZES);
export type PaperSize = z.infer<typeof PaperSize>;

export const REPORT_KINDS = ['team_summary', 'parent_report', 'recognition_letter', 'meeting_summary'] as const;
export const ReportKind = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKind>;

/** A logo is printed at most 1.2 in high; 512 KB of PNG or JPEG is plenty. */
export const MAX_LOGO_BYTES = 512 * 1024;

export const ReportSettings = z.object({
  /** Printed at the top of every report; null: the student's (or mentor's) school. */
  schoolName: z.string().nullable(),
  /** PNG or JPEG, base64; null: no logo. */
  logoBase64: z.string().nullable(),
  paperSize: PaperSize,
  /** Printed under the signer's name on a mentor's letter ("Special education coordinator"); null: none. */
  signerTitle: z.string().nullable(),
  /** How a reader of the letter reaches the signer (an email or phone); null: none. */
  signerContact: z.string().nullable(),
});
export type ReportSettings = z.infer<typeof ReportSettings>;

export const ReportSettingsChanges = z
  .object({
    schoolName: ShortText.min(1).nullable(),
    logoBase64: z
      .string()
      .max(Math.ceil(MAX_LOGO_BYTES / 3) * 4, 'The logo must be at most 512 KB.')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The logo must be sent as base64.')
      .nullable(),
    paperSize: PaperSize,
    signerTitle: ShortText.min(1).nullable(),
    signerContact: ShortText.min(1).nullable(),
  })
  .partial()
  .strict();
export type ReportSettingsChanges = z.infer<typeof ReportSettingsChanges>;

export const Recipient = z
  .string()
  .trim()
  .min(1, 'Say who receives the report, e.g. "Marisol Quixote (mother)".')
  .max(200, 'Keep the recipient to 200 characters.');
export const Purpose = z
  .string()
  .trim()
  .min(1, 'Say why the report is shared, e.g. "quarterly progress report".')
  .max(200, 'Keep the purpose to 200 characters.');

/** A name as the case manager writes it in the review: what to leave as written, or take out too. */
const ReviewedName = z.string().trim().min(1, 'Give the name to keep or remove.').max(200, 'Keep a name to 200 characters.');

/**
 * The case manager's review of a parent document's redaction: `keep` undoes replacements (their
 * found text, as the preview listed it), `remove` takes out more names wherever they stand.
 */
export const RedactionReview = z.object({ keep: z.array(ReviewedName).max(500), remove: z.array(ReviewedName).max(500) }).strict();
export type RedactionReview = z.infer<typeof RedactionReview>;

/** One name a parent document's redaction replaced, with a few words either side where it was first found. */
export const FoundName = z.object({
  found: z.string(),
  replacement: z.string(),
  before: z.string(),
  after: z.string(),
  /** full_name, first_name, surname, initials, student_number … (services/names/scrub.ts). */
  identityKind: z.string(),
  occurrences: z.number().int(),
});
export type FoundName = z.infer<typeof FoundName>;

/** Left out: `from` is the plan's start, `to` and `preparedOn` are today. */
const Dates = { from: IsoDate.optional(), to: IsoDate.optional(), preparedOn: IsoDate.optional() };

export const ReportRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('team_summary'), studentId: Id, ...Dates }).strict(),
  z
    .object({
      kind: z.literal('parent_report'),
      studentId: Id,
      /** A language with a report catalog (en, es, vi, zh, ar, hi, uk, fr, so); refused otherwise, naming those there are. */
      language: ReportLanguage,
      recipient: Recipient,
      purpose: Purpose,
      /** The case manager's review of the names taken out; the saved record notes it was done. */
      redaction: RedactionReview.optional(),
      ...Dates,
    })
    .strict(),
  z.object({ kind: z.literal('recognition_letter'), mentorId: Id, preparedOn: IsoDate.optional() }).strict(),
]);
export type ReportRequest = z.infer<typeof ReportRequest>;

export const ReportFile = z.object({
  /** A file name to offer in the save dialog, e.g. "S-100234 Quixote – team summary – 2026-10-15.pdf". */
  fileName: z.string(),
  pages: z.number().int(),
  bytes: z.number().int(),
});

/** Which students a batch covers: a case manager's caseload, or everyone active at one school. */
export const BatchScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('caseload'), caseManagerId: Id }).strict(),
  z.object({ kind: z.literal('school'), school: ShortText.min(1, 'Choose a school.') }).strict(),
]);
export type BatchScope = z.infer<typeof BatchScope>;

export const BatchFailure = z.object({
  studentId: z.string(),
  localId: z.string(),
  /** The student's name as the team knows it, to find them in the list (kept in memory, never logged). */
  name: z.string(),
  message: z.string(),
});

/** Where a batch job stands: n of N done, the students whose report failed, and how it ended. */
export const BatchStatus = z.object({
  jobId: Id,
  done: z.number().int(),
  total: z.number().int(),
  written: z.number().int(),
  failures: z.array(BatchFailure),
  finished: z.boolean(),
  cancelled: z.boolean(),
  /** Set when the whole batch stopped early for a reason other than "Cancel" (e.g. the vault locked). */
  stoppedBecause: z.string().nullable(),
  folder: z.string(),
});
export type BatchStatus = z.infer<typeof BatchStatus>;

export const DisclosureUse = z.enum(['disclosure', 'internal_use']);

/** One saved report, as the audit trail recorded it: who, when, to whom, why, what. */
export const Disclosure = z.object({
  /** The audit event's id. */
  id: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  use: DisclosureUse,
  report: ReportKind,
  /** A student's record id (team summary, parent report, meeting summary) or a mentor's (recognition letter). */
  subject: z.enum(['student', 'mentor']),
  subjectId: z.string(),
  /** The student's number staff know (a listing's column), or null for a mentor or once purged. */
  subjectLocalId: z.string().nullable(),
  recipient: z.string().nullable(),
  purpose: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  preparedOn: z.string(),
  language: z.string().nullable(),
  /**
   * For a parent report the case manager reviewed before saving: how many names its redaction
   * replaced, how many they kept and how many they added (never which); null or absent when not reviewed.
   */
  namesReplaced: z.number().int().nullable().optional(),
  namesKept: z.number().int().nullable().optional(),
  namesAdded: z.number().int().nullable().optional(),
});
export type Disclosure = z.infer<typeof Disclosure>;

export const reports = {
  /** The PDF for a preview pane, as base64; nothing is written and nothing recorded. */
  'reports.preview': {
    input: z.object({ request: ReportRequest }).strict(),
    /** `names`: for a parent report, every name its redaction replaced, for the case manager's review. */
    output: ReportFile.extend({ pdfBase64: z.string(), names: z.array(FoundName).optional() }),
  },
  /**
   * Writes the PDF to the path the user chose in a save dialog (never over an existing file) and
   * records it: a parent report as a disclosure, the others as internal use.
   */
  'reports.save': {
    input: z.object({ request: ReportRequest, path: z.string().min(1).max(4096) }).strict(),
    output: ReportFile.extend({ path: z.string() }),
  },
  /**
   * A student, mentor or case manager by the number staff know (student number, a mentor's student
   * number, staff id) or by record id: how the command line names whom a report is about.
   */
  'reports.findByNumber': {
    input: z.object({ kind: z.enum(['student', 'mentor', 'case_manager']), number: z.string().trim().min(1).max(100) }).strict(),
    output: z.object({ id: Id }),
  },
  /** Saved reports, newest first; for one student when asked (what a parent may inspect). */
  'reports.disclosures': {
    input: z.object({ studentId: Id.optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.array(Disclosure),
  },
  /**
   * Starts team summaries for every active student in the scope, one PDF each into the folder the
   * user chose, in the background (one batch at a time); poll `reports.batchStatus` for progress.
   */
  'reports.batchStart': {
    input: z.object({ scope: BatchScope, folder: z.string().min(1).max(4096), ...Dates }).strict(),
    output: BatchStatus,
  },
  'reports.batchStatus': { input: z.object({ jobId: Id }).strict(), output: BatchStatus },
  /** Stops a batch between two students; what was written stays, and stays recorded. */
  'reports.batchCancel': { input: z.object({ jobId: Id }).strict(), output: BatchStatus },
  'reportSettings.get': { input: z.object({}).strict(), output: ReportSettings },
  'reportSettings.update': { input: ReportSettingsChanges, output: ReportSettings },
} as const;
