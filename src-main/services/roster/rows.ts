/**
 * One roster row → the same input a person would type in a form (StudentInput, MentorInput,
 * StaffInput from the contract), with every problem of the row as {row, field, message}.
 * Pure: no database. Messages name the field and the rule, never the cell's value.
 */
import type { z } from 'zod';
import { MentorInput } from '../../contract/mentors';
import { ROSTER_FIELDS, type RosterKind, type RosterMapping, type RosterRowError } from '../../contract/roster';
import { StaffInput } from '../../contract/staff';
import { StudentInput } from '../../contract/students';
import type { StaffRole } from '../../contract/vault';
import type { CsvRecord } from './csv';
import { type CellValue, FIELD_SPECS, type FieldSpec } from './fields';

export type StudentRowInput = z.output<typeof StudentInput>;
export type MentorRowInput = z.output<typeof MentorInput>;
export type StaffRowInput = { name: string; role: StaffRole; email?: string; localId?: string };

export type RowInput =
  | { kind: 'students'; value: StudentRowInput }
  | { kind: 'mentors'; value: MentorRowInput }
  | { kind: 'staff'; value: StaffRowInput };

export interface RowOutcome {
  row: number;
  /** The row's local id as written (trimmed), for duplicate checks; null when empty. */
  localId: string | null;
  /** Null when the row has any error. */
  input: RowInput | null;
  errors: RosterRowError[];
  /** What the preview shows: converted values where they converted, the cell's text otherwise. */
  display: Record<string, string | number | null>;
}

const DEFAULT_RELATIONSHIP = 'parent or guardian';

const GUARDIAN_FIELDS: Record<string, string> = {
  name: 'guardianName',
  relationship: 'guardianRelationship',
  phone: 'guardianPhone',
  email: 'guardianEmail',
  preferredLanguage: 'guardianLanguage',
};

function fieldOfIssue(kind: RosterKind, path: readonly PropertyKey[]): string | null {
  const [first, , third] = path;
  if (kind === 'students' && first === 'guardians')
    return typeof third === 'string' ? (GUARDIAN_FIELDS[third] ?? 'guardianName') : 'guardianName';
  return typeof first === 'string' ? first : null;
}

function schemaFor(kind: RosterKind): z.ZodType {
  if (kind === 'students') return StudentInput;
  if (kind === 'mentors') return MentorInput;
  return StaffInput;
}

function candidate(kind: RosterKind, values: Map<string, CellValue>): Record<string, unknown> {
  const text = (field: string) => {
    const value = values.get(field);
    return typeof value === 'string' ? value : undefined;
  };
  const pick = (fields: readonly string[]) => Object.fromEntries(fields.filter((f) => values.has(f)).map((f) => [f, values.get(f)]));
  if (kind === 'students') {
    const guardianName = text('guardianName');
    return {
      ...pick(['localId', 'firstName', 'lastName', 'preferredName', 'grade', 'school', 'dateOfBirth']),
      guardians: guardianName
        ? [
            {
              name: guardianName,
              relationship: text('guardianRelationship') ?? DEFAULT_RELATIONSHIP,
              phone: text('guardianPhone'),
              email: text('guardianEmail'),
              preferredLanguage: text('guardianLanguage') ?? 'en',
            },
          ]
        : [],
    };
  }
  if (kind === 'mentors') {
    return pick(ROSTER_FIELDS.mentors);
  }
  const joined = [text('firstName'), text('lastName')].filter(Boolean).join(' ');
  return { ...pick(['role', 'email', 'localId']), name: text('name') ?? (joined || undefined) };
}

export interface ConvertOptions {
  kind: RosterKind;
  headers: readonly string[];
  mapping: RosterMapping;
  /** Today's date (YYYY-MM-DD): a date of birth or a consent date after it is refused. */
  today: string;
}

/** The column index of each mapped field, and its spec. */
function columnsOf(options: ConvertOptions): { spec: FieldSpec; column: number; header: string }[] {
  const out: { spec: FieldSpec; column: number; header: string }[] = [];
  for (const spec of FIELD_SPECS[options.kind]) {
    const header = options.mapping[spec.field];
    if (header === undefined) continue;
    const column = options.headers.indexOf(header);
    if (column >= 0) out.push({ spec, column, header });
  }
  return out;
}

