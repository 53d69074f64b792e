/**
 * Roster import: preview (mapping, per-row errors, duplicates) and an all-or-nothing commit that
 * inserts every row in one transaction with one audit event ('roster.imported', counts only).
 * The commit analyses the file again inside its transaction, so what it checks is what it writes.
 */
import { isNotNull, ne } from 'drizzle-orm';
import { guardians, mentors, staff, students } from '../../../db/schema';
import { AppError, type ErrorCode } from '../../contract';
import {
  ROSTER_FIELDS,
  type RosterCommitResult,
  type RosterDuplicate,
  type RosterFile,
  type RosterKind,
  type RosterMapping,
  type RosterPreview,
  type RosterRowError,
} from '../../contract/roster';
import { change, expectChanged, newId, type ServiceContext, today } from '../context';
import { jsonColumns } from '../json-columns';
import type { Queryable, VaultTx } from '../vault-db';
import { parseCsvText } from './csv';
import { FIELD_SPECS, fieldSpec, LOCAL_ID_LABEL } from './fields';
import { detectMapping, missingFields } from './mapping';
import { convertRecords, type MentorRowInput, type RowOutcome, type StaffRowInput, type StudentRowInput } from './rows';

const PREVIEW_ROWS = 20;
const PREVIEW_ERRORS = 1000;
/** Rows per INSERT statement: well under SQLite's limit on bound values (14 columns × 400). */
const CHUNK = 400;

export interface RosterAnalysis {
  kind: RosterKind;
  headers: string[];
  detectedMapping: RosterMapping;
  mapping: RosterMapping;
  outcomes: RowOutcome[];
  /** Every error: the mapping's (row 1) first, then the rows', in file order. */
  errors: RosterRowError[];
  duplicates: RosterDuplicate[];
  total: number;
}

/** A refused commit, carrying every reason so the CLI can print them all. */
export class RosterRejected extends AppError {
  readonly errors: RosterRowError[];
  readonly duplicates: RosterDuplicate[];

  constructor(code: ErrorCode, message: string, details: { errors: RosterRowError[]; duplicates: RosterDuplicate[] }) {
    super(code, message);
    this.name = 'RosterRejected';
    this.errors = details.errors;
    this.duplicates = details.duplicates;
  }
}

function checkMapping(kind: RosterKind, headers: readonly string[], mapping: RosterMapping): void {
  const fields: readonly string[] = ROSTER_FIELDS[kind];
  if (Object.keys(mapping).some((field) => !fields.includes(field))) {
    throw new AppError('invalid_input', `The mapping names a field that is not imported for ${kind}.`);
  }
  if (Object.values(mapping).some((header) => !headers.includes(header))) {
    throw new AppError('invalid_input', 'The mapping names a column that is not in this file; check the file or choose the columns again.');
  }
}

function mappingErrors(kind: RosterKind, mapping: RosterMapping): RosterRowError[] {
  return missingFields(kind, mapping).map((field) => {
    const label =
      field === 'name' && kind === 'staff'
        ? 'the name (or a first and a last name)'
        : (fieldSpec(kind, field)?.label ?? field).toLowerCase();
    return { row: 1, field, column: null, message: `No column holds ${label}. Choose the column in the mapping.` };
  });
}

function existingLocalIds(db: Queryable, kind: RosterKind): Set<string> {
  if (kind === 'students') {
    return new Set(
      db
        .select({ localId: students.localId })
        .from(students)
        .where(ne(students.status, 'deidentified'))
        .all()
        .map((r) => r.localId),
    );
  }
  if (kind === 'mentors')
    return new Set(
      db
        .select({ localId: mentors.localId })
        .from(mentors)
        .all()
        .map((r) => r.localId),
    );
  return new Set(
    db
      .select({ localId: staff.localId })
      .from(staff)
      .where(isNotNull(staff.localId))
      .all()
      .flatMap((r) => (r.localId === null ? [] : [r.localId])),
  );
}

function findDuplicates(db: Queryable, kind: RosterKind, outcomes: readonly RowOutcome[]): RosterDuplicate[] {
  const existing = existingLocalIds(db, kind);
  const firstRowOf = new Map<string, number>();
  const duplicates: RosterDuplicate[] = [];
  for (const { row, localId } of outcomes) {
    if (localId === null) continue;
    if (existing.has(localId)) duplicates.push({ row, localId, reason: 'in_vault', firstRow: null });
    else if (firstRowOf.has(localId)) duplicates.push({ row, localId, reason: 'in_file', firstRow: firstRowOf.get(localId) ?? null });
    else firstRowOf.set(localId, row);
  }
  return duplicates;
}

