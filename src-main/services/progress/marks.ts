/**
 * Progress marks, storage only: for each goal and reporting period, the progress code (from the
 * set in use), whether progress is sufficient to meet the goal by its end date (with a reason when
 * not) and the narrative parents read. A period is finalized for a whole plan at once, only when
 * every goal has its code and narrative; finalized marks are locked, and change only through an
 * amendment with a note. Narratives and notes stay in the mark row — the audit trail records
 * field names only.
 *
 * Older name, kept where it is stored: the table is `progress_reports` and the audit actions are
 * `progress_report.*` (a migration, or a change to the recorded audit history, is not worth it).
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { goals, progressReports } from '../../../db/schema';
import { AppError, InsufficientReason, type MarkChanges, type ProgressCodeSetId, type ProgressMark } from '../../contract';
import { change, expectChanged, newId, type ServiceContext } from '../context';
import { jsonColumns } from '../json-columns';
import { findPlanRow } from '../plans/plan-records';
import type { Queryable } from '../vault-db';
import { activeCodeSet, codeSet } from './codes';
import { type GoalFacts, goalFacts, type InputOf } from './records';

type MarkRow = typeof progressReports.$inferSelect;

function toMark(row: MarkRow): ProgressMark {
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
    createdAt: row.createdAt,
  };
}

function findMarkRow(db: Queryable, goalId: string, periodEndsOn: string): MarkRow | undefined {
  return db
    .select()
    .from(progressReports)
    .where(and(eq(progressReports.goalId, goalId), eq(progressReports.periodEndsOn, periodEndsOn)))
    .get();
}

/** Marks belong to the plan version in force: not a draft (nothing to mark yet), not a superseded one. */
function assertMarkable(goal: GoalFacts): void {
  if (goal.planStatus === 'draft') throw new AppError('forbidden', 'This plan is still a draft; there is no progress to mark yet.');
  if (goal.planStatus === 'superseded') {
    throw new AppError('forbidden', 'This plan version is superseded and kept read-only; mark on the current version.');
  }
}

interface MarkValues {
  codeSet: string;
  code: string | null;
  sufficient: boolean | null;
  insufficientReason: string | null;
  narrative: string | null;
}

/** The mark after `changes`, or every problem with it in plain words. */
function applyChanges(current: MarkValues, changes: MarkChanges, active: ProgressCodeSetId): MarkValues {
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

/** What a mark still lacks before its period can be finalized, e.g. ["a code", "a narrative"]. */
function missingParts(mark: MarkValues | undefined): string[] {
  const missing: string[] = [];
  if (!mark?.code) missing.push('a code');
  if (!mark?.narrative) missing.push('a narrative');
  if (mark?.sufficient === false && !mark.insufficientReason) missing.push('a reason progress is not sufficient');
  return missing;
}

function changedFields(changes: MarkChanges): string[] {
  return Object.keys(changes).filter((key) => changes[key as keyof MarkChanges] !== undefined);
}

export function getMark(ctx: ServiceContext, input: InputOf<'progressMarks.get'>): ProgressMark | null {
  goalFacts(ctx.db, input.goalId);
  const row = findMarkRow(ctx.db, input.goalId, input.periodEndsOn);
  return row ? toMark(row) : null;
}

export function listMarksForPlan(ctx: ServiceContext, input: InputOf<'progressMarks.listForPlan'>): ProgressMark[] {
  findPlanRow(ctx.db, input.planId);
  return ctx.db
    .select({ mark: progressReports })
    .from(progressReports)
    .innerJoin(goals, eq(goals.id, progressReports.goalId))
    .where(and(eq(goals.planId, input.planId), input.periodEndsOn ? eq(progressReports.periodEndsOn, input.periodEndsOn) : undefined))
    .orderBy(asc(progressReports.periodEndsOn), asc(goals.createdAt), asc(goals.id))
    .all()
    .map((row) => toMark(row.mark));
}

export function saveMark(ctx: ServiceContext, input: InputOf<'progressMarks.save'>): ProgressMark {
  return change(ctx, (tx) => {
    const goal = goalFacts(tx, input.goalId);
    assertMarkable(goal);
    if (input.period.endsOn < goal.plan.startDate || input.period.endsOn > goal.plan.endDate) {
      throw new AppError('invalid_input', `A reporting period must end inside the plan (${goal.plan.startDate} to ${goal.plan.endDate}).`);
    }
    const row = findMarkRow(tx, input.goalId, input.period.endsOn);
    if (row?.finalizedAt) {
      throw new AppError('conflict', `This mark was finalized on ${row.finalizedAt.slice(0, 10)}; amend it, with a note, to change it.`);
    }
    const active = activeCodeSet(tx);
    const blank: MarkValues = { codeSet: active, code: null, sufficient: null, insufficientReason: null, narrative: null };
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
        'saveMark',
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
      result: toMark(findMarkRow(tx, input.goalId, input.period.endsOn) as MarkRow),
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

export function finalizePeriod(ctx: ServiceContext, input: InputOf<'progressMarks.finalize'>): ProgressMark[] {
  return change(ctx, (tx) => {
    const plan = findPlanRow(tx, input.planId);
    if (plan.status === 'draft') throw new AppError('forbidden', 'This plan is still a draft; there is no progress to mark yet.');
    if (plan.status === 'superseded')
      throw new AppError('forbidden', 'This plan version is superseded; finalize marks on the current version.');
    const planGoals = tx
      .select({ id: goals.id, area: goals.area })
      .from(goals)
      .where(eq(goals.planId, input.planId))
      .orderBy(asc(goals.createdAt), asc(goals.id))
      .all();
    if (planGoals.length === 0) throw new AppError('conflict', 'This plan has no goals to mark on.');
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
        const row = findMarkRow(tx, goal.id, input.periodEndsOn);
        return row ? [toMark(row)] : [];
      }),
      record: {
        action: 'progress_report.finalized',
        entity: 'plan',
        entityId: input.planId,
        fields: ['finalizedAt'],
        detail: { periodEndsOn: input.periodEndsOn, marks: pending.length },
      },
    };
  });
}

export function amendMark(ctx: ServiceContext, input: InputOf<'progressMarks.amend'>): ProgressMark {
  return change(ctx, (tx) => {
    const goal = goalFacts(tx, input.goalId);
    assertMarkable(goal);
    const row = findMarkRow(tx, input.goalId, input.periodEndsOn);
    if (!row) throw new AppError('not_found', 'There is no mark for this goal and period yet.');
    if (!row.finalizedAt) throw new AppError('conflict', 'This mark is not finalized; save the change instead of amending it.');
    const next = applyChanges(row, input.changes, activeCodeSet(tx));
    const missing = missingParts(next);
    if (missing.length > 0) throw new AppError('invalid_input', `A finalized mark keeps ${missing.join(' and ')}.`);
    const at = ctx.now().toISOString();
    const amendments = [...jsonColumns.progressReports.amendments.read(row.amendments), { at, note: input.note }];
    expectChanged(
      tx
        .update(progressReports)
        .set({ ...next, amendments: jsonColumns.progressReports.amendments.write(amendments), updatedAt: at })
        .where(eq(progressReports.id, row.id))
        .run(),
      1,
      'amendMark',
    );
    return {
      result: toMark(findMarkRow(tx, input.goalId, input.periodEndsOn) as MarkRow),
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
