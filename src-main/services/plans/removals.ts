/**
 * Removing a goal or accommodation: records with data are ended, not silently deleted.
 *
 * - An active plan changes only through an amendment: removing from it is refused in plain words
 *   (superseded and ended versions are read-only already).
 * - From a draft, the record goes with every row that hangs on it (progress points and marks;
 *   sessions, check-ins and assignments) into the plan's trash (`removed_records`), so "Undo" puts
 *   back exactly what went, with the same ids and creation times: the other goals keep their order.
 * - When data goes with it, the caller must confirm how many records (what the dialog said), so a
 *   stale dialog or a script cannot remove more than the person saw.
 * - Activating the plan empties its trash; purging or de-identifying the student does too (db/schema.ts).
 */
import { and, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import {
  accommodationGoals,
  accommodations,
  assignments,
  checkIns,
  goals,
  matchKeptPairs,
  matchRejections,
  meetingProposals,
  progressPoints,
  progressReports,
  removedRecords,
  sessionGoals,
  sessionMentors,
  sessions,
} from '../../../db/schema';
import { AppError, type Removal, type RemovalCounts, type RemovalPreview } from '../../contract';
import { change, expectChanged, newId, type ServiceContext } from '../context';
import { goalVersionIds } from '../progress/goal-lineage';
import type { Queryable, VaultTx } from '../vault-db';
import { findAccommodationRow, findGoalRow, findPlanRow, type PlanRow, planContentRefusal } from './plan-records';

type Entity = Removal['entity'];

/** Every table a removal may keep rows of, in the order they are put back (parents first). */
const TABLES = {
  goals,
  accommodations,
  assignments,
  matchKeptPairs,
  sessions,
  sessionMentors,
  sessionGoals,
  accommodationGoals,
  progressPoints,
  progressReports,
  checkIns,
  matchRejections,
} satisfies Record<string, SQLiteTable>;
type TableName = keyof typeof TABLES;

/** Columns set to null by the removal ("set null" references), put back on Undo. */
const NULLED = {
  'progressPoints.sessionId': { table: progressPoints, id: progressPoints.id, column: progressPoints.sessionId, key: 'sessionId' },
  'meetingProposals.goalId': { table: meetingProposals, id: meetingProposals.id, column: meetingProposals.goalId, key: 'goalId' },
  'meetingProposals.accommodationId': {
    table: meetingProposals,
    id: meetingProposals.id,
    column: meetingProposals.accommodationId,
    key: 'accommodationId',
  },
} satisfies Record<string, { table: SQLiteTable; id: SQLiteColumn; column: SQLiteColumn; key: string }>;
type NulledName = keyof typeof NULLED;

interface Kept {
  rows: Partial<Record<TableName, Record<string, unknown>[]>>;
  /** Rows whose column pointed at a removed record: which column, which value, which rows. */
  nulled: { column: NulledName; value: string; ids: string[] }[];
}

const NO_COUNTS: RemovalCounts = {
  progressPoints: 0,
  progressMarks: 0,
  sessions: 0,
  checkIns: 0,
  assignments: 0,
  keptInEarlierVersions: 0,
};

/** What differs between removing a goal and an accommodation: its plan, what goes with it, and its own row. */
interface RemovalKind {
  planId(db: Queryable, id: string): string;
  counts(db: Queryable, id: string): RemovalCounts;
  keep(tx: VaultTx, id: string): Kept;
  table: typeof goals | typeof accommodations;
  idColumn: SQLiteColumn;
}

const KINDS: Record<Entity, RemovalKind> = {
  goal: {
    planId: (db, id) => findGoalRow(db, id).planId,
    counts: goalCounts,
    keep: keepGoal,
    table: goals,
    idColumn: goals.id,
  },
  accommodation: {
    planId: (db, id) => findAccommodationRow(db, id).planId,
    counts: accommodationCounts,
    keep: keepAccommodation,
    table: accommodations,
    idColumn: accommodations.id,
  },
};

/** What removing the goal or accommodation `id` would take with it, and whether its plan allows it. */
export function previewRemoval(ctx: ServiceContext, entity: Entity, id: string): RemovalPreview {
  const kind = KINDS[entity];
  return preview(entity, findPlanRow(ctx.db, kind.planId(ctx.db, id)), kind.counts(ctx.db, id));
}

/** Removes a goal or accommodation from a draft plan into its trash, with every row that hangs on it, audited. */
export function removeRecord(
  ctx: ServiceContext,
  entity: Entity,
  input: { id: string; confirmedDataRecords?: number | undefined },
): Removal {
  const kind = KINDS[entity];
  return change(ctx, (tx) => {
    const plan = findPlanRow(tx, kind.planId(tx, input.id));
    const counts = kind.counts(tx, input.id);
    assertRemovable(entity, plan, counts, input.confirmedDataRecords);
    const kept = kind.keep(tx, input.id);
    const removalId = keepInTrash(ctx, tx, { planId: plan.id, entity, entityId: input.id, counts, kept });
    expectChanged(tx.delete(kind.table).where(eq(kind.idColumn, input.id)).run(), 1, `remove ${entity}`);
    return {
      result: { removalId, entity, entityId: input.id, planId: plan.id, counts },
      record: { action: `${entity}.deleted`, entity, entityId: input.id, detail: { removalId, ...dataDetail(counts) } },
    };
  });
}

/** Puts a removed goal or accommodation back, with everything that went with it, while its plan is a draft. */
export function undoRemoval(ctx: ServiceContext, removalId: string): { entity: Entity; entityId: string; planId: string } {
  return change(ctx, (tx) => {
    const removal = tx.select().from(removedRecords).where(eq(removedRecords.id, removalId)).get();
    if (!removal)
      throw new AppError('not_found', 'There is nothing to undo: it was put back already, or the plan has been made active since.');
    const plan = findPlanRow(tx, removal.planId);
    if (plan.status !== 'draft')
      throw new AppError('conflict', refusalFor(removal.entity as Entity, plan) ?? 'Only a draft plan can change.');
    const kept = JSON.parse(removal.content) as Kept;
    try {
      for (const name of Object.keys(TABLES) as TableName[]) {
        const rows = kept.rows[name] ?? [];
        for (let at = 0; at < rows.length; at += 200)
          tx.insert(TABLES[name])
            .values(rows.slice(at, at + 200) as never)
            .run();
      }
      for (const { column, value, ids } of kept.nulled) {
        const spec = NULLED[column];
        tx.update(spec.table)
          .set({ [spec.key]: value } as never)
          .where(and(inArray(spec.id, ids), isNull(spec.column)))
          .run();
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError(
        'conflict',
        'It cannot be put back: something it referred to (a mentor, a staff member, a linked support) was removed since.',
        {
          cause: error,
        },
      );
    }
    expectChanged(tx.delete(removedRecords).where(eq(removedRecords.id, removalId)).run(), 1, 'undoRemoval');
    const entity = removal.entity as Entity;
    return {
      result: { entity, entityId: removal.entityId, planId: removal.planId },
      record: { action: `${entity}.restored`, entity, entityId: removal.entityId, detail: { removalId } },
    };
  });
}

/** An agreed plan changes only by amendment: its trash goes when it is made active. */
export function emptyTrash(tx: VaultTx, planId: string): void {
  tx.delete(removedRecords).where(eq(removedRecords.planId, planId)).run();
}

// ── What goes, and whether it may ──────────────────────────────────────────────────────────

function preview(entity: Entity, plan: PlanRow, counts: RemovalCounts): RemovalPreview {
  return { counts, dataRecords: dataRecords(entity, counts), refusal: refusalFor(entity, plan) };
}

function refusalFor(entity: Entity, plan: PlanRow): string | null {
  return planContentRefusal(entity, plan, 'remove');
}

function assertRemovable(entity: Entity, plan: PlanRow, counts: RemovalCounts, confirmed: number | undefined): void {
  const refusal = refusalFor(entity, plan);
  if (refusal) throw new AppError('forbidden', refusal);
  const records = dataRecords(entity, counts);
  if (records > 0 && confirmed !== records) {
    throw new AppError(
      'conflict',
      `This ${entity === 'goal' ? 'goal' : 'peer support'} has ${records} record(s) of data that would be removed with it. Confirm removing them (the number has to match what you were shown).`,
    );
  }
}

/**
 * Records of data that go: a goal's progress points and marks (the sessions that addressed it stay);
 * an accommodation's sessions, check-ins and mentor assignments.
 */
function dataRecords(entity: Entity, counts: RemovalCounts): number {
  return entity === 'goal' ? counts.progressPoints + counts.progressMarks : counts.sessions + counts.checkIns + counts.assignments;
}

function dataDetail(counts: RemovalCounts): Record<string, number> {
  return {
    progressPoints: counts.progressPoints,
    progressMarks: counts.progressMarks,
    sessions: counts.sessions,
    checkIns: counts.checkIns,
  };
}

function count(db: Queryable, table: SQLiteTable, where: SQL | undefined): number {
  return db.select({ n: sql<number>`count(*)` }).from(table).where(where).get()?.n ?? 0;
}

function goalCounts(db: Queryable, goalId: string): RemovalCounts {
  const earlier = goalVersionIds(db, goalId).filter((id) => id !== goalId);
  return {
    ...NO_COUNTS,
    progressPoints: count(db, progressPoints, eq(progressPoints.goalId, goalId)),
    progressMarks: count(db, progressReports, eq(progressReports.goalId, goalId)),
    sessions: count(db, sessionGoals, eq(sessionGoals.goalId, goalId)),
    keptInEarlierVersions: earlier.length ? count(db, progressPoints, inArray(progressPoints.goalId, earlier)) : 0,
  };
}

function accommodationCounts(db: Queryable, accommodationId: string): RemovalCounts {
  const sessionIds = db.select({ id: sessions.id }).from(sessions).where(eq(sessions.accommodationId, accommodationId)).all();
  return {
    ...NO_COUNTS,
    sessions: sessionIds.length,
    checkIns: count(db, checkIns, eq(checkIns.accommodationId, accommodationId)),
    assignments: count(db, assignments, eq(assignments.accommodationId, accommodationId)),
  };
}

// ── Keeping the rows ───────────────────────────────────────────────────────────────────────

function keepGoal(tx: VaultTx, goalId: string): Kept {
  const proposals = tx.select({ id: meetingProposals.id }).from(meetingProposals).where(eq(meetingProposals.goalId, goalId)).all();
  return {
    rows: {
      goals: tx.select().from(goals).where(eq(goals.id, goalId)).all(),
      accommodationGoals: tx.select().from(accommodationGoals).where(eq(accommodationGoals.goalId, goalId)).all(),
      sessionGoals: tx.select().from(sessionGoals).where(eq(sessionGoals.goalId, goalId)).all(),
      progressPoints: tx.select().from(progressPoints).where(eq(progressPoints.goalId, goalId)).all(),
      progressReports: tx.select().from(progressReports).where(eq(progressReports.goalId, goalId)).all(),
    },
    nulled: proposals.length ? [{ column: 'meetingProposals.goalId', value: goalId, ids: proposals.map((row) => row.id) }] : [],
  };
}

function keepAccommodation(tx: VaultTx, accommodationId: string): Kept {
  const sessionRows = tx.select().from(sessions).where(eq(sessions.accommodationId, accommodationId)).all();
  const sessionIds = sessionRows.map((row) => row.id);
  const assignmentRows = tx.select().from(assignments).where(eq(assignments.accommodationId, accommodationId)).all();
  const assignmentIds = assignmentRows.map((row) => row.id);
  const nulled: Kept['nulled'] = [];
  for (const sessionId of sessionIds) {
    const points = tx
      .select({ id: progressPoints.id })
      .from(progressPoints)
      .where(and(eq(progressPoints.sessionId, sessionId), isNotNull(progressPoints.sessionId)))
      .all();
    if (points.length) nulled.push({ column: 'progressPoints.sessionId', value: sessionId, ids: points.map((row) => row.id) });
  }
  const proposals = tx
    .select({ id: meetingProposals.id })
    .from(meetingProposals)
    .where(eq(meetingProposals.accommodationId, accommodationId))
    .all();
  if (proposals.length)
    nulled.push({ column: 'meetingProposals.accommodationId', value: accommodationId, ids: proposals.map((row) => row.id) });
  return {
    rows: {
      accommodations: tx.select().from(accommodations).where(eq(accommodations.id, accommodationId)).all(),
      assignments: assignmentRows,
      matchKeptPairs: assignmentIds.length
        ? tx.select().from(matchKeptPairs).where(inArray(matchKeptPairs.assignmentId, assignmentIds)).all()
        : [],
      sessions: sessionRows,
      sessionMentors: sessionIds.length ? tx.select().from(sessionMentors).where(inArray(sessionMentors.sessionId, sessionIds)).all() : [],
      sessionGoals: sessionIds.length ? tx.select().from(sessionGoals).where(inArray(sessionGoals.sessionId, sessionIds)).all() : [],
      accommodationGoals: tx.select().from(accommodationGoals).where(eq(accommodationGoals.accommodationId, accommodationId)).all(),
      checkIns: tx.select().from(checkIns).where(eq(checkIns.accommodationId, accommodationId)).all(),
      matchRejections: tx.select().from(matchRejections).where(eq(matchRejections.accommodationId, accommodationId)).all(),
    },
    nulled,
  };
}

function keepInTrash(
  ctx: ServiceContext,
  tx: VaultTx,
  removal: { planId: string; entity: Entity; entityId: string; counts: RemovalCounts; kept: Kept },
): string {
  const id = newId();
  tx.insert(removedRecords)
    .values({
      id,
      planId: removal.planId,
      entity: removal.entity,
      entityId: removal.entityId,
      counts: JSON.stringify(removal.counts),
      content: JSON.stringify(removal.kept),
      removedAt: ctx.now().toISOString(),
      removedBySlot: ctx.actor.slotId,
    })
    .run();
  return id;
}
