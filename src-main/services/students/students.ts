/**
 * Students and their guardians: list with search and filters, detail, create, edit, archive and
 * restore, and the "no longer needed" flag that lists purge candidates (IDEA 300.624).
 */
import { and, asc, count, desc, eq, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import { guardians, plans, staff, students } from '../../../db/schema';
import { AppError, type Student, type StudentChanges, type StudentInput, type StudentQuery, type StudentRow } from '../../contract';
import { change, newId, notFound, type ServiceContext } from '../context';
import type { Queryable, VaultTx } from '../vault-db';

type StudentRecord = typeof students.$inferSelect;

export function displayName(row: { firstName: string; lastName: string; preferredName: string | null }): string {
  return `${row.preferredName || row.firstName} ${row.lastName}`;
}

/** What identifies a student: their id, number and names — what a scrubber removes and a list shows. */
export interface StudentIdentity {
  id: string;
  localId: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
}

const IDENTITY_COLUMNS = {
  id: students.id,
  localId: students.localId,
  firstName: students.firstName,
  lastName: students.lastName,
  preferredName: students.preferredName,
};

/** The identities of the students `where` picks (all without it), by last name, first name and number. */
export function studentIdentities(db: Queryable, where?: SQL): StudentIdentity[] {
  return db
    .select(IDENTITY_COLUMNS)
    .from(students)
    .where(where)
    .orderBy(asc(students.lastName), asc(students.firstName), asc(students.localId))
    .all();
}

export function findStudentRow(db: Queryable, id: string): StudentRecord {
  const row = db.select().from(students).where(eq(students.id, id)).get();
  if (!row) throw notFound('student');
  return row;
}

export function toStudent(db: Queryable, row: StudentRecord): Student {
  const guardianRows = db.select().from(guardians).where(eq(guardians.studentId, row.id)).orderBy(asc(guardians.name)).all();
  return {
    id: row.id,
    localId: row.localId,
    firstName: row.firstName,
    lastName: row.lastName,
    preferredName: row.preferredName,
    grade: row.grade,
    school: row.school,
    dateOfBirth: row.dateOfBirth,
    caseManagerId: row.caseManagerId,
    status: row.status as Student['status'],
    noLongerNeeded: row.noLongerNeededAt !== null,
    guardians: guardianRows.map((g) => ({
      id: g.id,
      name: g.name,
      relationship: g.relationship,
      phone: g.phone ?? undefined,
      email: g.email ?? undefined,
      preferredLanguage: g.preferredLanguage,
    })),
    updatedAt: row.updatedAt,
  };
}

/** LIKE patterns treat % and _ as wildcards; a search for "50%" means the characters. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

const SORT_COLUMNS = {
  name: [students.lastName, students.firstName],
  grade: [students.grade, students.lastName],
  school: [students.school, students.lastName],
  localId: [students.localId],
} as const;

export function listStudents(ctx: ServiceContext, query: StudentQuery): { rows: StudentRow[]; total: number } {
  const conditions: SQL[] = [];
  // A restricted role lists only the students they work with (services/permissions/reach.ts).
  if (ctx.reach !== 'all') conditions.push(ctx.reach.size ? inArray(students.id, [...ctx.reach]) : sql`0`);
  if (query.status === 'active') conditions.push(eq(students.status, 'active'));
  if (query.status === 'archived') conditions.push(eq(students.status, 'archived'));
  if (query.status === 'no_longer_needed') conditions.push(isNotNull(students.noLongerNeededAt), sql`${students.status} != 'deidentified'`);
  if (query.caseManagerId) conditions.push(eq(students.caseManagerId, query.caseManagerId));
  if (query.school) conditions.push(eq(students.school, query.school));
  if (query.grade !== undefined) conditions.push(eq(students.grade, query.grade));
  if (query.planType) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${plans} WHERE ${plans.studentId} = ${students.id} AND ${plans.type} = ${query.planType} AND ${plans.status} = 'active')`,
    );
  }
  for (const word of (query.query ?? '').split(/\s+/).filter(Boolean)) {
    const pattern = containsPattern(word);
    const matches = or(
      sql`${students.firstName} LIKE ${pattern} ESCAPE '\\'`,
      sql`${students.lastName} LIKE ${pattern} ESCAPE '\\'`,
      sql`${students.preferredName} LIKE ${pattern} ESCAPE '\\'`,
      sql`${students.localId} LIKE ${pattern} ESCAPE '\\'`,
    );
    if (matches) conditions.push(matches);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const order = SORT_COLUMNS[query.sort].map((column) => (query.direction === 'asc' ? asc(column) : desc(column)));
  const activePlanTypes = sql<
    string | null
  >`(SELECT group_concat(DISTINCT ${plans.type}) FROM ${plans} WHERE ${plans.studentId} = ${students.id} AND ${plans.status} = 'active')`;
  const rows = ctx.db
    .select({
      ...IDENTITY_COLUMNS,
      grade: students.grade,
      school: students.school,
      caseManagerId: students.caseManagerId,
      caseManagerName: staff.name,
      status: students.status,
      noLongerNeededAt: students.noLongerNeededAt,
      planTypes: activePlanTypes,
    })
    .from(students)
    .leftJoin(staff, eq(staff.id, students.caseManagerId))
    .where(where)
    .orderBy(...order, asc(students.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(students).where(where).get()?.n ?? 0;
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      localId: row.localId,
      displayName: displayName(row),
      grade: row.grade,
      school: row.school,
      caseManagerId: row.caseManagerId,
      caseManagerName: row.caseManagerName,
      planTypes: (row.planTypes ?? '').split(',').filter((type): type is 'iep' | '504' => type === 'iep' || type === '504'),
      status: row.status as StudentRow['status'],
      noLongerNeeded: row.noLongerNeededAt !== null,
    })),
  };
}

export function getStudent(ctx: ServiceContext, id: string): Student {
  return toStudent(ctx.db, findStudentRow(ctx.db, id));
}

function assertCaseManager(db: Queryable, caseManagerId: string | null | undefined): void {
  if (!caseManagerId) return;
  const row = db.select({ archivedAt: staff.archivedAt }).from(staff).where(eq(staff.id, caseManagerId)).get();
  if (!row) throw new AppError('invalid_input', 'That case manager is not on the staff list.');
}

function assertLocalIdFree(db: Queryable, localId: string, exceptId?: string): void {
  const clash = db
    .select({ id: students.id })
    .from(students)
    .where(and(eq(students.localId, localId), sql`${students.status} != 'deidentified'`))
    .get();
  if (clash && clash.id !== exceptId) throw new AppError('conflict', `Another student already has student number ${localId}.`);
}

function replaceGuardians(db: VaultTx, studentId: string, list: NonNullable<StudentInput['guardians']>): void {
  db.delete(guardians).where(eq(guardians.studentId, studentId)).run();
  for (const guardian of list) {
    db.insert(guardians)
      .values({ id: newId(), studentId, ...guardian, phone: guardian.phone ?? null, email: guardian.email ?? null })
      .run();
  }
}

export function createStudent(ctx: ServiceContext, input: StudentInput): Student {
  return change(ctx, (tx) => {
    assertLocalIdFree(tx, input.localId);
    assertCaseManager(tx, input.caseManagerId);
    const id = newId();
    const at = ctx.now().toISOString();
    const { guardians: guardianList, ...fields } = input;
    tx.insert(students)
      .values({
        id,
        ...fields,
        preferredName: fields.preferredName || null,
        dateOfBirth: fields.dateOfBirth ?? null,
        caseManagerId: fields.caseManagerId ?? null,
        status: 'active',
        createdAt: at,
        updatedAt: at,
      })
      .run();
    replaceGuardians(tx, id, guardianList ?? []);
    return {
      result: toStudent(tx, findStudentRow(tx, id)),
      record: { action: 'student.created', entity: 'student', entityId: id, fields: Object.keys(input) },
    };
  });
}

function assertEditable(row: StudentRecord): void {
  if (row.status === 'deidentified') throw new AppError('forbidden', 'This record was de-identified and can no longer be edited.');
}

export function updateStudent(ctx: ServiceContext, input: { id: string; changes: StudentChanges }): Student {
  return change(ctx, (tx) => {
    const row = findStudentRow(tx, input.id);
    assertEditable(row);
    const { guardians: guardianList, ...fields } = input.changes;
    if (fields.localId !== undefined) assertLocalIdFree(tx, fields.localId, input.id);
    assertCaseManager(tx, fields.caseManagerId);
    tx.update(students)
      .set({ ...fields, updatedAt: ctx.now().toISOString() })
      .where(eq(students.id, input.id))
      .run();
    if (guardianList) replaceGuardians(tx, input.id, guardianList);
    return {
      result: toStudent(tx, findStudentRow(tx, input.id)),
      record: { action: 'student.updated', entity: 'student', entityId: input.id, fields: Object.keys(input.changes) },
    };
  });
}

function setStatus(ctx: ServiceContext, id: string, status: 'active' | 'archived', action: string): Student {
  return change(ctx, (tx) => {
    const row = findStudentRow(tx, id);
    assertEditable(row);
    if (status === 'active') assertLocalIdFree(tx, row.localId, id);
    const at = ctx.now().toISOString();
    tx.update(students)
      .set({ status, archivedAt: status === 'archived' ? at : null, updatedAt: at })
      .where(eq(students.id, id))
      .run();
    return { result: toStudent(tx, findStudentRow(tx, id)), record: { action, entity: 'student', entityId: id, fields: ['status'] } };
  });
}

export const archiveStudent = (ctx: ServiceContext, id: string) => setStatus(ctx, id, 'archived', 'student.archived');
export const restoreStudent = (ctx: ServiceContext, id: string) => setStatus(ctx, id, 'active', 'student.restored');

export function markNoLongerNeeded(ctx: ServiceContext, input: { id: string; noLongerNeeded: boolean }): Student {
  return change(ctx, (tx) => {
    assertEditable(findStudentRow(tx, input.id));
    tx.update(students)
      .set({ noLongerNeededAt: input.noLongerNeeded ? ctx.now().toISOString() : null, updatedAt: ctx.now().toISOString() })
      .where(eq(students.id, input.id))
      .run();
    return {
      result: toStudent(tx, findStudentRow(tx, input.id)),
      record: {
        action: input.noLongerNeeded ? 'student.marked_no_longer_needed' : 'student.unmarked_no_longer_needed',
        entity: 'student',
        entityId: input.id,
      },
    };
  });
}
