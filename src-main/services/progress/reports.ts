/**
 * Progress reports, storage only: for each goal and reporting period, the progress code (from the
 * set in use), whether progress is sufficient to meet the goal by its end date (with a reason when
 * not) and the narrative parents read. A period is finalized for a whole plan at once, only when
 * every goal has its code and narrative; finalized reports are locked, and change only through an
 * amendment with a note. Narratives and notes stay in the report row — the audit trail records
 * field names only.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { goals, progressReports } from '../../../db/schema';
import { AppError, InsufficientReason, type ProgressCodeSetId, type ProgressReport, type ReportChanges } from '../../contract';
import { change, expectChanged, newId, type ServiceContext } from '../context';
import { jsonColumns } from '../json-columns';
import { findPlanRow } from '../plans/plan-records';
import type { Queryable } from '../vault-db';
import { activeCodeSet, codeSet } from './codes';
import { type GoalFacts, goalFacts, type InputOf } from './records';

type ReportRow = typeof progressReports.$inferSelect;

function toReport(row: ReportRow): ProgressReport {
  const set = codeSet(row.codeSet);
  return {
    id: row.id,
    goalId: row.goalId,
    period: { label: row.periodLabel, endsOn: row.periodEndsOn },
    codeSet: (set?.id ?? 'federal_default') as ProgressCodeSetId,
    code: row.code,
    codeLabel: row.code === null ? null : (set?.codes.find((code) => code.id === row.code)?.label ?? row.code),
    sufficient: row.sufficient,
    insufficientReason: row.insufficientReason === null ? null : InsufficientReason.catch('other').parse(row.insufficientReason),
    narrative: row.narrative,
    finalizedAt: row.finalizedAt,
    amendments: jsonColumns.progressReports.amendments.read(row.amendments),
  };
}

function findReportRow(db: Queryable, goalId: string, periodEndsOn: string): ReportRow | undefined {
  return db
    .select()
    .from(progressReports)
    .where(and(eq(progressReports.goalId, goalId), eq(progressReports.periodEndsOn, periodEndsOn)))
    .get();
}

/** Reports belong to the plan version in force: not a draft (nothing to report yet), not a superseded one. */
function assertReportable(goal: GoalFacts): void {
  if (goal.planStatus === 'draft') throw new AppError('forbidden', 'This plan is still a draft; there is no progress to report yet.');
  if (goal.planStatus === 'superseded') {
    throw new AppError('forbidden', 'This plan version is superseded and kept read-only; report on the current version.');
  }
}

interface ReportValues {
  codeSet: string;
  code: string | null;
  sufficient: boolean | null;
  insufficientReason: string | null;
  narrative: string | null;
}

/** The report after `changes`, or every problem with it in plain words. */
function applyChanges(current: ReportValues, changes: ReportChanges, active: ProgressCodeSetId): ReportValues {
  const problems: string[] = [];
  const next = { ...current };
  if (changes.code !== undefined) {
    if (changes.code === null) next.code = null;
    else {
      const set = codeSet(active);
      if (!set?.codes.some((code) => code.id === changes.code)) {
        const labels = set?.codes.map((code) => code.label).join(', ') ?? '';
        problems.push(`That code is not in the progress-code set in use (${set?.name}). Choose one of: ${labels}.`);
      }
      next.code = changes.code;
      next.codeSet = active;
    }
  }
  if (changes.sufficient !== undefined) next.sufficient = changes.sufficient;
  if (changes.insufficientReason !== undefined) {
    if (changes.insufficientReason !== null && next.sufficient !== false) {
      problems.push('A reason is given only when progress is not sufficient to meet the goal.');
    }
    next.insufficientReason = changes.insufficientReason;
  } else if (next.sufficient !== false) {
    next.insufficientReason = null;
  }
  if (changes.narrative !== undefined) next.narrative = changes.narrative || null;
  if (problems.length > 0) throw new AppError('invalid_input', problems.join(' '));
  return next;
}

/** What a report still lacks before its period can be finalized, e.g. ["a code", "a narrative"]. */
function missingParts(report: ReportValues | undefined): string[] {
  const missing: string[] = [];
  if (!report?.code) missing.push('a code');
  if (!report?.narrative) missing.push('a narrative');
  if (report?.sufficient === false && !report.insufficientReason) missing.push('a reason progress is not sufficient');
  return missing;
}

function changedFields(changes: ReportChanges): string[] {
  return Object.keys(changes).filter((key) => changes[key as keyof ReportChanges] !== undefined);
}

export function getReport(ctx: ServiceContext, input: InputOf<'progressReports.get'>): ProgressReport | null {
  goalFacts(ctx.db, input.goalId);
  const row = findReportRow(ctx.db, input.goalId, input.periodEndsOn);
  return row ? toReport(row) : null;
}

export function listReportsForPlan(ctx: ServiceContext, input: InputOf<'progressReports.listForPlan'>): ProgressReport[] {
  findPlanRow(ctx.db, input.planId);
  return ctx.db
    .select({ report: progressReports })
    .from(progressReports)
    .innerJoin(goals, eq(goals.id, progressReports.goalId))
    .where(and(eq(goals.planId, input.planId), input.periodEndsOn ? eq(progressReports.periodEndsOn, input.periodEndsOn) : undefined))
    .orderBy(asc(progressReports.periodEndsOn), asc(goals.createdAt), asc(goals.id))
    .all()
    .map((row) => toReport(row.report));
}