export function analyzeRoster(db: Queryable, input: RosterFile, todayIso: string): RosterAnalysis {
  const table = parseCsvText(input.csvText);
  const detectedMapping = detectMapping(input.kind, table.headers);
  const mapping = input.mapping ?? detectedMapping;
  checkMapping(input.kind, table.headers, mapping);
  const outcomes = convertRecords(table.records, { kind: input.kind, headers: table.headers, mapping, today: todayIso });
  return {
    kind: input.kind,
    headers: table.headers,
    detectedMapping,
    mapping,
    outcomes,
    errors: [...mappingErrors(input.kind, mapping), ...outcomes.flatMap((o) => o.errors)],
    duplicates: findDuplicates(db, input.kind, outcomes),
    total: table.records.length,
  };
}

export function previewRoster(ctx: ServiceContext, input: RosterFile): RosterPreview {
  const analysis = analyzeRoster(ctx.db, input, today(ctx));
  return {
    kind: analysis.kind,
    headers: analysis.headers,
    detectedMapping: analysis.detectedMapping,
    mapping: analysis.mapping,
    fields: FIELD_SPECS[analysis.kind].map((spec) => ({ field: spec.field, required: spec.required })),
    rows: analysis.outcomes.slice(0, PREVIEW_ROWS).map((o) => ({ row: o.row, values: o.display })),
    errors: analysis.errors.slice(0, PREVIEW_ERRORS),
    errorCount: analysis.errors.length,
    duplicates: analysis.duplicates,
    total: analysis.total,
  };
}

/** "row 4 (Grade_Level): …" — the column as the file names it, else the field. */
export function describeRowError(error: RosterRowError): string {
  const where = error.column ?? error.field;
  return `row ${error.row}${where ? ` (${where})` : ''}: ${error.message}`;
}

export function describeDuplicate(kind: RosterKind, duplicate: RosterDuplicate): string {
  const what = LOCAL_ID_LABEL[kind];
  return duplicate.reason === 'in_vault'
    ? `row ${duplicate.row}: this ${what} is already in Peerpath`
    : `row ${duplicate.row}: repeats the ${what} of row ${duplicate.firstRow}`;
}

/** "a; b; c; … and 4 more." — one sentence, for a one-line error. */
function listed(lines: string[], limit = 10, separator = '; '): string {
  const shown = lines
    .slice(0, limit)
    .map((line) => line.replace(/\.$/, ''))
    .join(separator);
  return lines.length > limit ? `${shown}${separator}… and ${lines.length - limit} more` : shown;
}

function rejectIfBad(analysis: RosterAnalysis, skipDuplicates: boolean): void {
  const details = { errors: analysis.errors, duplicates: analysis.duplicates };
  if (analysis.errors.length > 0) {
    const rows = new Set(analysis.errors.map((e) => e.row)).size;
    throw new RosterRejected(
      'invalid_input',
      `Nothing was imported: ${rows} row(s) have problems: ${listed(analysis.errors.map(describeRowError))}.`,
      details,
    );
  }
  if (analysis.duplicates.length > 0 && !skipDuplicates) {
    const what = LOCAL_ID_LABEL[analysis.kind];
    throw new RosterRejected(
      'conflict',
      `Nothing was imported: ${analysis.duplicates.length} row(s) repeat a ${what} already in Peerpath or earlier in the file ` +
        `(rows ${listed(
          analysis.duplicates.map((d) => String(d.row)),
          20,
          ', ',
        )}). Remove those rows, or choose to skip them.`,
      details,
    );
  }
}

function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => void): void {
  for (let start = 0; start < rows.length; start += CHUNK) write(rows.slice(start, start + CHUNK));
}

