/**
 * Progress points: dated measurements of a goal, entered one by one, in a fast grid (all or
 * nothing), with a session or from an observation. A value outside the goal's measurement range,
 * a date outside the plan or after today is refused in plain words.
 */
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { progressPoints, staff } from '../../../db/schema';
import { AppError, type ProgressPoint, type ProgressPointChanges, type ProgressPointInput, type RowProblem } from '../../contract';
import { change, expectChanged, newId, type ServiceContext, today } from '../context';
import { sentFields } from '../mentors/mentors';
import type { Queryable, VaultTx } from '../vault-db';
import { goalVersionIds } from './goal-lineage';
import { assertGoalWritable, findPointRow, type GoalFacts, goalFacts, type InputOf, type PointRow, toPoint } from './records';
import { pointDateProblem, valueProblem } from './rules';

/** Every problem with one point for `goal`, in plain words. */
export function pointProblems(goal: GoalFacts, point: { date: string; value: number }, day: string): string[] {
  return [valueProblem(goal, point.value), pointDateProblem(point.date, goal.plan, day)].filter(
    (problem): problem is string => problem !== null,
  );
}

export function assertStaffMember(db: Queryable, id: string | null | undefined, who: string): void {
  if (id && !db.select({ id: staff.id }).from(staff).where(eq(staff.id, id)).get()) {
    throw new AppError('invalid_input', `${who} is not on the staff list.`);
  }
}

export interface NewPoint {
  goalId: string;
  date: string;
  value: number;
  setting?: string | null | undefined;
  collectedBy: string | null;
  source: ProgressPoint['source'];
  sessionId?: string | null;
  observationId?: string | null;
  note?: string | null | undefined;
}

/**
 * Writes checked points inside the caller's transaction; returns the rows as written, in order, so
 * callers answer from them instead of reading each point back.
 */
export function insertPoints(db: VaultTx, points: readonly NewPoint[], at: string): PointRow[] {
  if (points.length === 0) return [];
  const rows: PointRow[] = points.map((point) => ({
    id: newId(),
    goalId: point.goalId,
    date: point.date,
    // SQLite stores -0 as 0: the row answered must be the row a read would return.
    value: point.value === 0 ? 0 : point.value,
    setting: point.setting || null,
    collectedBy: point.collectedBy,
    source: point.source,
    sessionId: point.sessionId ?? null,
    observationId: point.observationId ?? null,
    note: point.note || null,
    createdAt: at,
    updatedAt: at,
  }));
  expectChanged(db.insert(progressPoints).values(rows).run(), rows.length, 'insertPoints');
  return rows;
}

/** A single point's problem as it is; a batch's, row by row (the first ten), saying nothing was saved. */
function refusal(rows: readonly RowProblem[], sent: number): string {
  if (sent === 1) return rows[0]?.message ?? '';
  const more = rows.length > 10 ? ` … and ${rows.length - 10} more rows.` : '';
  return `${rows
    .slice(0, 10)
    .map((problem) => `Row ${problem.row}: ${problem.message}`)
    .join(' ')}${more} Nothing was saved.`;
}

/**
 * Checks every row first; the refusal names each bad row by its number (from 1), in its message for
 * people and in `rows` for the grid, which marks the rows and takes the keyboard to the first.
 */
function checkAll(db: Queryable, points: readonly ProgressPointInput[], day: string): void {
  const rows: RowProblem[] = [];
  const facts = new Map<string, GoalFacts>();
  points.forEach((point, index) => {
    const goal = facts.get(point.goalId) ?? goalFacts(db, point.goalId);
    facts.set(point.goalId, goal);
    assertGoalWritable(goal);
    const found = pointProblems(goal, point, day);
    if (found.length === 0) return;
    const field = pointDateProblem(point.date, goal.plan, day) ? 'date' : 'value';
    rows.push({ row: index + 1, field, message: found.join(' ') });
  });
  if (rows.length > 0) throw new AppError('invalid_input', refusal(rows, points.length), { rows });
  for (const point of points) assertStaffMember(db, point.collectedBy, 'The person who collected it');
}

