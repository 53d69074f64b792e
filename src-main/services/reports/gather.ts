/**
 * Gathers the team's view of one student for a date range from the services the screens use —
 * student, plan, goal graphs (goals.progress), progress marks, fidelity, assignments, check-ins —
 * as of the "prepared on" day, so the same data and day give the same report whenever it is made.
 * Also lists who must stay unnamed in a parent report: every mentor and every other student.
 */
import { ne } from 'drizzle-orm';
import { students } from '../../../db/schema';
import { AppError, type Mentor, type Plan, TRAINING_MODULES } from '../../contract';
import type { PhaseEvent } from '../../contract/progress-view';
import type {
  CheckInHighlight,
  DateRange,
  PeriodReport,
  ProtectedIdentity,
  TeamMentor,
  TeamSummaryView,
  TeamSupport,
} from '../../reports/model';
import { type ServiceContext, today } from '../context';
import { listAssignmentsForAccommodation } from '../mentors/assignments';
import { getMentor, listMentors } from '../mentors/mentors';
import { getPlan, listPlansForStudent } from '../plans/plans';
import { listCheckInsForStudent } from '../progress/check-ins';
import { fidelityForStudent } from '../progress/fidelity-service';
import { goalProgress } from '../progress/goal-progress';
import { listMarksForPlan } from '../progress/marks';
import { listStaff } from '../staff';
import { displayName, getStudent, studentIdentities } from '../students/students';
import { letterheadFor } from './settings';

export interface ReportDates {
  from?: string | undefined;
  to?: string | undefined;
  preparedOn?: string | undefined;
}

/** Check-ins a team summary quotes: the newest few are what a meeting discusses. */
const CHECK_IN_HIGHLIGHTS = 6;

/** The same services, reading as if today were `day` (flags, fidelity and due dates as of that day). */
export function asOf(ctx: ServiceContext, day: string): ServiceContext {
  return { ...ctx, now: () => new Date(`${day}T12:00:00Z`) };
}

export function preparedOnOf(ctx: ServiceContext, preparedOn: string | undefined): string {
  const day = today(ctx);
  if (preparedOn && preparedOn > day) throw new AppError('invalid_input', 'The "prepared on" date cannot be in the future.');
  return preparedOn ?? day;
}

/** The range asked for, or the plan's start to the day it is prepared on. */
function rangeOf(dates: ReportDates, planStart: string, preparedOn: string): DateRange {
  const range = { from: dates.from ?? planStart, to: dates.to ?? preparedOn };
  if (range.to < range.from) throw new AppError('invalid_input', 'The date range must end on or after the day it starts.');
  if (range.to > preparedOn) throw new AppError('invalid_input', 'The date range cannot end after the "prepared on" date.');
  return range;
}

/** The plan a report is about: the active IEP, else the active 504 plan, else the last one that ended. */
export function planInForce(plans: readonly Plan[]): Plan {
  const active = plans.filter((plan) => plan.status === 'active').sort((a, b) => (a.type === 'iep' ? -1 : b.type === 'iep' ? 1 : 0));
  const ended = plans.filter((plan) => plan.status === 'ended').sort((a, b) => (a.endDate < b.endDate ? 1 : -1));
  const plan = active[0] ?? ended[0];
  if (!plan) throw new AppError('conflict', 'This student has no active or ended plan to report on.');
  return plan;
}

function isTrained(mentor: Mentor, day: string): boolean {
  return TRAINING_MODULES.every((module) => mentor.training.some((record) => record.module === module && record.completedOn <= day));
}

function toTeamMentor(mentor: Mentor, day: string): TeamMentor {
  return {
    id: mentor.id,
    localId: mentor.localId,
    firstName: mentor.firstName,
    lastName: mentor.lastName,
    preferredName: mentor.preferredName,
    grade: mentor.grade,
    trained: isTrained(mentor, day),
  };
}

