/**
 * Every goal of the caseload's active plans with its status, in three queries whatever the size of
 * the caseload: the goals, their earlier versions (an amendment copies a goal, and the points of
 * every version count for it), and the last points of each version. The decision rules look at the
 * last four points and the date of the latest, so four per version are all the rules can see.
 */
import { asc, sql } from 'drizzle-orm';
import { goals } from '../../../db/schema';
import type { CaseloadGoal } from '../../contract';
import { askedByVersion, groupBy, idTable, inIds } from '../id-batches';
import { goalLineages } from '../progress/goal-lineage';
import { byDate, decisionFlags, type ProgressPointValue, RUN_LENGTH } from '../progress-rules/decision-rules';
import type { Queryable } from '../vault-db';
import { goalStatus } from './goal-status';
import type { PlanRow } from './scope';

/** The last `RUN_LENGTH` points on or before `day` of each goal id, by walking its (goal, date) index backwards. */
function lastPoints(db: Queryable, goalIds: readonly string[], day: string): Map<string, ProgressPointValue[]> {
  if (goalIds.length === 0) return new Map();
  const rows = db.all<{ goalId: string; date: string; value: number }>(sql`
    SELECT ids.value AS goalId, p.date AS date, p.value AS value
    FROM ${idTable(goalIds)} AS ids
    JOIN progress_points p ON p.rowid IN (
      SELECT rowid FROM progress_points
      WHERE goal_id = ids.value AND date <= ${day}
      ORDER BY date DESC LIMIT ${RUN_LENGTH}
    )`);
  return groupBy(rows, (row) => row.goalId);
}

/** The goals of the given active plans, with their status as of `day`, by plan in the order they were written. */
export function caseloadGoals(db: Queryable, activePlans: readonly PlanRow[], day: string): CaseloadGoal[] {
  if (activePlans.length === 0) return [];
  const planOf = new Map(activePlans.map((plan) => [plan.id, plan]));
  const rows = db
    .select({
      id: goals.id,
      planId: goals.planId,
      area: goals.area,
      statement: goals.statement,
      baseline: goals.baseline,
      target: goals.target,
      endDate: goals.endDate,
    })
    .from(goals)
    .where(inIds(goals.planId, [...planOf.keys()]))
    .orderBy(asc(goals.planId), asc(goals.createdAt), asc(goals.id))
    .all();
  const lineages = goalLineages(
    db,
    rows.map((row) => row.id),
  );
  const byVersion = lastPoints(db, [...askedByVersion(lineages).keys()], day);
  const numbers = new Map<string, number>();
  return rows.flatMap((row) => {
    const plan = planOf.get(row.planId);
    if (!plan) return [];
    const number = (numbers.get(row.planId) ?? 0) + 1;
    numbers.set(row.planId, number);
    const points = byDate((lineages.get(row.id) ?? [row.id]).flatMap((version) => byVersion.get(version) ?? [])).slice(-RUN_LENGTH);
    const span = { baseline: row.baseline, target: row.target, startDate: plan.startDate, endDate: row.endDate };
    const latest = points.at(-1);
    return [
      {
        id: row.id,
        planId: row.planId,
        number,
        // The column only ever holds a GoalArea: the contract validated it on the way in.
        area: row.area as CaseloadGoal['area'],
        statement: row.statement,
        status: goalStatus(decisionFlags(span, points, day), points.length > 0),
        latest: latest ? { date: latest.date, value: latest.value } : null,
      },
    ];
  });
}
