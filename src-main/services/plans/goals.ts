/** Measurable goals of a plan, and which accommodations serve each one. */
import { eq } from 'drizzle-orm';
import { accommodationGoals, goals } from '../../../db/schema';
import { AppError, type Goal, type GoalInput } from '../../contract';
import { change, newId, type ServiceContext } from '../context';
import { jsonColumns } from '../json-columns';
import type { VaultTx } from '../vault-db';
import { assertPlanContentEditable, assertPlanEditable, assertSamePlan, findGoalRow, findPlanRow, toGoal } from './plan-records';
import { goalProblems } from './plan-rules';

const goalColumns = jsonColumns.goals;

/**
 * A translation of the statement for parent reports is not a change to what the team agreed: it may
 * be written while the plan is active. Every other field changes only while the plan is a draft.
 */
const OUTSIDE_THE_PLAN: ReadonlySet<string> = new Set(['statementTranslations']);

function assertGoalMakesSense(
  tx: VaultTx,
  planId: string,
  goal: Parameters<typeof goalProblems>[0],
  changed: readonly string[] | 'new',
): void {
  const plan = findPlanRow(tx, planId);
  const translationOnly = changed !== 'new' && changed.every((field) => OUTSIDE_THE_PLAN.has(field));
  if (translationOnly) assertPlanEditable(plan);
  else assertPlanContentEditable(plan, 'goal', changed === 'new' ? 'add' : 'change');
  const problems = goalProblems(goal, plan);
  if (problems.length) throw new AppError('invalid_input', problems.join(' '));
}

export function createGoal(ctx: ServiceContext, input: GoalInput): Goal {
  return change(ctx, (tx) => {
    assertGoalMakesSense(tx, input.planId, input, 'new');
    const id = newId();
    const at = ctx.now().toISOString();
    tx.insert(goals)
      .values({
        ...input,
        id,
        scaleMax: input.scaleMax ?? null,
        reportingPeriods: goalColumns.reportingPeriods.write(input.reportingPeriods ?? []),
        objectives: goalColumns.objectives.write(input.objectives ?? []),
        mastery: goalColumns.mastery.write(input.mastery ?? null),
        statementTranslations: goalColumns.statementTranslations.write(input.statementTranslations ?? {}),
        createdAt: at,
        updatedAt: at,
      })
      .run();
    return {
      result: toGoal(tx, findGoalRow(tx, id)),
      record: { action: 'goal.created', entity: 'goal', entityId: id, fields: Object.keys(input) },
    };
  });
}

export function updateGoal(ctx: ServiceContext, input: { id: string; changes: Partial<Omit<GoalInput, 'planId'>> }): Goal {
  return change(ctx, (tx) => {
    const current = toGoal(tx, findGoalRow(tx, input.id));
    const merged = { ...current, ...input.changes };
    assertGoalMakesSense(tx, current.planId, merged, Object.keys(input.changes));
    const { reportingPeriods, objectives, statementTranslations, mastery, ...fields } = input.changes;
    tx.update(goals)
      .set({
        ...fields,
        ...(reportingPeriods ? { reportingPeriods: goalColumns.reportingPeriods.write(reportingPeriods) } : {}),
        ...(objectives ? { objectives: goalColumns.objectives.write(objectives) } : {}),
        ...(mastery !== undefined ? { mastery: goalColumns.mastery.write(mastery) } : {}),
        ...(statementTranslations ? { statementTranslations: goalColumns.statementTranslations.write(statementTranslations) } : {}),
        updatedAt: ctx.now().toISOString(),
      })
      .where(eq(goals.id, input.id))
      .run();
    return {
      result: toGoal(tx, findGoalRow(tx, input.id)),
      record: { action: 'goal.updated', entity: 'goal', entityId: input.id, fields: Object.keys(input.changes) },
    };
  });
}

/** Sets the accommodations that serve a goal ("served by"), replacing the old set. */
export function setGoalServedBy(ctx: ServiceContext, input: { id: string; accommodationIds: string[] }): Goal {
  return change(ctx, (tx) => {
    const goal = findGoalRow(tx, input.id);
    assertPlanContentEditable(findPlanRow(tx, goal.planId), 'goal');
    assertSamePlan(tx, goal.planId, [], input.accommodationIds);
    tx.delete(accommodationGoals).where(eq(accommodationGoals.goalId, input.id)).run();
    for (const accommodationId of new Set(input.accommodationIds))
      tx.insert(accommodationGoals).values({ accommodationId, goalId: input.id }).run();
    return {
      result: toGoal(tx, findGoalRow(tx, input.id)),
      record: {
        action: 'goal.links_set',
        entity: 'goal',
        entityId: input.id,
        fields: ['servedBy'],
        detail: { count: input.accommodationIds.length },
      },
    };
  });
}
