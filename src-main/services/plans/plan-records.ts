/**
 * Reading plans, goals and accommodations: row → domain converters, and the guards every write
 * shares (the plan exists, and is not a read-only old version).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { accommodationGoals, accommodations, goals, plans, planTeam } from '../../../db/schema';
import { type Accommodation, AppError, type Goal, type Plan, type PlanDetail } from '../../contract';
import { notFound } from '../context';
import { jsonColumns } from '../json-columns';
import type { Queryable } from '../vault-db';
import { dueWarnings, supportGaps } from './plan-rules';

export type PlanRow = typeof plans.$inferSelect;
type GoalRow = typeof goals.$inferSelect;
type AccommodationRow = typeof accommodations.$inferSelect;

const READ_ONLY_STATUSES = new Set(['superseded', 'ended']);

export function findPlanRow(db: Queryable, id: string): PlanRow {
  const row = db.select().from(plans).where(eq(plans.id, id)).get();
  if (!row) throw notFound('plan');
  return row;
}

/** Old versions are the record of what was agreed: they are kept exactly as they were. */
export function assertPlanEditable(plan: PlanRow): void {
  if (READ_ONLY_STATUSES.has(plan.status)) {
    throw new AppError(
      'forbidden',
      `Version ${plan.version} of this plan is ${plan.status} and kept read-only. Amend the current plan to make changes.`,
    );
  }
}

/**
 * An active plan is what the team agreed: its goals and peer supports (and the links between them)
 * change only through an amendment. The words say what to do instead; `verb` is what the person tried.
 */
export function planContentRefusal(entity: 'goal' | 'accommodation', plan: PlanRow, verb = 'change'): string | null {
  const what = entity === 'goal' ? 'goal' : 'peer support';
  if (plan.status === 'active') {
    return `This plan is active: its ${what}s change only through an amendment, so what the team agreed and the data recorded under it stay as they were. Choose "Amend the plan" to make a new draft version, and ${verb} the ${what} there.`;
  }
  if (plan.status !== 'draft') {
    return `Version ${plan.version} of this plan is ${plan.status} and kept read-only. Amend the current plan to make changes.`;
  }
  return null;
}

/** Goals and peer supports are written while their plan is a draft; then it is made active. */
export function assertPlanContentEditable(plan: PlanRow, entity: 'goal' | 'accommodation', verb = 'change'): void {
  const refusal = planContentRefusal(entity, plan, verb);
  if (refusal) throw new AppError('forbidden', refusal);
}

export function toPlan(db: Queryable, row: PlanRow, today: string): Plan {
  const team = db.select({ staffId: planTeam.staffId }).from(planTeam).where(eq(planTeam.planId, row.id)).all();
  return {
    id: row.id,
    studentId: row.studentId,
    type: row.type as Plan['type'],
    version: row.version,
    amendsId: row.amendsId,
    startDate: row.startDate,
    endDate: row.endDate,
    annualReviewDue: row.annualReviewDue,
    reevaluationDue: row.reevaluationDue,
    caseManagerId: row.caseManagerId,
    teamStaffIds: team.map((member) => member.staffId).sort(),
    status: row.status as Plan['status'],
    readOnly: READ_ONLY_STATUSES.has(row.status),
    warnings: dueWarnings(row, today),
  };
}

function linksFor(db: Queryable, where: ReturnType<typeof eq>) {
  return db.select().from(accommodationGoals).where(where).all();
}

export function toGoal(db: Queryable, row: GoalRow): Goal {
  return {
    id: row.id,
    planId: row.planId,
    area: row.area as Goal['area'],
    statement: row.statement,
    measurement: row.measurement as Goal['measurement'],
    baseline: row.baseline,
    target: row.target,
    scaleMax: row.scaleMax,
    criterion: row.criterion,
    measuredEvery: row.measuredEvery,
    reportingPeriods: jsonColumns.goals.reportingPeriods.read(row.reportingPeriods),
    endDate: row.endDate,
    objectives: jsonColumns.goals.objectives.read(row.objectives),
    mastery: jsonColumns.goals.mastery.read(row.mastery),
    statementTranslations: jsonColumns.goals.statementTranslations.read(row.statementTranslations),
    servedBy: linksFor(db, eq(accommodationGoals.goalId, row.id))
      .map((link) => link.accommodationId)
      .sort(),
  };
}

export function toAccommodation(db: Queryable, row: AccommodationRow): Accommodation {
  return {
    id: row.id,
    planId: row.planId,
    role: row.role as Accommodation['role'],
    settingClass: row.settingClass,
    slots: jsonColumns.accommodations.slots.read(row.slots),
    sessionsPerWeek: row.sessionsPerWeek,
    minutesPerSession: row.minutesPerSession,
    mentorsNeeded: row.mentorsNeeded,
    startDate: row.startDate,
    endDate: row.endDate,
    notes: row.notes,
    serves: linksFor(db, eq(accommodationGoals.accommodationId, row.id))
      .map((link) => link.goalId)
      .sort(),
  };
}

export function findGoalRow(db: Queryable, id: string): GoalRow {
  const row = db.select().from(goals).where(eq(goals.id, id)).get();
  if (!row) throw notFound('goal');
  return row;
}

export function findAccommodationRow(db: Queryable, id: string): AccommodationRow {
  const row = db.select().from(accommodations).where(eq(accommodations.id, id)).get();
  if (!row) throw notFound('accommodation');
  return row;
}

/** Links may only join a goal and an accommodation of the same plan. */
export function assertSamePlan(db: Queryable, planId: string, goalIds: readonly string[], accommodationIds: readonly string[]): void {
  if (goalIds.length) {
    const found = db
      .select({ id: goals.id })
      .from(goals)
      .where(and(eq(goals.planId, planId), inArray(goals.id, [...goalIds])))
      .all();
    if (found.length !== new Set(goalIds).size)
      throw new AppError('invalid_input', 'A goal can only be linked to an accommodation of the same plan.');
  }
  if (accommodationIds.length) {
    const found = db
      .select({ id: accommodations.id })
      .from(accommodations)
      .where(and(eq(accommodations.planId, planId), inArray(accommodations.id, [...accommodationIds])))
      .all();
    if (found.length !== new Set(accommodationIds).size)
      throw new AppError('invalid_input', 'An accommodation can only serve goals of the same plan.');
  }
}

export function planDetail(db: Queryable, planId: string, today: string): PlanDetail {
  const row = findPlanRow(db, planId);
  const goalList = db
    .select()
    .from(goals)
    .where(eq(goals.planId, planId))
    .orderBy(asc(goals.createdAt), asc(goals.id))
    .all()
    .map((g) => toGoal(db, g));
  const accommodationList = db
    .select()
    .from(accommodations)
    .where(eq(accommodations.planId, planId))
    .orderBy(asc(accommodations.createdAt), asc(accommodations.id))
    .all()
    .map((a) => toAccommodation(db, a));
  const links = goalList.flatMap((goal) => goal.servedBy.map((accommodationId) => ({ goalId: goal.id, accommodationId })));
  const versions = db
    .select({ id: plans.id, version: plans.version, status: plans.status })
    .from(plans)
    .where(and(eq(plans.studentId, row.studentId), eq(plans.type, row.type)))
    .orderBy(asc(plans.version))
    .all()
    .map((version) => ({ ...version, status: version.status as Plan['status'] }));
  return {
    plan: toPlan(db, row, today),
    goals: goalList,
    accommodations: accommodationList,
    gaps: supportGaps(
      goalList.map((goal) => goal.id),
      accommodationList.map((accommodation) => accommodation.id),
      links,
    ),
    versions,
  };
}
