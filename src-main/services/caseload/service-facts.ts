/**
 * What the service and progress-report rules of program health need, for a whole scope in a few
 * batch queries: for each peer support running today, its mentors now and since when, the day its
 * last mentor stopped and its last session held (every version of an amended support counts); the
 * seats still needing a mentor, per school, counted as Matching counts them (services/matching/
 * facts.ts: mentors needed minus assignments running that day); and for each active plan, its
 * reporting periods with how many goals have a finalized progress report for each.
 */
import { and, isNotNull, lte, sql } from 'drizzle-orm';
import { accommodationGoals, assignments, goals, progressReports } from '../../../db/schema';
import { type SchoolCalendar, schoolDaysBetween } from '../../contract/school-year';
import { calendarsForSchool } from '../calendar/lookup';
import { askedByVersion, groupBy, inIds } from '../id-batches';
import { jsonColumns } from '../json-columns';
import { accommodationLineages, goalLineages } from '../progress/goal-lineage';
import type { ReportingPeriodFacts, SchoolDayCount, SupportServiceFacts } from '../progress-rules/program-health';
import type { Queryable } from '../vault-db';
import type { PlanRow } from './scope';

export interface RunningSupportRow {
  id: string;
  startDate: string;
  mentorsNeeded: number;
}

export interface RunningAssignment {
  mentorId: string;
  accommodationId: string;
  startDate: string;
}

/** The day each support's last ended assignment (any version) stopped running, on or before `day`. */
function lastMentorEnds(db: Queryable, supportIds: readonly string[], day: string): Map<string, string> {
  const lineages = accommodationLineages(db, supportIds);
  const versions = askedByVersion(lineages);
  const rows = db
    .select({ accommodationId: assignments.accommodationId, ended: sql<string>`max(${assignments.endDate})` })
    .from(assignments)
    .where(and(inIds(assignments.accommodationId, [...versions.keys()]), isNotNull(assignments.endDate), lte(assignments.endDate, day)))
    .groupBy(assignments.accommodationId)
    .all();
  const result = new Map<string, string>();
  for (const row of rows) {
    for (const id of versions.get(row.accommodationId) ?? []) {
      const known = result.get(id);
      if (known === undefined || row.ended > known) result.set(id, row.ended);
    }
  }
  return result;
}

/** The service facts of each running support; `lastHeldOf` is pair-facts' last held session per support. */
export function supportServiceFacts(
  db: Queryable,
  running: readonly RunningSupportRow[],
  assigned: readonly RunningAssignment[],
  lastHeldOf: ReadonlyMap<string, string>,
  day: string,
): SupportServiceFacts[] {
  if (running.length === 0) return [];
  const ended = lastMentorEnds(
    db,
    running.map((support) => support.id),
    day,
  );
  const assignedTo = groupBy(assigned, (row) => row.accommodationId);
  return running.map((support) => {
    const now = (assignedTo.get(support.id) ?? []).filter((row) => row.startDate <= day);
    return {
      accommodationId: support.id,
      startDate: support.startDate,
      mentorsNow: now.length,
      mentorSince: now.map((row) => row.startDate).sort()[0] ?? null,
      lastMentorEnded: ended.get(support.id) ?? null,
      lastHeld: lastHeldOf.get(support.id) ?? null,
    };
  });
}

/** Seats still needing a mentor, by school: what Matching would offer for the scope's running supports today. */
export function openSeatsBySchool(
  running: readonly (RunningSupportRow & { school: string })[],
  assigned: readonly RunningAssignment[],
): Map<string, number> {
  const holding = new Map<string, number>();
  for (const row of assigned) holding.set(row.accommodationId, (holding.get(row.accommodationId) ?? 0) + 1);
  const open = new Map<string, number>();
  for (const support of running) {
    const seats = support.mentorsNeeded - (holding.get(support.id) ?? 0);
    if (seats > 0) open.set(support.school, (open.get(support.school) ?? 0) + seats);
  }
  return open;
}

