/**
 * Every goal of the caseload's active plans with its status, in three queries whatever the size of
 * the caseload: the goals, their earlier versions (an amendment copies a goal, and the points of
 * every version belong to it), and the points of each version up to the day. The status is read
 * off the goal's judgement (services/progress-rules/judgement.ts), which looks at the current
 * version's points: its weeks of data, trend, band and last 4 points.
 */
import { asc, sql } from 'drizzle-orm';
import { goals } from '../../../db/schema';
import type { CaseloadGoal, Measurement } from '../../contract';
import { askedByVersion, groupBy, idTable, inIds } from '../id-batches';
import { jsonColumns } from '../json-columns';
import { goalLineages } from '../progress/goal-lineage';
import { judgementOf } from '../progress/goal-progress';
import { byDate, judgementFlags, type ProgressPointValue } from '../progress-rules/decision-rules';
import type { Queryable } from '../vault-db';
import { goalStatus } from './goal-status';
import type { PlanRow } from './scope';

/** Every point on or before `day` of each goal id, in date then entry order. */
function pointsUpTo(db: Queryable, goalIds: readonly string[], day: string): Map<string, ProgressPointValue[]> {
  if (goalIds.length === 0) return new Map();
  const rows = db.all<{ goalId: string; date: string; value: number }>(sql`
    SELECT p.goal_id AS goalId, p.date AS date, p.value AS value
    FROM ${idTable(goalIds)} AS ids
    JOIN progress_points p ON p.goal_id = ids.value AND p.date <= ${day}
    ORDER BY p.date, p.created_at, p.id`);
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
      measurement: goals.measurement,
      scaleMax: goals.scaleMax,
      criterion: goals.criterion,
      mastery: goals.mastery,
    })
    .from(goals)
    .where(inIds(goals.planId, [...planOf.keys()]))
    .orderBy(asc(goals.planId), asc(goals.createdAt), asc(goals.id))
    .all();
  const lineages = goalLineages(
    db,
    rows.map((row) => row.id),
  );
  const byVersion = pointsUpTo(db, [...askedByVersion(lineages).keys()], day);
  const numbers = new Map<string, number>();
  return rows.flatMap((row) => {
    const plan = planOf.get(row.planId);
    if (!plan) return [];
    const number = (numbers.get(row.planId) ?? 0) + 1;
    numbers.set(row.planId, number);
    // Versions are walked newest first, so within a date the stable sort keeps each version's entry order.
    const points = byDate((lineages.get(row.id) ?? [row.id]).flatMap((version) => byVersion.get(version) ?? []));
    const judgement = judgementOf(
      { ...row, measurement: row.measurement as Measurement, mastery: jsonColumns.goals.mastery.read(row.mastery) },
      plan.startDate,
      points,
      day,
    );
    const latest = points.at(-1);
    return [
      {
        id: row.id,
        planId: row.planId,
        number,
        // The column only ever holds a GoalArea: the contract validated it on the way in.
        area: row.area as CaseloadGoal['area'],
        statement: row.statement,
        status: goalStatus(judgement, judgementFlags(judgement)),
        latest: latest ? { date: latest.date, value: latest.value } : null,
      },
    ];
  });
}