export function saveReport(ctx: ServiceContext, input: InputOf<'progressReports.save'>): ProgressReport {
  return change(ctx, (tx) => {
    const goal = goalFacts(tx, input.goalId);
    assertReportable(goal);
    if (input.period.endsOn < goal.plan.startDate || input.period.endsOn > goal.plan.endDate) {
      throw new AppError('invalid_input', `A reporting period must end inside the plan (${goal.plan.startDate} to ${goal.plan.endDate}).`);
    }
    const row = findReportRow(tx, input.goalId, input.period.endsOn);
    if (row?.finalizedAt) {
      throw new AppError('conflict', `This report was finalized on ${row.finalizedAt.slice(0, 10)}; amend it, with a note, to change it.`);
    }
    const active = activeCodeSet(tx);
    const blank: ReportValues = { codeSet: active, code: null, sufficient: null, insufficientReason: null, narrative: null };
    const next = applyChanges(row ?? blank, input.changes, active);
    const at = ctx.now().toISOString();
    const id = row?.id ?? newId();
    if (row) {
      expectChanged(
        tx
          .update(progressReports)
          .set({ ...next, periodLabel: input.period.label, updatedAt: at })
          .where(eq(progressReports.id, row.id))
          .run(),
        1,
        'saveReport',
      );
    } else {
      tx.insert(progressReports)
        .values({
          ...next,
          id,
          goalId: input.goalId,
          periodLabel: input.period.label,
          periodEndsOn: input.period.endsOn,
          createdAt: at,
          updatedAt: at,
        })
        .run();
    }
    return {
      result: toReport(findReportRow(tx, input.goalId, input.period.endsOn) as ReportRow),
      record: {
        action: row ? 'progress_report.updated' : 'progress_report.created',
        entity: 'progress_report',
        entityId: id,
        fields: changedFields(input.changes),
        detail: { goalId: input.goalId, periodEndsOn: input.period.endsOn },
      },
    };
  });
}

export function finalizePeriod(ctx: ServiceContext, input: InputOf<'progressReports.finalize'>): ProgressReport[] {
  return change(ctx, (tx) => {
    const plan = findPlanRow(tx, input.planId);
    if (plan.status === 'draft') throw new AppError('forbidden', 'This plan is still a draft; there is no progress to report yet.');
    if (plan.status === 'superseded')
      throw new AppError('forbidden', 'This plan version is superseded; finalize reports on the current version.');
    const planGoals = tx
      .select({ id: goals.id, area: goals.area })
      .from(goals)
      .where(eq(goals.planId, input.planId))
      .orderBy(asc(goals.createdAt), asc(goals.id))
      .all();
    if (planGoals.length === 0) throw new AppError('conflict', 'This plan has no goals to report on.');
    const rows = new Map(
      tx
        .select()
        .from(progressReports)
        .where(
          and(
            inArray(
              progressReports.goalId,
              planGoals.map((goal) => goal.id),
            ),
            eq(progressReports.periodEndsOn, input.periodEndsOn),
          ),
        )
        .all()
        .map((row) => [row.goalId, row]),
    );
    const gaps = planGoals.flatMap((goal, index) => {
      const missing = missingParts(rows.get(goal.id));
      return missing.length ? [`Goal ${index + 1} (${goal.area.replaceAll('_', ' ')}) needs ${missing.join(' and ')}.`] : [];
    });
    if (gaps.length > 0) throw new AppError('conflict', `This period cannot be finalized yet. ${gaps.join(' ')}`);
    const pending = [...rows.values()].filter((row) => row.finalizedAt === null);
    if (pending.length === 0) throw new AppError('conflict', 'This period is already finalized for this plan.');
    const at = ctx.now().toISOString();
    const updated = tx
      .update(progressReports)
      .set({ finalizedAt: at, updatedAt: at })
      .where(
        and(
          inArray(
            progressReports.id,
            pending.map((row) => row.id),
          ),
          isNull(progressReports.finalizedAt),
        ),
      )
      .run();
    expectChanged(updated, pending.length, 'finalizePeriod');
    return {
      result: planGoals.flatMap((goal) => {
        const row = findReportRow(tx, goal.id, input.periodEndsOn);
        return row ? [toReport(row)] : [];
      }),
      record: {
        action: 'progress_report.finalized',
        entity: 'plan',
        entityId: input.planId,
        fields: ['finalizedAt'],
        detail: { periodEndsOn: input.periodEndsOn, reports: pending.length },
      },
    };
  });
}

export function amendReport(ctx: ServiceContext, input: InputOf<'progressReports.amend'>): ProgressReport {
  return change(ctx, (tx) => {
    const goal = goalFacts(tx, input.goalId);
    assertReportable(goal);
    const row = findReportRow(tx, input.goalId, input.periodEndsOn);
    if (!row) throw new AppError('not_found', 'There is no report for this goal and period yet.');
    if (!row.finalizedAt) throw new AppError('conflict', 'This report is not finalized; save the change instead of amending it.');
    const next = applyChanges(row, input.changes, activeCodeSet(tx));
    const missing = missingParts(next);
    if (missing.length > 0) throw new AppError('invalid_input', `A finalized report keeps ${missing.join(' and ')}.`);
    const at = ctx.now().toISOString();
    const amendments = [...jsonColumns.progressReports.amendments.read(row.amendments), { at, note: input.note }];
    expectChanged(
      tx
        .update(progressReports)
        .set({ ...next, amendments: jsonColumns.progressReports.amendments.write(amendments), updatedAt: at })
        .where(eq(progressReports.id, row.id))
        .run(),
      1,
      'amendReport',
    );
    return {
      result: toReport(findReportRow(tx, input.goalId, input.periodEndsOn) as ReportRow),
      record: {
        action: 'progress_report.amended',
        entity: 'progress_report',
        entityId: row.id,
        fields: [...changedFields(input.changes), 'amendments'],
        detail: { goalId: input.goalId, periodEndsOn: input.periodEndsOn, amendments: amendments.length },
      },
    };
  });
}