/** The day after `iso`: a period starts the day after the one before it ends. */
function dayAfter(iso: string): string {
  const next = new Date(`${iso}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** Where the period ending on `endsOn` began: the day after the goal's previous period, else the plan's start. */
export function periodStart(periodEnds: readonly string[], endsOn: string, planStart: string): string {
  const before = periodEnds.filter((end) => end < endsOn).sort();
  const previous = before[before.length - 1];
  return previous === undefined ? planStart : dayAfter(previous);
}

/** A "peer tutor started" line speaks of a support only when a support of that role held a session: one planned but never delivered is no phase. */
function delivered(event: PhaseEvent, served: readonly TeamSupport[]): boolean {
  return (
    event.kind !== 'support_started' || served.some((support) => support.role === event.role && (support.fidelity?.heldSessions ?? 0) > 0)
  );
}

function within(date: string, range: DateRange): boolean {
  return date >= range.from && date <= range.to;
}

/** Only the mentors the report names: a district has thousands, and loading them all cost more than drawing the report. */
function mentorsById(ctx: ServiceContext, ids: readonly (string | null)[]): Map<string, Mentor> {
  const wanted = new Set(ids.filter((id): id is string => id !== null));
  return new Map([...wanted].map((id) => [id, getMentor(ctx, { id })]));
}

export function gatherTeamSummary(ctx: ServiceContext, input: ReportDates & { studentId: string }): TeamSummaryView {
  const preparedOn = preparedOnOf(ctx, input.preparedOn);
  const reading = asOf(ctx, preparedOn);
  const student = getStudent(reading, input.studentId);
  const chosen = planInForce(listPlansForStudent(reading, student.id));
  const range = rangeOf(input, chosen.startDate, preparedOn);
  const detail = getPlan(reading, chosen.id);
  const staff = listStaff(reading, { includeArchived: true });
  const caseManagerId = detail.plan.caseManagerId ?? student.caseManagerId;
  const fidelity = new Map(
    fidelityForStudent(reading, { studentId: student.id, ...range }).accommodations.map((item) => [item.accommodationId, item.fidelity]),
  );
  // A mark first written after the day the report is prepared on did not exist then.
  const marks = listMarksForPlan(reading, { planId: chosen.id }).filter(
    (mark) => within(mark.period.endsOn, range) && mark.createdAt.slice(0, 10) <= preparedOn,
  );

  const assigned = new Map(
    detail.accommodations.map((accommodation) => [
      accommodation.id,
      listAssignmentsForAccommodation(reading, { accommodationId: accommodation.id }).filter(
        (assignment) => assignment.startDate <= range.to && (assignment.endDate === null || assignment.endDate > range.from),
      ),
    ]),
  );
  const accommodationIds = new Set(detail.accommodations.map((accommodation) => accommodation.id));
  const highlights = listCheckInsForStudent(reading, { studentId: student.id })
    .filter((checkIn) => within(checkIn.date, range) && accommodationIds.has(checkIn.accommodationId))
    .slice(0, CHECK_IN_HIGHLIGHTS);
  const mentors = mentorsById(reading, [
    ...[...assigned.values()].flat().map((assignment) => assignment.mentorId),
    ...highlights.map((checkIn) => checkIn.mentorId),
  ]);

  const supports = new Map(
    detail.accommodations.map((accommodation) => {
      const mentorIds = [...new Set((assigned.get(accommodation.id) ?? []).map((assignment) => assignment.mentorId))];
      return [
        accommodation.id,
        {
          accommodationId: accommodation.id,
          role: accommodation.role,
          settingClass: accommodation.settingClass,
          sessionsPerWeek: accommodation.sessionsPerWeek,
          minutesPerSession: accommodation.minutesPerSession,
          fidelity: fidelity.get(accommodation.id) ?? null,
          mentors: mentorIds.flatMap((id) => {
            const mentor = mentors.get(id);
            return mentor ? [toTeamMentor(mentor, preparedOn)] : [];
          }),
        },
      ];
    }),
  );

  const goals = detail.goals.map((goal, index) => {
    // The trend drawn is the one the judgement used (the method chosen by evidence, docs/progress-rules.md).
    const progress = goalProgress(reading, { goalId: goal.id });
    const served = goal.servedBy.flatMap((id) => {
      const support = supports.get(id);
      return support ? [support] : [];
    });
    return {
      id: goal.id,
      number: index + 1,
      area: goal.area,
      statement: goal.statement,
      statementTranslations: goal.statementTranslations,
      criterion: goal.criterion,
      measuredEvery: goal.measuredEvery,
      endDate: goal.endDate,
      measurement: goal.measurement,
      scaleMax: goal.scaleMax,
      baseline: goal.baseline,
      target: goal.target,
      chart: { ...progress.chart, phases: progress.chart.phases.filter((phase) => delivered(phase.event, served)) },
      trendMethod: progress.judgement.method,
      flags: progress.flags,
      judgement: progress.judgement,
      // The plan records objectives as text only: each is listed, with no status.
      objectives: goal.objectives.map((objective) => ({ text: objective })),
      reports: marks
        .filter((report) => report.goalId === goal.id)
        .map(
          (report): PeriodReport => ({
            periodLabel: report.period.label,
            periodStartsOn: periodStart(
              goal.reportingPeriods.map((period) => period.endsOn),
              report.period.endsOn,
              detail.plan.startDate,
            ),
            periodEndsOn: report.period.endsOn,
            codeSet: report.codeSet,
            code: report.code,
            codeLabel: report.codeLabel,
            sufficient: report.sufficient,
            insufficientReason: report.insufficientReason,
            narrative: report.narrative,
          }),
        ),
      supports: served,
    };
  });

  const checkIns = highlights.map((checkIn): CheckInHighlight => {
    const mentor = checkIn.mentorId ? mentors.get(checkIn.mentorId) : undefined;
    return {
      date: checkIn.date,
      role: checkIn.role,
      settingClass: checkIn.settingClass,
      mentorName: mentor ? displayName(mentor) : null,
      whatsWorking: checkIn.whatsWorking,
      whatsNot: checkIn.whatsNot,
      nextSteps: checkIn.nextSteps,
      belonging: checkIn.belonging,
      engagement: checkIn.engagement,
      mentorWorkload: checkIn.mentorWorkload,
      mentorConfidence: checkIn.mentorConfidence,
    };
  });

  return {
    letterhead: letterheadFor(ctx.db, student.school),
    preparedOn,
    range,
    student: {
      id: student.id,
      localId: student.localId,
      firstName: student.firstName,
      lastName: student.lastName,
      preferredName: student.preferredName,
      grade: student.grade,
      school: student.school,
    },
    plan: {
      type: detail.plan.type,
      version: detail.plan.version,
      startDate: detail.plan.startDate,
      endDate: detail.plan.endDate,
      annualReviewDue: detail.plan.annualReviewDue,
      reevaluationDue: detail.plan.reevaluationDue,
      caseManagerName: staff.find((member) => member.id === caseManagerId)?.name ?? null,
      warnings: detail.plan.warnings.map((warning) => warning.message),
    },
    goals,
    checkIns,
  };
}

/** Every mentor and every student other than `studentId`: the people a parent report must not name. */
export function protectedIdentities(ctx: ServiceContext, studentId: string): ProtectedIdentity[] {
  const others = studentIdentities(ctx.db, ne(students.id, studentId));
  const peers = listMentors(ctx, { includeArchived: true }).map((mentor) => ({
    localId: mentor.localId,
    firstName: mentor.firstName,
    lastName: mentor.lastName,
    preferredName: mentor.preferredName,
  }));
  return [...peers, ...others];
}