function insertStudents(tx: VaultTx, rows: StudentRowInput[], at: string): number {
  const studentRows = rows.map((value) => ({ id: newId(), value }));
  inChunks(studentRows, (chunk) => {
    const result = tx
      .insert(students)
      .values(
        chunk.map(({ id, value }) => ({
          id,
          localId: value.localId,
          firstName: value.firstName,
          lastName: value.lastName,
          preferredName: value.preferredName ?? null,
          grade: value.grade,
          school: value.school,
          dateOfBirth: value.dateOfBirth ?? null,
          caseManagerId: value.caseManagerId ?? null,
          status: 'active',
          createdAt: at,
          updatedAt: at,
        })),
      )
      .run();
    expectChanged(result, chunk.length, 'insertStudents');
  });
  const guardianRows = studentRows.flatMap(({ id, value }) =>
    (value.guardians ?? []).map((g) => ({
      id: newId(),
      studentId: id,
      name: g.name,
      relationship: g.relationship,
      phone: g.phone ?? null,
      email: g.email ?? null,
      preferredLanguage: g.preferredLanguage,
    })),
  );
  inChunks(guardianRows, (chunk) => expectChanged(tx.insert(guardians).values(chunk).run(), chunk.length, 'insertGuardians'));
  return guardianRows.length;
}

/** A mentor whose student number matches a live student's is linked to that record (they cannot mentor themself). */
function insertMentors(tx: VaultTx, rows: MentorRowInput[], at: string): number {
  const studentIdOf = new Map(
    tx
      .select({ id: students.id, localId: students.localId })
      .from(students)
      .where(ne(students.status, 'deidentified'))
      .all()
      .map((r) => [r.localId, r.id]),
  );
  let linked = 0;
  inChunks(rows, (chunk) => {
    const values = chunk.map((value) => {
      const studentId = value.studentId ?? studentIdOf.get(value.localId) ?? null;
      if (studentId) linked += 1;
      return {
        id: newId(),
        localId: value.localId,
        firstName: value.firstName,
        lastName: value.lastName,
        preferredName: value.preferredName ?? null,
        grade: value.grade,
        school: value.school,
        consentGivenOn: value.consentGivenOn ?? null,
        guardianConsentGivenOn: value.guardianConsentGivenOn ?? null,
        loadCap: value.loadCap,
        interests: jsonColumns.mentors.interests.write(value.interests),
        availability: jsonColumns.mentors.availability.write(value.availability),
        studentId,
        createdAt: at,
        updatedAt: at,
      };
    });
    expectChanged(tx.insert(mentors).values(values).run(), chunk.length, 'insertMentors');
  });
  return linked;
}

function insertStaff(tx: VaultTx, rows: StaffRowInput[], at: string): void {
  inChunks(rows, (chunk) => {
    const values = chunk.map((value) => ({
      id: newId(),
      name: value.name,
      role: value.role,
      email: value.email ?? null,
      localId: value.localId ?? null,
      createdAt: at,
    }));
    expectChanged(tx.insert(staff).values(values).run(), chunk.length, 'insertStaff');
  });
}

export function commitRoster(ctx: ServiceContext, input: RosterFile & { skipDuplicates?: boolean }): RosterCommitResult {
  return change(ctx, (tx) => {
    const analysis = analyzeRoster(tx, input, today(ctx));
    rejectIfBad(analysis, input.skipDuplicates ?? false);
    const skippedRows = new Set(analysis.duplicates.map((d) => d.row));
    const keep = analysis.outcomes.filter((o) => !skippedRows.has(o.row));
    const at = ctx.now().toISOString();
    const detail: Record<string, string | number> = { kind: input.kind, imported: keep.length, skipped: skippedRows.size };
    if (input.kind === 'students') {
      detail.guardians = insertStudents(tx, inputsOf(keep, 'students'), at);
    } else if (input.kind === 'mentors') {
      detail.linkedToStudents = insertMentors(tx, inputsOf(keep, 'mentors'), at);
    } else {
      insertStaff(tx, inputsOf(keep, 'staff'), at);
    }
    return {
      result: { imported: keep.length, skipped: skippedRows.size },
      record: { action: 'roster.imported', entity: 'roster', entityId: newId(), fields: Object.keys(analysis.mapping), detail },
    };
  });
}

type InputOfKind = {
  students: StudentRowInput;
  mentors: MentorRowInput;
  staff: StaffRowInput;
};

function inputsOf<K extends RosterKind>(outcomes: readonly RowOutcome[], kind: K): InputOfKind[K][] {
  return outcomes.map((o) => {
    if (!o.input || o.input.kind !== kind) throw new Error(`commitRoster: row ${o.row} has no ${kind} input`);
    return o.input.value as InputOfKind[K];
  });
}
