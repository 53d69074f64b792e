/**
 * What the team decides about suggestions: accept (one or all, in one transaction), reject
 * (remembered until the team takes it back), check a hand-picked pair, and override by hand. Every assignment goes through
 * `createAssignment` — the same rules and audit event as assigning a mentor on the mentor's page —
 * and one more audit event records the decision itself (ids and counts only).
 */
import { and, eq } from 'drizzle-orm';
import { accommodations, assignments, matchRejections } from '../../../db/schema';
import { AppError } from '../../contract';
import type { PairCheck, SoftConcern } from '../../contract/matching';
import type { Assignment } from '../../contract/mentors';
import { change, notFound, type ServiceContext, today } from '../context';
import { createAssignment, endAssignment } from '../mentors/assignments';
import { findMentorRow, isRunningOn } from '../mentors/records';
import type { Queryable } from '../vault-db';
import { softConcerns, suggestionReasons } from './explain';
import { loadPair } from './facts';
import { blocksOverride, pairExclusions, pairKey, pairLists } from './rules';
import { readMatchingWeights } from './weights';

interface Choice {
  mentorId: string;
  accommodationId: string;
  replacesAssignmentId: string | null;
}

function settingOf(db: Queryable, accommodationId: string): string {
  const row = db
    .select({ settingClass: accommodations.settingClass })
    .from(accommodations)
    .where(eq(accommodations.id, accommodationId))
    .get();
  if (!row) throw notFound('accommodation');
  return row.settingClass;
}

function requireRunning(db: Queryable, id: string, date: string, where: string) {
  const row = db.select().from(assignments).where(eq(assignments.id, id)).get();
  if (!row || !isRunningOn(row, date)) {
    throw new AppError('conflict', `An assignment this would end in ${where} no longer runs on ${date}; run matching again.`);
  }
  return row;
}

/** The running assignment a choice takes over; `continues` when it is the same mentor (the pair simply goes on). */
function takenOver(db: Queryable, choice: Choice, date: string): { id: string; continues: boolean } | null {
  if (choice.replacesAssignmentId === null) return null;
  const where = settingOf(db, choice.accommodationId);
  const row = requireRunning(db, choice.replacesAssignmentId, date, where);
  if (row.accommodationId !== choice.accommodationId) {
    throw new AppError(
      'conflict',
      `The assignment a suggestion for ${where} takes over belongs to another accommodation; run matching again.`,
    );
  }
  return { id: row.id, continues: row.mentorId === choice.mentorId };
}

/**
 * Ends what the choices take over and the `ending` assignments, then creates the new ones — the
 * ends first, so the mentors they free count as free. Any refusal undoes it all.
 */
function apply(
  ctx: ServiceContext,
  db: Queryable,
  choices: readonly Choice[],
  ending: readonly string[],
  date: string,
): { created: Assignment[]; ended: number; continued: number } {
  const pairs = new Set(choices.map((choice) => pairKey(choice.mentorId, choice.accommodationId)));
  const over = choices.flatMap((choice) => (choice.replacesAssignmentId === null ? [] : [choice.replacesAssignmentId]));
  if (pairs.size < choices.length || new Set(over).size < over.length) {
    throw new AppError('invalid_input', 'The same pair, or the same assignment to take over, appears twice; nothing was accepted.');
  }
  const plans = choices.map((choice) => ({ choice, over: takenOver(db, choice, date) }));
  const continuing = new Set(plans.flatMap(({ over }) => (over?.continues ? [over.id] : [])));
  if (ending.some((id) => continuing.has(id))) {
    throw new AppError('invalid_input', 'A pair cannot both continue and end; nothing was accepted.');
  }
  const toEnd = new Set([...plans.flatMap(({ over }) => (over && !over.continues ? [over.id] : [])), ...ending]);
  for (const id of toEnd) {
    requireRunning(db, id, date, 'this run');
    endAssignment(ctx, { id, endDate: date, reason: 'reassigned' });
  }
  const created: Assignment[] = [];
  for (const { choice, over } of plans) {
    if (over?.continues) continue;
    try {
      created.push(createAssignment(ctx, { mentorId: choice.mentorId, accommodationId: choice.accommodationId, startDate: date }));
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') {
        throw new AppError('conflict', `Nothing was accepted. ${settingOf(db, choice.accommodationId)}: ${error.message}`);
      }
      throw error;
    }
  }
  return { created, ended: toEnd.size, continued: continuing.size };
}

