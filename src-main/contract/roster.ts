/**
 * Roster import from CSV files exported by a student information system (PowerSchool, Infinite
 * Campus, …): a preview with the column mapping, per-row errors and duplicates, then an
 * all-or-nothing commit. The renderer sends the file's text; nothing is kept between the two calls.
 */
import { z } from 'zod';
import { COMMAND_LINE_ONLY, LocalPath } from './files';

export const RosterKind = z.enum(['students', 'mentors', 'staff']);
export type RosterKind = z.infer<typeof RosterKind>;

/** What a roster file may fill in, per kind; the mapping's keys are these names. */
export const ROSTER_FIELDS = {
  students: [
    'localId',
    'firstName',
    'lastName',
    'preferredName',
    'grade',
    'school',
    'dateOfBirth',
    'guardianName',
    'guardianRelationship',
    'guardianPhone',
    'guardianEmail',
    'guardianLanguage',
  ],
  mentors: [
    'localId',
    'firstName',
    'lastName',
    'preferredName',
    'grade',
    'school',
    'consentGivenOn',
    'guardianConsentGivenOn',
    'loadCap',
    'interests',
  ],
  staff: ['localId', 'name', 'firstName', 'lastName', 'role', 'email'],
} as const satisfies Record<RosterKind, readonly string[]>;
export type RosterField<K extends RosterKind = RosterKind> = (typeof ROSTER_FIELDS)[K][number];

/** About 10 MB of text: far more than a district's roster, small enough to parse in one go. */
export const MAX_CSV_CHARS = 10 * 1024 * 1024;

/** Target field → the file's column header. */
export const RosterMapping = z.record(z.string().max(60), z.string().max(200));
export type RosterMapping = z.infer<typeof RosterMapping>;

const RosterFile = z.object({
  kind: RosterKind,
  csvText: z.string().max(MAX_CSV_CHARS, 'The file is larger than 10 MB; split it into smaller files.'),
  /** When given, replaces the detected mapping entirely (a field left out is not imported). */
  mapping: RosterMapping.optional(),
});
export type RosterFile = z.infer<typeof RosterFile>;

export const RosterRowError = z.object({
  /** As a spreadsheet numbers it: the header is row 1, the first data row is row 2. */
  row: z.number().int(),
  /** The target field, or null when the whole row is wrong (e.g. too many values). */
  field: z.string().nullable(),
  /** The file's column header for that field, when there is one. */
  column: z.string().nullable(),
  message: z.string(),
});
export type RosterRowError = z.infer<typeof RosterRowError>;

export const RosterDuplicate = z.object({
  row: z.number().int(),
  localId: z.string(),
  /** in_file: an earlier row (firstRow) has the same id; in_vault: Peerpath already has it. */
  reason: z.enum(['in_file', 'in_vault']),
  firstRow: z.number().int().nullable(),
});
export type RosterDuplicate = z.infer<typeof RosterDuplicate>;

export const RosterPreview = z.object({
  kind: RosterKind,
  headers: z.array(z.string()),
  /** What Peerpath recognised on its own. */
  detectedMapping: RosterMapping,
  /** What was used for this preview: the caller's mapping, or the detected one. */
  mapping: RosterMapping,
  /** Every field of this kind and whether a file must provide it. */
  fields: z.array(z.object({ field: z.string(), required: z.boolean() })),
  /** The first 20 data rows as they would be imported (grades as numbers, dates as YYYY-MM-DD). */
  rows: z.array(z.object({ row: z.number().int(), values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])) })),
  /** At most 1,000; errorCount has them all. Row 1 errors are about the header or the mapping. */
  errors: z.array(RosterRowError),
  errorCount: z.number().int(),
  duplicates: z.array(RosterDuplicate),
  /** Data rows in the file (blank lines not counted). */
  total: z.number().int(),
});
export type RosterPreview = z.infer<typeof RosterPreview>;

export const RosterCommitResult = z.object({ imported: z.number().int(), skipped: z.number().int() });
export type RosterCommitResult = z.infer<typeof RosterCommitResult>;

/**
 * A roster file imported from the command line: what was imported, or (nothing written) every
 * reason it was not, each as a line for the terminal.
 */
export const RosterFileImport = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('imported'),
    imported: z.number().int(),
    skipped: z.number().int(),
    /** The file's columns that no field was read from. */
    ignoredColumns: z.array(z.string()),
  }),
  z.object({
    outcome: z.literal('refused'),
    /** How many rows have problems, and each problem ("row 4 (Grade): …"). */
    problemRows: z.number().int(),
    problems: z.array(z.string()),
    /** Rows whose id Peerpath already has or the file repeats ("row 4: repeats …"). */
    duplicates: z.array(z.string()),
    /** What the id of this kind is called: "student number", "staff id". */
    idLabel: z.string(),
  }),
]);
export type RosterFileImport = z.infer<typeof RosterFileImport>;

/** Records per table of the export format (docs/export-format.md). */
export const ExchangeCounts = z.record(z.string(), z.number().int().nonnegative());
export type ExchangeCounts = z.infer<typeof ExchangeCounts>;

export const roster = {
  'roster.preview': { input: RosterFile.strict(), output: RosterPreview },
  /**
   * All or nothing: any bad row → `invalid_input` listing the rows; duplicates → `conflict`,
   * unless `skipDuplicates`, which imports the rest and leaves the duplicates out.
   */
  'roster.commit': {
    input: RosterFile.extend({ skipDuplicates: z.boolean().default(false) }).strict(),
    output: RosterCommitResult,
  },
  /**
   * Everything in the vault in the documented export format (docs/export-format.md), written to the
   * path the person chose in this session's save dialog (`files.chooseSavePath` with the json
   * filter; any other path is refused), never over an existing file, user-only (0600). The file is
   * NOT encrypted; the UI must say so first. The page never holds the records.
   */
  'exchange.save': {
    input: z.object({ path: LocalPath }).strict(),
    output: z.object({ path: z.string(), counts: ExchangeCounts }),
  },
  /** Command line only: `roster.commit` of a CSV file read from where the command line says. */
  'roster.importFile': {
    input: z.object({ kind: RosterKind, file: LocalPath, skipDuplicates: z.boolean().default(false) }).strict(),
    output: RosterFileImport,
    ...COMMAND_LINE_ONLY,
  },
  /** Command line only: the export written to a new, user-only (0600) file where it says. NOT encrypted. */
  'exchange.exportFile': { input: z.object({ file: LocalPath }).strict(), output: ExchangeCounts, ...COMMAND_LINE_ONLY },
  /** Command line only: an export file read into an empty vault; `linkedStaff` team members now use its staff records. */
  'exchange.importFile': {
    input: z.object({ file: LocalPath }).strict(),
    output: z.object({ counts: ExchangeCounts, linkedStaff: z.number().int() }),
    ...COMMAND_LINE_ONLY,
  },
} as const;
