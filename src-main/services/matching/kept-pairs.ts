/**
 * Pairs the team marks as working: a rotation run keeps them and proposes new pairs for the rest.
 * Only a running assignment can be marked; the mark goes with the assignment when it is deleted.
 */
import { eq } from 'drizzle-orm';
import { assignments, matchKeptPairs } from '../../../db/schema';
import { AppError } from '../../contract';
import { change, notFound, type ServiceContext, today } from '../context';
import { isRunningOn } from '../mentors/records';

export function markWorking(
  ctx: ServiceContext,
  input: { assignmentId: string; working: boolean },
): { assignmentId: string; working: boolean } {
  return change(ctx, (tx) => {
    const row = tx.select().from(assignments).where(eq(assignments.id, input.assignmentId)).get();
    if (!row) throw notFound('assignment');
    if (input.working) {
      if (!isRunningOn(row, today(ctx))) throw new AppError('conflict', 'This assignment has ended; only a running pair can be kept.');
      tx.insert(matchKeptPairs)
        .values({ assignmentId: row.id, markedOn: today(ctx) })
        .onConflictDoNothing()
        .run();
    } else {
      tx.delete(matchKeptPairs).where(eq(matchKeptPairs.assignmentId, row.id)).run();
    }
    return {
      result: input,
      record: {
        action: input.working ? 'matching.pair_kept' : 'matching.pair_unkept',
        entity: 'assignment',
        entityId: row.id,
      },
    };
  });
}
