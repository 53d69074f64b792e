/**
 * JSON import into an empty vault (no students, mentors or plans yet): the file is checked whole
 * (format, version, every field, every reference) before anything is written, then inserted in
 * one transaction with one audit event ('import.json', counts only).
 *
 * A new vault already has a staff record for each team member holding a key slot. When the file
 * has a staff record with the same name and role, that member takes the file's record (its id,
 * so plans and students keep pointing at them) and the placeholder goes: exporting again gives
 * back the same data.
 */
import { and, count, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../../db/schema';
import { AppError } from '../../contract';
import { SCHEMA_VERSION } from '../../vault/migrations';
import { change, expectChanged, type ServiceContext } from '../context';
import { jsonColumns } from '../json-columns';
import type { Queryable, VaultTx } from '../vault-db';
import { countsOf, EXPORT_FORMAT, EXPORT_VERSION, type ExportCounts, ExportFile, LATER_FIELDS, LATER_TABLES } from './format';
import { integrityProblems } from './integrity';

export interface ImportResult {
  counts: ExportCounts;
  /** Team members (key slot holders) matched to the file's staff record of the same name and role. */
  linkedStaff: number;
}

const CHUNK = 300;

function list(problems: readonly string[], limit = 8): string {
  const shown = problems.slice(0, limit).join(' ');
  return problems.length > limit ? `${shown} … and ${problems.length - limit} more.` : shown;
}

/** Checks the envelope first, for a plain reason when the file is not an export at all. */
function parseExport(data: unknown): ExportFile {
  const envelope = data as { format?: unknown; version?: unknown; schemaVersion?: unknown } | null;
  if (typeof envelope !== 'object' || envelope === null || envelope.format !== EXPORT_FORMAT) {
    throw new AppError('invalid_input', 'That file is not a Peerpath export.');
  }
  if (envelope.version !== EXPORT_VERSION) {
    throw new AppError(
      'invalid_input',
      `This export is format version ${String(envelope.version)}; this Peerpath reads version ${EXPORT_VERSION}.`,
    );
  }
  if (typeof envelope.schemaVersion === 'number' && envelope.schemaVersion > SCHEMA_VERSION) {
    throw new AppError(
      'invalid_input',
      `This export was made by a newer Peerpath (schema ${envelope.schemaVersion}; this app knows ${SCHEMA_VERSION}). Update Peerpath to import it.`,
    );
  }
  // A file from before sessions and progress (or matching) existed has none of their arrays: it holds none of them;
  // one from before goal and accommodation versions were linked has no links.
  const filled: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const table of LATER_TABLES) if (!(table in filled)) filled[table] = [];
  for (const [table, fields] of Object.entries(LATER_FIELDS)) {
    const rows = filled[table];
    if (!Array.isArray(rows)) continue;
    filled[table] = rows.map((row: unknown) =>
      typeof row === 'object' && row !== null ? { ...Object.fromEntries(fields.map((field) => [field, null])), ...row } : row,
    );
  }
  const parsed = ExportFile.safeParse(filled);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'the file'}: ${issue.message}`);
    throw new AppError('invalid_input', `That export is not valid, so nothing was imported. ${list(problems.map((p) => `${p}.`))}`);
  }
  const problems = integrityProblems(parsed.data);
  if (problems.length > 0)
    throw new AppError('invalid_input', `That export does not hang together, so nothing was imported. ${list(problems)}`);
  return parsed.data;
}

function rowsIn(db: Queryable, table: SQLiteTable, where?: SQL): number {
  return db.select({ n: count() }).from(table).where(where).get()?.n ?? 0;
}

function requireEmptyVault(db: Queryable): void {
  const held = [
    ['students', rowsIn(db, schema.students)],
    ['mentors', rowsIn(db, schema.mentors)],
    ['plans', rowsIn(db, schema.plans)],
  ].filter(([, n]) => Number(n) > 0);
  if (held.length > 0) {
    throw new AppError(
      'conflict',
      `A JSON export can only be imported into an empty vault, and this one already has ${held.map(([what]) => what).join(' and ')}. Create a new vault for the import.`,
    );
  }
}

/** Slot holders' placeholder records adopt the file's record of the same name and role. */
function linkTeamMembers(tx: VaultTx, data: ExportFile): { slotOf: Map<string, string>; linked: number } {
  const holders = tx.select().from(schema.staff).where(isNotNull(schema.staff.slotId)).all();
  const slotOf = new Map<string, string>();
  for (const holder of holders) {
    const match = data.staff.find((s) => s.name === holder.name && s.role === holder.role && !slotOf.has(s.id));
    if (!match || !holder.slotId) continue;
    expectChanged(tx.delete(schema.staff).where(eq(schema.staff.id, holder.id)).run(), 1, 'linkTeamMembers');
    slotOf.set(match.id, holder.slotId);
  }
  return { slotOf, linked: slotOf.size };
}

function requireNoStaffClash(tx: VaultTx, data: ExportFile): void {
  const ids = data.staff.map((s) => s.id);
  const localIds = data.staff.flatMap((s) => (s.localId === null ? [] : [s.localId]));
  const clash =
    (ids.length > 0 && rowsIn(tx, schema.staff, inArray(schema.staff.id, ids)) > 0) ||
    (localIds.length > 0 && rowsIn(tx, schema.staff, and(isNotNull(schema.staff.localId), inArray(schema.staff.localId, localIds))) > 0);
  if (clash) throw new AppError('conflict', 'This vault already has some of the staff records in the file; import into a new vault.');
}

function insertAll<T extends SQLiteTable>(tx: VaultTx, table: T, rows: readonly T['$inferInsert'][], what: string): void {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    expectChanged(tx.insert(table).values(chunk).run(), chunk.length, `importExport ${what}`);
  }
}

export function importExport(ctx: ServiceContext, raw: unknown): ImportResult {
  const data = parseExport(raw);
  return change(ctx, (tx) => {
    requireEmptyVault(tx);
    const { slotOf, linked } = linkTeamMembers(tx, data);
    requireNoStaffClash(tx, data);
    insertAll(
      tx,
      schema.staff,
      data.staff.map((s) => ({ ...s, slotId: slotOf.get(s.id) ?? null })),
      'staff',
    );
    insertAll(tx, schema.students, data.students, 'students');
    insertAll(tx, schema.guardians, data.guardians, 'guardians');
    insertAll(tx, schema.plans, data.plans, 'plans');
    insertAll(tx, schema.planTeam, data.planTeam, 'planTeam');
    insertAll(
      tx,
      schema.goals,
      data.goals.map((g) => ({
        ...g,
        reportingPeriods: jsonColumns.goals.reportingPeriods.write(g.reportingPeriods),
        objectives: jsonColumns.goals.objectives.write(g.objectives),
        statementTranslations: jsonColumns.goals.statementTranslations.write(g.statementTranslations ?? {}),
        mastery: jsonColumns.goals.mastery.write(g.mastery ?? null),
      })),
      'goals',
    );
    insertAll(
      tx,
      schema.accommodations,
      data.accommodations.map((a) => ({ ...a, slots: jsonColumns.accommodations.slots.write(a.slots) })),
      'accommodations',
    );
    insertAll(tx, schema.accommodationGoals, data.accommodationGoals, 'accommodationGoals');
    insertAll(
      tx,
      schema.mentors,
      data.mentors.map((m) => ({
        ...m,
        interests: jsonColumns.mentors.interests.write(m.interests),
        availability: jsonColumns.mentors.availability.write(m.availability),
      })),
      'mentors',
    );
    insertAll(tx, schema.mentorTraining, data.mentorTraining, 'mentorTraining');
    insertAll(tx, schema.mentorTimeOff, data.mentorTimeOff, 'mentorTimeOff');
    insertAll(tx, schema.mentorRecognition, data.mentorRecognition, 'mentorRecognition');
    insertAll(tx, schema.assignments, data.assignments, 'assignments');
    insertAll(tx, schema.sessions, data.sessions, 'sessions');
    insertAll(tx, schema.sessionMentors, data.sessionMentors, 'sessionMentors');
    insertAll(tx, schema.sessionGoals, data.sessionGoals, 'sessionGoals');
    insertAll(
      tx,
      schema.observations,
      data.observations.map((o) => ({ ...o, intervals: jsonColumns.observations.intervals.write(o.intervals) })),
      'observations',
    );
    insertAll(tx, schema.progressPoints, data.progressPoints, 'progressPoints');
    insertAll(tx, schema.checkIns, data.checkIns, 'checkIns');
    insertAll(
      tx,
      schema.progressReports,
      data.progressReports.map((r) => ({ ...r, amendments: jsonColumns.progressReports.amendments.write(r.amendments) })),
      'progressReports',
    );
    insertAll(
      tx,
      schema.matchStudentProfiles,
      data.matchStudentProfiles.map((p) => ({
        ...p,
        interests: jsonColumns.matchStudentProfiles.interests.write(p.interests),
        communication: jsonColumns.matchStudentProfiles.communication.write(p.communication),
      })),
      'matchStudentProfiles',
    );
    insertAll(
      tx,
      schema.matchMentorProfiles,
      data.matchMentorProfiles.map((p) => ({ ...p, communication: jsonColumns.matchMentorProfiles.communication.write(p.communication) })),
      'matchMentorProfiles',
    );
    insertAll(tx, schema.matchAvoidPairs, data.matchAvoidPairs, 'matchAvoidPairs');
    insertAll(tx, schema.matchRejections, data.matchRejections, 'matchRejections');
    insertAll(tx, schema.matchKeptPairs, data.matchKeptPairs, 'matchKeptPairs');
    // The key slot of whoever started a meeting, when that staff member holds one in this vault.
    insertAll(
      tx,
      schema.meetings,
      data.meetings.map(({ startedBy, ...m }) => ({ ...m, startedBySlot: startedBy === null ? null : (slotOf.get(startedBy) ?? null) })),
      'meetings',
    );
    insertAll(tx, schema.meetingAttendees, data.meetingAttendees, 'meetingAttendees');
    insertAll(tx, schema.meetingProposals, data.meetingProposals, 'meetingProposals');
    const counts = countsOf(data);
    return {
      result: { counts, linkedStaff: linked },
      record: { action: 'import.json', entity: 'vault', entityId: 'import', detail: { ...counts, linkedStaff: linked } },
    };
  });
}
