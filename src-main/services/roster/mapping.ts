/**
 * Header auto-mapping: which column of a roster file holds which field. Pure. Matching ignores
 * case, spaces, underscores and punctuation, PowerSchool's "[1]" and "Students." prefixes, and a
 * leading "Student"/"Staff"/… word; each column is used once, each field once, best match first.
 */
import { ROSTER_FIELDS, type RosterKind, type RosterMapping } from '../../contract/roster';
import { FIELD_SPECS } from './fields';

const PERSON_PREFIX = /^(student|stu|mentor|peer|staff|teacher|employee)(?=[a-z0-9])/;
/** How much worse a match is when it needed the leading word removed. */
const PREFIX_PENALTY = 1000;

export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .replace(/^\[\d+\]\s*/, '')
    .replace(/^[A-Za-z]+\.(?=[A-Za-z])/, '')
    .toLowerCase()
    .replace(/#/g, 'number')
    .replace(/[^a-z0-9]/g, '');
}

function rankOf(synonyms: readonly string[], key: string): number {
  const exact = synonyms.indexOf(key);
  if (exact >= 0) return exact;
  const stripped = key.replace(PERSON_PREFIX, '');
  if (stripped !== key && stripped.length > 0) {
    const loose = synonyms.indexOf(stripped);
    if (loose >= 0) return PREFIX_PENALTY + loose;
  }
  return -1;
}

/** Field → header for every field Peerpath recognises among `headers`. */
export function detectMapping(kind: RosterKind, headers: readonly string[]): RosterMapping {
  const candidates: { rank: number; column: number; field: string }[] = [];
  headers.forEach((header, column) => {
    const key = normalizeHeader(header);
    if (!key) return;
    for (const spec of FIELD_SPECS[kind]) {
      const rank = rankOf(spec.synonyms, key);
      if (rank >= 0) candidates.push({ rank, column, field: spec.field });
    }
  });
  candidates.sort((a, b) => a.rank - b.rank || a.column - b.column);
  const mapping: RosterMapping = {};
  const usedColumns = new Set<number>();
  for (const { column, field } of candidates) {
    if (field in mapping || usedColumns.has(column)) continue;
    const header = headers[column];
    if (header === undefined) continue;
    mapping[field] = header;
    usedColumns.add(column);
  }
  // Stable, readable order: the contract's field order.
  const ordered: RosterMapping = {};
  for (const field of ROSTER_FIELDS[kind]) {
    const header = mapping[field];
    if (header !== undefined) ordered[field] = header;
  }
  return ordered;
}

/** Required fields the mapping leaves without a column. Staff need a name, or a first and a last name. */
export function missingFields(kind: RosterKind, mapping: RosterMapping): string[] {
  const missing = FIELD_SPECS[kind].filter((spec) => spec.required && mapping[spec.field] === undefined).map((spec) => spec.field);
  if (kind === 'staff' && mapping.name === undefined && (mapping.firstName === undefined || mapping.lastName === undefined)) {
    missing.unshift('name');
  }
  return missing;
}
