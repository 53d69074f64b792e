/**
 * IEP and 504 plans: create, edit, activate, end and amend. A student has at most one active plan
 * of each type; an amendment is a new draft version that supersedes the old one when activated,
 * and the old version stays exactly as it was, read-only.
 */
import { and, asc, eq, gte, isNotNull, isNull, ne, or } from 'drizzle-orm';
import { accommodationGoals, accommodations, assignments, goals, plans, planTeam, staff, students } from '../../../db/schema';
import { AppError, type Plan, type PlanDetail, type PlanInput } from '../../contract';
import { change, newId, type ServiceContext, today } from '../context';
import type { Queryable, VaultTx } from '../vault-db';
import { assertPlanEditable, findPlanRow, type PlanRow, planDetail, toPlan } from './plan-records';
import { planDateProblems } from './plan-rules';
import { emptyTrash } from './removals';

function assertDatesMakeSense(plan: Parameters<typeof planDateProblems>[0]): void {
  const problems = planDateProblems(plan);
  if (problems.length) throw new AppError('invalid_input', problems.join(' '));
}

function assertStaff(db: Queryable, ids: readonly (string | undefined)[]): void {
  for (const id of ids) {
    if (id && !db.select({ id: staff.id }).from(staff).where(eq(staff.id, id)).get()) {
      throw new AppError('invalid_input', 'A team member or case manager chosen is not on the staff list.');
    }
  }
}

function assertNoOtherActive(db: Queryable, plan: Pick<PlanRow, 'id' | 'studentId' | 'type' | 'amendsId'>): void {
  const other = db
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.studentId, plan.studentId), eq(plans.type, plan.type), eq(plans.status, 'active'), ne(plans.id, plan.id)))
    .get();
  if (other && other.id !== plan.amendsId) {
    throw new AppError(
      'conflict',
      `This student already has an active ${plan.type === 'iep' ? 'IEP' : '504 plan'}. End it or amend it instead.`,
    );
  }
}

function setTeam(db: VaultTx, planId: string, staffIds: readonly string[]): void {
  db.delete(planTeam).where(eq(planTeam.planId, planId)).run();
  for (const staffId of new Set(staffIds)) db.insert(planTeam).values({ planId, staffId }).run();
}

export function listPlansForStudent(ctx: ServiceContext, studentId: string): Plan[] {
  return ctx.db
    .select()
    .from(plans)
    .where(eq(plans.studentId, studentId))
    .orderBy(asc(plans.type), asc(plans.version))
    .all()
    .map((row) => toPlan(ctx.db, row, today(ctx)));
}

export function getPlan(ctx: ServiceContext, id: string): PlanDetail {
  return planDetail(ctx.db, id, today(ctx));
}

export function createPlan(ctx: ServiceContext, input: PlanInput): Plan {
  return change(ctx, (tx) => {
    const student = tx.select({ status: students.status }).from(students).where(eq(students.id, input.studentId)).get();
    if (!student) throw new AppError('not_found', 'That student does not exist.');
    if (student.status !== 'active') throw new AppError('forbidden', 'Restore the student before adding a plan.');
    assertDatesMakeSense(input);
    assertStaff(tx, [input.caseManagerId, ...(input.teamStaffIds ?? [])]);
    const id = newId();
    if (input.status === 'active') assertNoOtherActive(tx, { id, studentId: input.studentId, type: input.type, amendsId: null });
    const at = ctx.now().toISOString();
    tx.insert(plans)
      .values({
        id,
        studentId: input.studentId,
        type: input.type,
        version: 1,
        amendsId: null,
        startDate: input.startDate,
        endDate: input.endDate,
        annualReviewDue: input.annualReviewDue,
        reevaluationDue: input.reevaluationDue ?? null,
        caseManagerId: input.caseManagerId ?? null,
        status: input.status,
        createdAt: at,
        updatedAt: at,
      })
      .run();
    setTeam(tx, id, input.teamStaffIds ?? []);
    return {
      result: toPlan(tx, findPlanRow(tx, id), today(ctx)),
      record: { action: 'plan.created', entity: 'plan', entityId: id, fields: Object.keys(input) },
    };
  });
}

export function updatePlan(ctx: ServiceContext, input: { id: string; changes: Partial<Omit<PlanInput, 'studentId' | 'status'>> }): Plan {
  return change(ctx, (tx) => {
    const row = findPlanRow(tx, input.id);
    assertPlanEditable(row);
    const { teamStaffIds, ...fields } = input.changes;
    const merged = { ...row, ...fields };
    assertDatesMakeSense({ ...merged, type: merged.type as 'iep' | '504' });
    assertStaff(tx, [fields.caseManagerId, ...(teamStaffIds ?? [])]);
    tx.update(plans)
      .set({ ...fields, updatedAt: ctx.now().toISOString() })
      .where(eq(plans.id, input.id))
      .run();
    if (teamStaffIds) setTeam(tx, input.id, teamStaffIds);
    return {
      result: toPlan(tx, findPlanRow(tx, input.id), today(ctx)),
      record: { action: 'plan.updated', entity: 'plan', entityId: input.id, fields: Object.keys(input.changes) },
    };
  });
}

/**
 * Activating an amendment supersedes the version it amends, in the same transaction, and the mentors
 * still working on its accommodations move to their copies in the new version.
 */