/**
 * Each active plan's reporting periods that ended inside it before `day`, with how many of its goals
 * have the period and how many of those have a finalized mark for it (on any version of the goal).
 * A goal with no periods of its own has its school calendar's (`calendarPeriodsOf` the plan). A
 * period that ended before this version of the plan began cannot be marked on it, so it is left out.
 */
export function reportingPeriodFacts(
  db: Queryable,
  activePlans: readonly PlanRow[],
  day: string,
  calendarPeriodsOf: (plan: PlanRow) => readonly { label: string; endsOn: string }[] = () => [],
): Map<string, ReportingPeriodFacts[]> {
  const result = new Map<string, ReportingPeriodFacts[]>();
  if (activePlans.length === 0) return result;
  const planOf = new Map(activePlans.map((plan) => [plan.id, plan]));
  const goalRows = db
    .select({ id: goals.id, planId: goals.planId, reportingPeriods: goals.reportingPeriods })
    .from(goals)
    .where(inIds(goals.planId, [...planOf.keys()]))
    .all();
  const lineages = goalLineages(
    db,
    goalRows.map((row) => row.id),
  );
  const versions = askedByVersion(lineages);
  const finalized = new Set<string>();
  const marks = db
    .select({ goalId: progressReports.goalId, endsOn: progressReports.periodEndsOn })
    .from(progressReports)
    .where(and(inIds(progressReports.goalId, [...versions.keys()]), isNotNull(progressReports.finalizedAt)))
    .all();
  for (const mark of marks) for (const id of versions.get(mark.goalId) ?? []) finalized.add(`${id}\n${mark.endsOn}`);

  for (const [planId, rows] of groupBy(goalRows, (row) => row.planId)) {
    const plan = planOf.get(planId);
    if (!plan) continue;
    const periods = new Map<string, ReportingPeriodFacts>();
    for (const row of rows) {
      const own = jsonColumns.goals.reportingPeriods.read(row.reportingPeriods);
      for (const period of own.length > 0 ? own : calendarPeriodsOf(plan)) {
        if (period.endsOn >= day || period.endsOn < plan.startDate || period.endsOn > plan.endDate) continue;
        const facts = periods.get(period.endsOn) ?? { label: period.label, endsOn: period.endsOn, goals: 0, finalized: 0 };
        facts.goals += 1;
        if (finalized.has(`${row.id}\n${period.endsOn}`)) facts.finalized += 1;
        periods.set(period.endsOn, facts);
      }
    }
    result.set(
      planId,
      [...periods.values()].sort((a, b) => a.endsOn.localeCompare(b.endsOn)),
    );
  }
  return result;
}

/** Each school's calendars, every year, oldest first ([] for a school without one). */
export function calendarsOfSchools(db: Queryable, schools: readonly string[]): Map<string, SchoolCalendar[]> {
  return new Map(schools.map((school) => [school, calendarsForSchool(db, school)]));
}

/** A school-day count on a school's calendars: breaks and summers left out, or Monday to Friday without one. */
export function schoolDayCount(calendars: readonly SchoolCalendar[]): SchoolDayCount {
  return (from, to) => schoolDaysBetween(calendars, from, to).length;
}

/** For each goal, the running supports (of `supportIds`) that serve it. */
export function servingSupports(db: Queryable, supportIds: readonly string[]): Map<string, string[]> {
  if (supportIds.length === 0) return new Map();
  const rows = db
    .select({ goalId: accommodationGoals.goalId, accommodationId: accommodationGoals.accommodationId })
    .from(accommodationGoals)
    .where(inIds(accommodationGoals.accommodationId, supportIds))
    .all();
  const result = new Map<string, string[]>();
  for (const [goalId, links] of groupBy(rows, (row) => row.goalId)) {
    result.set(
      goalId,
      links.map((link) => link.accommodationId),
    );
  }
  return result;
}
