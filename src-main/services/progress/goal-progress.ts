/**
 * The goal graph for one goal: its points drawn by the pure chart model in the fixed box, the
 * decision-rule flags as of today, and the suggested progress level for the reporting period asked
 * for, or else the one that is running (the next one ending on or after today, else the last one,
 * else the plan's end).
 * Phase lines mark when each accommodation serving the goal started, when a mentor joined it, and
 * when an amended plan version took effect (each version draws its own aim line).
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { accommodationGoals, accommodations, assignments, students } from '../../../db/schema';
import {
  GOAL_CHART_BOX,
  type GoalJudgement,
  type GoalProgress,
  type MasteryCriterion,
  type Measurement,
  masteryFromCriterion,
  type PeerRole,
  type progressView,
} from '../../contract';
import { firstSchoolDayOnOrAfter, type SchoolCalendar } from '../../contract/school-year';
import { calendarsForSchool } from '../calendar/lookup';
import { type ServiceContext, today } from '../context';
import { findGoalRow, findPlanRow, toGoal } from '../plans/plan-records';
import { valueRange } from '../plans/plan-rules';
import type { GoalSpan } from '../progress-rules/aim';
import { type ChartVersion, goalChart, type Phase } from '../progress-rules/chart-model';
import { judgementFlags, type ProgressPointValue } from '../progress-rules/decision-rules';
import { JUDGEMENT_METHOD, judgeGoal } from '../progress-rules/judgement';
import { suggestionOf } from '../progress-rules/progress-suggestion';
import type { Queryable } from '../vault-db';
import { goalVersionIds } from './goal-lineage';
import { listPointsForGoal } from './points';

type Input = z.output<(typeof progressView)['goals.progress']['input']>;

/** "peer_note_taker" → "Peer note taker". */
export function roleLabel(role: PeerRole | string): string {
  const words = role.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Every version of the goal with its own baseline, target and dates, oldest first (the last is `goalId`'s). */
export function goalVersions(db: Queryable, goalId: string): ChartVersion[] {
  return goalVersionIds(db, goalId)
    .map((id) => {
      const goal = findGoalRow(db, id);
      const plan = findPlanRow(db, goal.planId);
      return { version: plan.version, baseline: goal.baseline, target: goal.target, startDate: plan.startDate, endDate: goal.endDate };
    })
    .reverse();
}

/**
 * Accommodation starts ("Peer tutor started"), later mentor assignments ("New mentor") and plan
 * amendments that took effect after the version before them ("Plan amended"), one line per date
 * (an amendment wins its date: the team reads the new aim line from there).
 */
export function goalPhases(db: Queryable, goalId: string): Phase[] {
  // Every version of the goal: an amendment's copies start on the same dates, so they add no line.
  const served = db
    .select({ id: accommodations.id, role: accommodations.role, startDate: accommodations.startDate })
    .from(accommodationGoals)
    .innerJoin(accommodations, eq(accommodations.id, accommodationGoals.accommodationId))
    .where(inArray(accommodationGoals.goalId, goalVersionIds(db, goalId)))
    .orderBy(asc(accommodations.startDate))
    .all();
  const byDate = new Map<string, Phase>();
  const versions = goalVersions(db, goalId);
  versions.forEach((version, index) => {
    const before = versions[index - 1];
    if (before && version.startDate > before.startDate) {
      byDate.set(version.startDate, {
        date: version.startDate,
        label: 'Plan amended',
        event: { kind: 'amended', version: version.version },
      });
    }
  });
  for (const accommodation of served) {
    if (!byDate.has(accommodation.startDate)) {
      byDate.set(accommodation.startDate, {
        date: accommodation.startDate,
        label: `${roleLabel(accommodation.role)} started`,
        event: { kind: 'support_started', role: accommodation.role as PeerRole },
      });
    }
  }
  if (served.length > 0) {
    const joined = db
      .select({ startDate: assignments.startDate })
      .from(assignments)
      .where(
        inArray(
          assignments.accommodationId,
          served.map((accommodation) => accommodation.id),
        ),
      )
      .orderBy(asc(assignments.startDate))
      .all();
    for (const assignment of joined) {
      if (!byDate.has(assignment.startDate))
        byDate.set(assignment.startDate, { date: assignment.startDate, label: 'New mentor', event: { kind: 'mentor_changed' } });
    }
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The period ending on `endsOn`, named as the goal names it (a period of another goal of the plan has no label here). */
export function periodEndingOn(periods: readonly { label: string; endsOn: string }[], endsOn: string) {
  return { label: periods.find((period) => period.endsOn === endsOn)?.label ?? null, endsOn };
}

/** The period a suggestion is for on `day`: the first one ending on or after it, else the last, else the plan's end. */
export function currentPeriod(periods: readonly { label: string; endsOn: string }[], planEnd: string, day: string) {
  const sorted = [...periods].sort((a, b) => (a.endsOn < b.endsOn ? -1 : 1));
  const period = sorted.find((candidate) => candidate.endsOn >= day) ?? sorted.at(-1);
  return period ? { label: period.label, endsOn: period.endsOn } : { label: null, endsOn: planEnd };
}

/** What the judgement needs to know of a goal besides its points. */
export interface JudgedGoal {
  baseline: number;
  target: number;
  endDate: string;
  measurement: Measurement;
  scaleMax: number | null;
  criterion: string;
  mastery?: MasteryCriterion | null;
}

/**
 * The goal's judgement as of `asOf`. `versionStart` is the start of the plan the goal belongs to
 * (an amendment's start): the trend begins there, and the aim line on the first school day from
 * then (the student's school calendars; Mon–Fri without one). `points` in date then entry order.
 */
export function judgementOf(
  goal: JudgedGoal,
  versionStart: string,
  points: readonly ProgressPointValue[],
  asOf: string,
  calendars: readonly SchoolCalendar[] | null,
): GoalJudgement {
  return judgeGoal({
    asOf,
    goal,
    versionStart,
    aimStart: firstSchoolDayOnOrAfter(calendars, versionStart),
    points,
    mastery: goal.mastery ?? masteryFromCriterion(goal.criterion),
    bounds: valueRange(goal.measurement, goal.scaleMax) ?? { min: 0, max: Number.POSITIVE_INFINITY },
  });
}

/**
 * As of today: points dated after it are left out everywhere. The judgement, its flags and the
 * suggestion are as of the asked period's end when that is earlier (a past period's report is judged
 * on the points up to its end), else as of today.
 */
export function goalProgress(ctx: ServiceContext, input: Input): GoalProgress {
  const goal = toGoal(ctx.db, findGoalRow(ctx.db, input.goalId));
  const plan = findPlanRow(ctx.db, goal.planId);
  const day = today(ctx);
  const points = listPointsForGoal(ctx, { goalId: goal.id, to: day });
  const values = points.map((point) => ({ date: point.date, value: point.value }));
  const period = input.periodEndsOn ? periodEndingOn(goal.periods, input.periodEndsOn) : currentPeriod(goal.periods, plan.endDate, day);
  const student = ctx.db.select({ school: students.school }).from(students).where(eq(students.id, plan.studentId)).get();
  const calendars = student ? calendarsForSchool(ctx.db, student.school) : null;
  // The graph's aim line is the judgement's: from the first school day of the version, not a summer plan start.
  const span: GoalSpan = {
    baseline: goal.baseline,
    target: goal.target,
    startDate: firstSchoolDayOnOrAfter(calendars, plan.startDate),
    endDate: goal.endDate,
  };
  const judgement = judgementOf(goal, plan.startDate, values, [period.endsOn, day].sort()[0] ?? day, calendars);
  return {
    chart: goalChart(
      { ...span, measurement: goal.measurement, scaleMax: goal.scaleMax },
      values,
      goalPhases(ctx.db, goal.id),
      GOAL_CHART_BOX,
      input.method ?? JUDGEMENT_METHOD,
      { versions: goalVersions(ctx.db, goal.id) },
    ),
    judgement,
    flags: judgementFlags(judgement),
    suggestion: suggestionOf(judgement),
    period,
    points,
  };
}