const PAST_DATES = new Set(['dateOfBirth', 'consentGivenOn', 'guardianConsentGivenOn']);

export function convertRecords(records: readonly CsvRecord[], options: ConvertOptions): RowOutcome[] {
  const columns = columnsOf(options);
  const columnOf = new Map(columns.map((c) => [c.spec.field, c.header]));
  const schema = schemaFor(options.kind);
  const width = options.headers.length;
  const hasColumn = (field: string) =>
    columnOf.has(field) || (options.kind === 'staff' && field === 'name' && columnOf.has('firstName') && columnOf.has('lastName'));

  return records.map((record): RowOutcome => {
    const errors: RosterRowError[] = [];
    const display: Record<string, string | number | null> = {};
    const values = new Map<string, CellValue>();
    const localIdColumn = columns.find((c) => c.spec.field === 'localId');
    const localId = localIdColumn ? (record.cells[localIdColumn.column] ?? '').trim() || null : null;

    const extra = record.cells.slice(width).some((cell) => cell.trim() !== '');
    if (extra || record.cells.length < width) {
      const count = extra ? record.cells.findLastIndex((cell) => cell.trim() !== '') + 1 : record.cells.length;
      const hint = extra ? ' (a comma inside a value needs quotes around the value)' : '';
      errors.push({
        row: record.row,
        field: null,
        column: null,
        message: `This row has ${count} ${count === 1 ? 'value' : 'values'} but the header has ${width} columns${hint}.`,
      });
      return { row: record.row, localId, input: null, errors, display };
    }

    const failed = new Set<string>();
    for (const { spec, column, header } of columns) {
      const text = (record.cells[column] ?? '').trim();
      display[spec.field] = text === '' ? null : text;
      if (text === '') {
        if (spec.required) {
          errors.push({ row: record.row, field: spec.field, column: header, message: `${spec.label} is empty.` });
          failed.add(spec.field);
        }
        continue;
      }
      const parsed = spec.parse(text);
      if (!parsed.ok) {
        errors.push({ row: record.row, field: spec.field, column: header, message: parsed.message });
        failed.add(spec.field);
        continue;
      }
      if (PAST_DATES.has(spec.field) && typeof parsed.value === 'string' && parsed.value > options.today) {
        errors.push({ row: record.row, field: spec.field, column: header, message: `${spec.label} is in the future.` });
        failed.add(spec.field);
        continue;
      }
      values.set(spec.field, parsed.value);
      display[spec.field] = Array.isArray(parsed.value) ? parsed.value.join('; ') : parsed.value;
    }

    if (options.kind === 'students' && !values.has('guardianName') && !failed.has('guardianName')) {
      const stray = ['guardianRelationship', 'guardianPhone', 'guardianEmail', 'guardianLanguage'].some((f) => values.has(f));
      if (stray) {
        errors.push({
          row: record.row,
          field: 'guardianName',
          column: columnOf.get('guardianName') ?? null,
          message: 'Guardian name is empty, but other guardian columns are filled in.',
        });
        failed.add('guardianName');
      }
    }

    const result = schema.safeParse(candidate(options.kind, values));
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = fieldOfIssue(options.kind, issue.path);
        // A field already reported, or one the file has no column for (reported once, on row 1).
        if (field !== null && (failed.has(field) || !hasColumn(field))) continue;
        const column = field === null ? null : (columnOf.get(field) ?? columnOf.get('firstName') ?? columnOf.get('lastName') ?? null);
        const message = field === 'name' && issue.code === 'invalid_type' ? 'Name is empty.' : issue.message;
        errors.push({ row: record.row, field, column, message });
        if (field !== null) failed.add(field);
      }
    }
    const input = errors.length === 0 && result.success ? ({ kind: options.kind, value: result.data } as RowInput) : null;
    return { row: record.row, localId, input, errors, display };
  });
}
