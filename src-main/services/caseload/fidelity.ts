/**
 * Fidelity of the caseload's peer support over the dashboard's window, two queries for every
 * student at once: the accommodations of their plans that overlap the window and the sessions
 * logged for them in it. The arithmetic is progress/fidelity.ts and the version rule (each version
 * of an amended plan plans only the days it was in force) is progress/fidelity-service.ts, so a
 * student's row and their plan page agree.
 */
import { and, gte, lte } from 'drizzle-orm';
import { accommodations } from '../../../db/schema';
import type { CaseloadFidelity, Fidelity } from '../../contract';
import { addDays } from '../../contract/calendar';
import { calendarsForStudents } from '../calendar/lookup';
import { inIds } from '../id-batches';
import { fidelityOf, totalFidelity } from '../progress/fidelity';
import { fidelitySessionsOf, inForce } from '../progress/fidelity-service';
import { mondayOf } from '../progress/school-days';
import type { Queryable } from '../vault-db';
import type { PlanRow } from './scope';

/** The last four school weeks: this week so far and the three before it (the range stops at today). */
export function fidelityWindow(day: string): { from: string; to: string } {
  return { from: addDays(mondayOf(day), -21), to: day };
}

const NOTHING_PLANNED: CaseloadFidelity = { plannedSessions: 0, heldSessions: 0, percent: null };

/** Sessions held against planned for each student of `plans` over `window`. */
export function caseloadFidelity(
  db: Queryable,
  plans: readonly PlanRow[],
  window: { from: string; to: string },
): Map<string, CaseloadFidelity> {
  const planOf = new Map(plans.map((plan) => [plan.id, plan]));
  if (planOf.size === 0) return new Map();
  const rows = db
    .select()
    .from(accommodations)
    .where(
      and(
        inIds(accommodations.planId, [...planOf.keys()]),
        lte(accommodations.startDate, window.to),
        gte(accommodations.endDate, window.from),
      ),
    )
    .all();
  const sessionsOf = fidelitySessionsOf(
    db,
    rows.map((row) => row.id),
    window,
  );
  const calendarsOf = calendarsForStudents(
    db,
    plans.map((plan) => plan.studentId),
  );
  const partsOf = new Map<string, Fidelity[]>();
  for (const row of rows) {
    const plan = planOf.get(row.planId);
    if (!plan) continue;
    const amended = plan.amendsId ? (planOf.get(plan.amendsId) ?? null) : null;
    const calendars = calendarsOf.get(plan.studentId) ?? [];
    const fidelity = fidelityOf({ ...row, ...inForce(row, plan, amended) }, sessionsOf.get(row.id) ?? [], window, calendars);
    // A version not in force during the window, with no session in it, has nothing to say about it.
    if (fidelity.from === null && fidelity.heldSessions + fidelity.missedSessions === 0) continue;
    partsOf.set(plan.studentId, [...(partsOf.get(plan.studentId) ?? []), fidelity]);
  }
  const result = new Map<string, CaseloadFidelity>();
  for (const [studentId, parts] of partsOf) {
    const total = totalFidelity(parts, window);
    result.set(studentId, { plannedSessions: total.plannedSessions, heldSessions: total.heldSessions, percent: total.sessionsPercent });
  }
  return result;
}

export function fidelityOfStudent(byStudent: ReadonlyMap<string, CaseloadFidelity>, studentId: string): CaseloadFidelity {
  return byStudent.get(studentId) ?? NOTHING_PLANNED;
}