export function activatePlan(ctx: ServiceContext, id: string): Plan {
  return change(ctx, (tx) => {
    const row = findPlanRow(tx, id);
    if (row.status !== 'draft') throw new AppError('conflict', 'Only a draft plan can be made active.');
    assertNoOtherActive(tx, row);
    const at = ctx.now().toISOString();
    const day = today(ctx);
    const movedAssignments = row.amendsId ? moveRunningAssignments(tx, id, day) : 0;
    if (row.amendsId) tx.update(plans).set({ status: 'superseded', updatedAt: at }).where(eq(plans.id, row.amendsId)).run();
    tx.update(plans).set({ status: 'active', updatedAt: at }).where(eq(plans.id, id)).run();
    emptyTrash(tx, id);
    return {
      result: toPlan(tx, findPlanRow(tx, id), day),
      record: {
        action: 'plan.activated',
        entity: 'plan',
        entityId: id,
        fields: ['status'],
        detail: { supersedes: row.amendsId, movedAssignments },
      },
    };
  });
}

/**
 * Running assignments (not ended before `day`) follow each accommodation to its copy in the plan
 * `planId`; ended ones stay with the version they served. Moving them, rather than ending and
 * starting new ones, keeps the start date, so the goal graph shows no mentor change that did not happen.
 */
function moveRunningAssignments(tx: VaultTx, planId: string, day: string): number {
  let moved = 0;
  const copies = tx
    .select({ id: accommodations.id, amendsId: accommodations.amendsId })
    .from(accommodations)
    .where(and(eq(accommodations.planId, planId), isNotNull(accommodations.amendsId)))
    .all();
  for (const copy of copies) {
    if (!copy.amendsId) continue;
    moved += tx
      .update(assignments)
      .set({ accommodationId: copy.id })
      .where(and(eq(assignments.accommodationId, copy.amendsId), or(isNull(assignments.endDate), gte(assignments.endDate, day))))
      .run().changes;
  }
  return moved;
}

/** Ending a plan ends the mentor assignments of its accommodations that day. */
export function endPlan(ctx: ServiceContext, id: string): Plan {
  return change(ctx, (tx) => {
    const row = findPlanRow(tx, id);
    if (row.status !== 'active' && row.status !== 'draft')
      throw new AppError('conflict', 'This plan has already ended or been superseded.');
    const day = today(ctx);
    for (const accommodation of tx.select({ id: accommodations.id }).from(accommodations).where(eq(accommodations.planId, id)).all()) {
      tx.update(assignments)
        .set({ endDate: day, endReason: 'finished' })
        .where(and(eq(assignments.accommodationId, accommodation.id), isNull(assignments.endDate)))
        .run();
    }
    tx.update(plans).set({ status: 'ended', updatedAt: ctx.now().toISOString() }).where(eq(plans.id, id)).run();
    return {
      result: toPlan(tx, findPlanRow(tx, id), day),
      record: { action: 'plan.ended', entity: 'plan', entityId: id, fields: ['status'] },
    };
  });
}

/** Copies the plan, its team, goals, accommodations and their links into a new draft version. */
export function amendPlan(ctx: ServiceContext, id: string): PlanDetail {
  const newPlanId = change(ctx, (tx) => {
    const row = findPlanRow(tx, id);
    if (row.status !== 'active') throw new AppError('conflict', 'Only the active plan can be amended.');
    const pending = tx
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.amendsId, id), eq(plans.status, 'draft')))
      .get();
    if (pending) throw new AppError('conflict', 'An amendment of this plan is already in draft. Finish or end that one first.');
    const at = ctx.now().toISOString();
    const copyId = newId();
    tx.insert(plans)
      .values({ ...row, id: copyId, version: row.version + 1, amendsId: id, status: 'draft', createdAt: at, updatedAt: at })
      .run();
    const team = tx.select().from(planTeam).where(eq(planTeam.planId, id)).all();
    setTeam(
      tx,
      copyId,
      team.map((member) => member.staffId),
    );
    const goalIds = new Map<string, string>();
    // Copies keep their original's creation time, which orders a plan's goals and supports: Goal 2 of
    // the old version is Goal 2 of the new one, so nobody reads a renumbered goal as another goal.
    for (const goal of tx.select().from(goals).where(eq(goals.planId, id)).all()) {
      const goalCopy = newId();
      goalIds.set(goal.id, goalCopy);
      tx.insert(goals)
        .values({ ...goal, id: goalCopy, planId: copyId, amendsId: goal.id, updatedAt: at })
        .run();
    }
    for (const accommodation of tx.select().from(accommodations).where(eq(accommodations.planId, id)).all()) {
      const accommodationCopy = newId();
      tx.insert(accommodations)
        .values({ ...accommodation, id: accommodationCopy, planId: copyId, amendsId: accommodation.id, updatedAt: at })
        .run();
      for (const link of tx.select().from(accommodationGoals).where(eq(accommodationGoals.accommodationId, accommodation.id)).all()) {
        const goalId = goalIds.get(link.goalId);
        if (goalId) tx.insert(accommodationGoals).values({ accommodationId: accommodationCopy, goalId }).run();
      }
    }
    return {
      result: copyId,
      record: { action: 'plan.amended', entity: 'plan', entityId: copyId, detail: { amends: id, version: row.version + 1 } },
    };
  });
  return planDetail(ctx.db, newPlanId, today(ctx));
}
