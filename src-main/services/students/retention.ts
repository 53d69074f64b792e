/**
 * Records are kept only as long as needed (IDEA 300.624). When they are not, the team either
 * purges the student (every row removed; with secure_delete the freed bytes are zeroed, and the
 * WAL is checkpointed and truncated so no old copy of a page survives) or de-identifies them
 * (aggregate program data kept, identity removed, names scrubbed from free text). Either way the
 * audit trail records that it happened, and nothing of what was removed.
 */
import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { accommodations, goals, guardians, plans, students } from '../../../db/schema';
import { AppError, type Student } from '../../contract';
import { change, expectChanged, type ServiceContext } from '../context';
import { findStudentRow, toStudent } from './students';

function assertConfirmed(localId: string, confirmLocalId: string): void {
  if (localId !== confirmLocalId.trim()) {
    throw new AppError('invalid_input', 'Type the student number exactly to confirm; nothing was removed.');
  }
}

/** Pushes every committed page into the database file and empties the WAL, so no old page copy stays behind. */
function flushOldPages(ctx: ServiceContext): void {
  ctx.db.$client.pragma('wal_checkpoint(TRUNCATE)');
}

export function purgeStudent(ctx: ServiceContext, input: { id: string; confirmLocalId: string }): Record<string, never> {
  change(ctx, (tx) => {
    const row = findStudentRow(tx, input.id);
    assertConfirmed(row.localId, input.confirmLocalId);
    expectChanged(tx.delete(students).where(eq(students.id, input.id)).run(), 1, 'purgeStudent');
    return { result: undefined, record: { action: 'student.purged', entity: 'student', entityId: input.id } };
  });
  flushOldPages(ctx);
  return {};
}

/** Replaces every whole-word occurrence of the student's names in free text. */
export function scrubNames(text: string, names: readonly string[]): string {
  let result = text;
  for (const name of names.filter((n) => n.trim().length > 1).sort((a, b) => b.length - a.length)) {
    const escaped = name.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    result = result.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'), 'the student');
  }
  return result;
}

export function deidentifyStudent(ctx: ServiceContext, input: { id: string; confirmLocalId: string }): Student {
  const result = change(ctx, (tx) => {
    const row = findStudentRow(tx, input.id);
    assertConfirmed(row.localId, input.confirmLocalId);
    if (row.status === 'deidentified') throw new AppError('conflict', 'This record is already de-identified.');
    const names = [
      `${row.firstName} ${row.lastName}`,
      row.firstName,
      row.lastName,
      row.preferredName ?? '',
      ...row.lastName.split(/[\s-]+/),
    ];
    const code = randomBytes(3).toString('hex').toUpperCase();
    const at = ctx.now().toISOString();
    tx.update(students)
      .set({
        localId: `deid-${code}`,
        firstName: 'Student',
        lastName: code,
        preferredName: null,
        dateOfBirth: null,
        status: 'deidentified',
        noLongerNeededAt: null,
        updatedAt: at,
      })
      .where(eq(students.id, input.id))
      .run();
    tx.delete(guardians).where(eq(guardians.studentId, input.id)).run();
    const planIds = tx
      .select({ id: plans.id })
      .from(plans)
      .where(eq(plans.studentId, input.id))
      .all()
      .map((plan) => plan.id);
    if (planIds.length) {
      for (const goal of tx.select().from(goals).where(inArray(goals.planId, planIds)).all()) {
        const objectives = (JSON.parse(goal.objectives) as string[]).map((objective) => scrubNames(objective, names));
        tx.update(goals)
          .set({ statement: scrubNames(goal.statement, names), objectives: JSON.stringify(objectives) })
          .where(eq(goals.id, goal.id))
          .run();
      }
      for (const accommodation of tx.select().from(accommodations).where(inArray(accommodations.planId, planIds)).all()) {
        if (accommodation.notes) {
          tx.update(accommodations)
            .set({ notes: scrubNames(accommodation.notes, names) })
            .where(eq(accommodations.id, accommodation.id))
            .run();
        }
      }
    }
    return {
      result: toStudent(tx, findStudentRow(tx, input.id)),
      record: { action: 'student.deidentified', entity: 'student', entityId: input.id },
    };
  });
  flushOldPages(ctx);
  return result;
}