export function acceptSuggestions(
  ctx: ServiceContext,
  input: { startDate: string; suggestions: readonly Choice[]; ending: readonly string[] },
): { created: Assignment[]; ended: number; continued: number } {
  if (input.suggestions.length === 0 && input.ending.length === 0) throw new AppError('invalid_input', 'There is nothing to accept.');
  return change(ctx, (tx) => {
    const result = apply(ctx, tx, input.suggestions, input.ending, input.startDate);
    return {
      result,
      record: {
        action: 'matching.accepted',
        entity: 'matching',
        entityId: input.startDate,
        detail: { created: result.created.length, ended: result.ended, continued: result.continued },
      },
    };
  });
}

export function rejectSuggestion(ctx: ServiceContext, input: { mentorId: string; accommodationId: string }) {
  return change(ctx, (tx) => {
    findMentorRow(tx, input.mentorId);
    settingOf(tx, input.accommodationId);
    const rejectedOn = today(ctx);
    tx.insert(matchRejections)
      .values({ ...input, rejectedOn })
      .onConflictDoUpdate({ target: [matchRejections.mentorId, matchRejections.accommodationId], set: { rejectedOn } })
      .run();
    return {
      result: { ...input, rejectedOn },
      record: {
        action: 'matching.rejected',
        entity: 'accommodation',
        entityId: input.accommodationId,
        detail: { mentorId: input.mentorId },
      },
    };
  });
}

export function undoRejection(ctx: ServiceContext, input: { mentorId: string; accommodationId: string }) {
  return change(ctx, (tx) => {
    const removed = tx
      .delete(matchRejections)
      .where(and(eq(matchRejections.mentorId, input.mentorId), eq(matchRejections.accommodationId, input.accommodationId)))
      .run();
    if (removed.changes === 0) throw new AppError('not_found', 'That mentor was not rejected for this peer support.');
    return {
      result: { ...input },
      record: {
        action: 'matching.rejection_undone',
        entity: 'accommodation',
        entityId: input.accommodationId,
        detail: { mentorId: input.mentorId },
      },
    };
  });
}

interface PairInput {
  mentorId: string;
  accommodationId: string;
  startDate: string;
  replacesAssignmentId?: string | undefined;
}

/** Every hard rule the pair breaks, what it does poorly on, and its score, as a suggestion would show them. */
export function checkPair(ctx: ServiceContext, input: PairInput): PairCheck {
  const weights = readMatchingWeights(ctx.db);
  const { problem, seatFull, mentorsNeeded } = loadPair(ctx.db, { ...input, date: input.startDate, weights });
  const [seat] = problem.seats;
  const [candidate] = problem.candidates;
  if (!seat || !candidate) throw notFound('accommodation');
  const lists = pairLists(problem);
  const exclusions = pairExclusions(input.startDate, lists, seat, candidate).filter(blocksOverride);
  const history = problem.history.find((entry) => entry.studentId === seat.accommodation.studentId);
  const allowed = exclusions.length === 0;
  const reasons = suggestionReasons(weights, seat, candidate, history, candidate.activeAssignments).filter(
    // The "free during … / trained as …" lines hold only for a pair that meets the rules.
    (reason) => allowed || (reason.kind !== 'schedule' && reason.kind !== 'training'),
  );
  const rejectedOn = lists.rejected.get(input.mentorId)?.get(input.accommodationId);
  return {
    allowed,
    exclusions,
    softConcerns: softConcerns(weights, seat, candidate, history, { rejectedOn, seatFull, mentorsNeeded }),
    score: reasons.reduce((sum, reason) => sum + reason.points, 0),
    reasons,
  };
}

/** A hand-picked pair: refused with every hard rule it breaks; otherwise made, with the soft rules it breaks. */
export function overridePair(ctx: ServiceContext, input: PairInput): { assignment: Assignment; softConcerns: SoftConcern[] } {
  return change(ctx, (tx) => {
    const check = checkPair(ctx, input);
    if (!check.allowed) {
      throw new AppError('conflict', `This pair breaks a rule no override can: ${check.exclusions.map((e) => e.message).join(' ')}`);
    }
    const { created } = apply(ctx, tx, [{ ...input, replacesAssignmentId: input.replacesAssignmentId ?? null }], [], input.startDate);
    const [assignment] = created;
    if (!assignment) throw new AppError('conflict', 'This mentor already holds that assignment; nothing changed.');
    return {
      result: { assignment, softConcerns: check.softConcerns },
      record: {
        action: 'matching.override',
        entity: 'assignment',
        entityId: assignment.id,
        detail: {
          mentorId: input.mentorId,
          accommodationId: input.accommodationId,
          softRules: check.softConcerns.map((c) => c.kind).join(','),
        },
      },
    };
  });
}
