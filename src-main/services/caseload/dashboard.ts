/**
 * The caseload dashboard and the program-health list, for the acting case manager, another one or
 * the whole program. Every part is gathered for all students at once (scope.ts, goals.ts,
 * fidelity.ts, health.ts), so a 60-student caseload in a district vault costs a handful of
 * indexed queries, never one per student or per goal.
 */
import { type CaseloadDashboard, type CaseloadScope, PlanType, type ProgramHealth } from '../../contract';
import { type ServiceContext, today } from '../context';
import { groupBy } from '../id-batches';
import { caseloadFidelity, fidelityOfStudent, fidelityWindow } from './fidelity';
import { countStatuses, withService } from './goal-status';
import { caseloadGoals } from './goals';
import { caseloadHealth } from './health';
import { scopeRecords } from './scope';
import { servingSupports } from './service-facts';

export function caseloadDashboard(ctx: ServiceContext, input: { scope: CaseloadScope }): CaseloadDashboard {
  const day = today(ctx);
  const records = scopeRecords(ctx, input.scope);
  const window = fidelityWindow(day);
  const activePlans = records.plans.filter((plan) => plan.status === 'active');
  const studentOfPlan = new Map(activePlans.map((plan) => [plan.id, plan.studentId]));
  const plansOf = groupBy(activePlans, (plan) => plan.studentId);
  const fidelity = caseloadFidelity(ctx.db, records.plans, window);
  const health = caseloadHealth(ctx.db, records, day);
  // "On track" needs the service too: a goal whose running supports held no session lately has none.
  const servedBy = servingSupports(ctx.db, [...health.deliveredOf.keys()]);
  const goals = caseloadGoals(ctx.db, activePlans, day).map((goal) => ({
    ...goal,
    status: withService(
      goal.status,
      (servedBy.get(goal.id) ?? []).map((id) => ({ delivered: health.deliveredOf.get(id) ?? false })),
    ),
  }));
  const goalsOf = groupBy(goals, (goal) => studentOfPlan.get(goal.planId));
  return {
    scope: records.scope,
    today: day,
    fidelityWindow: window,
    flags: health.flags,
    students: records.students.map((student) => {
      const goals = goalsOf.get(student.id) ?? [];
      return {
        id: student.id,
        name: student.name,
        grade: student.grade,
        plans: (plansOf.get(student.id) ?? []).map((plan) => ({
          id: plan.id,
          type: PlanType.parse(plan.type),
          annualReviewDue: plan.annualReviewDue,
          reevaluationDue: plan.reevaluationDue,
        })),
        goals,
        goalCounts: countStatuses(goals.map((goal) => goal.status)),
        fidelity: fidelityOfStudent(fidelity, student.id),
        flagIds: health.flagIdsOf.get(student.id) ?? [],
      };
    }),
  };
}

export function programHealth(ctx: ServiceContext, input: { scope: CaseloadScope }): ProgramHealth {
  const day = today(ctx);
  const records = scopeRecords(ctx, input.scope);
  return { scope: records.scope, today: day, flags: caseloadHealth(ctx.db, records, day).flags };
}