export function createPoint(ctx: ServiceContext, input: InputOf<'progressPoints.create'>): ProgressPoint {
  return change(ctx, (tx) => {
    checkAll(tx, [input], today(ctx));
    const [row] = insertPoints(
      tx,
      [{ ...input, collectedBy: input.collectedBy ?? ctx.actor.staffId, source: 'manual' }],
      ctx.now().toISOString(),
    );
    if (!row) throw new Error('createPoint: nothing inserted');
    return {
      result: toPoint(row),
      record: {
        action: 'progress_point.created',
        entity: 'progress_point',
        entityId: row.id,
        fields: sentFields(input),
        detail: { goalId: input.goalId },
      },
    };
  });
}

export function createPoints(ctx: ServiceContext, input: InputOf<'progressPoints.createMany'>): ProgressPoint[] {
  return change(ctx, (tx) => {
    checkAll(tx, input.points, today(ctx));
    const rows = insertPoints(
      tx,
      input.points.map((point) => ({ ...point, collectedBy: point.collectedBy ?? ctx.actor.staffId, source: 'manual' as const })),
      ctx.now().toISOString(),
    );
    return {
      result: rows.map(toPoint),
      record: {
        action: 'progress_point.batch_created',
        entity: 'progress_point',
        entityId: newId(),
        fields: [...new Set(input.points.flatMap(sentFields))],
        detail: { count: rows.length, goals: new Set(input.points.map((point) => point.goalId)).size },
      },
    };
  });
}

export function updatePoint(ctx: ServiceContext, input: { id: string; changes: ProgressPointChanges }): ProgressPoint {
  return change(ctx, (tx) => {
    const row = findPointRow(tx, input.id);
    const goal = goalFacts(tx, row.goalId);
    assertGoalWritable(goal);
    const merged = { date: input.changes.date ?? row.date, value: input.changes.value ?? row.value };
    const problems = pointProblems(goal, merged, today(ctx));
    if (problems.length > 0) throw new AppError('invalid_input', problems.join(' '));
    assertStaffMember(tx, input.changes.collectedBy, 'The person who collected it');
    const { setting, note, ...fields } = input.changes;
    expectChanged(
      tx
        .update(progressPoints)
        .set({
          ...fields,
          ...(setting !== undefined ? { setting: setting || null } : {}),
          ...(note !== undefined ? { note: note || null } : {}),
          updatedAt: ctx.now().toISOString(),
        })
        .where(eq(progressPoints.id, input.id))
        .run(),
      1,
      'updatePoint',
    );
    return {
      result: toPoint(findPointRow(tx, input.id)),
      record: { action: 'progress_point.updated', entity: 'progress_point', entityId: input.id, fields: sentFields(input.changes) },
    };
  });
}

export function deletePoint(ctx: ServiceContext, input: { id: string }): Record<string, never> {
  return change(ctx, (tx) => {
    const row = findPointRow(tx, input.id);
    assertGoalWritable(goalFacts(tx, row.goalId));
    expectChanged(tx.delete(progressPoints).where(eq(progressPoints.id, input.id)).run(), 1, 'deletePoint');
    return {
      result: {},
      record: { action: 'progress_point.deleted', entity: 'progress_point', entityId: input.id, detail: { goalId: row.goalId } },
    };
  });
}

/** The goal's points and those of its earlier versions (an amended plan copies its goals). */
export function listPointsForGoal(ctx: ServiceContext, input: InputOf<'progressPoints.listForGoal'>): ProgressPoint[] {
  goalFacts(ctx.db, input.goalId);
  return ctx.db
    .select()
    .from(progressPoints)
    .where(
      and(
        inArray(progressPoints.goalId, goalVersionIds(ctx.db, input.goalId)),
        input.from ? gte(progressPoints.date, input.from) : undefined,
        input.to ? lte(progressPoints.date, input.to) : undefined,
      ),
    )
    .orderBy(asc(progressPoints.date), asc(progressPoints.createdAt), asc(progressPoints.id))
    .all()
    .map(toPoint);
}
