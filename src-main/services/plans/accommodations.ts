/** Peer-support accommodations of a plan, and which goals each one serves. */
import { eq } from 'drizzle-orm';
import { accommodationGoals, accommodations } from '../../../db/schema';
import { type Accommodation, type AccommodationInput, AppError } from '../../contract';
import { change, newId, type ServiceContext } from '../context';
import { jsonColumns } from '../json-columns';
import type { VaultTx } from '../vault-db';
import { assertPlanContentEditable, assertSamePlan, findAccommodationRow, findPlanRow, toAccommodation } from './plan-records';
import { accommodationDateProblems } from './plan-rules';

function assertAccommodationMakesSense(
  tx: VaultTx,
  planId: string,
  dates: { startDate: string; endDate: string },
  verb: 'add' | 'change',
): void {
  const plan = findPlanRow(tx, planId);
  assertPlanContentEditable(plan, 'accommodation', verb);
  const problems = accommodationDateProblems(dates, plan);
  if (problems.length) throw new AppError('invalid_input', problems.join(' '));
}

function setServes(tx: VaultTx, accommodationId: string, goalIds: readonly string[]): void {
  tx.delete(accommodationGoals).where(eq(accommodationGoals.accommodationId, accommodationId)).run();
  for (const goalId of new Set(goalIds)) tx.insert(accommodationGoals).values({ accommodationId, goalId }).run();
}

export function createAccommodation(ctx: ServiceContext, input: AccommodationInput): Accommodation {
  return change(ctx, (tx) => {
    assertAccommodationMakesSense(tx, input.planId, input, 'add');
    assertSamePlan(tx, input.planId, input.goalIds ?? [], []);
    const id = newId();
    const at = ctx.now().toISOString();
    const { goalIds, ...fields } = input;
    tx.insert(accommodations)
      .values({
        ...fields,
        id,
        slots: jsonColumns.accommodations.slots.write(fields.slots),
        mentorsNeeded: fields.mentorsNeeded ?? 1,
        notes: fields.notes ?? null,
        createdAt: at,
        updatedAt: at,
      })
      .run();
    setServes(tx, id, goalIds ?? []);
    return {
      result: toAccommodation(tx, findAccommodationRow(tx, id)),
      record: { action: 'accommodation.created', entity: 'accommodation', entityId: id, fields: Object.keys(input) },
    };
  });
}

export function updateAccommodation(
  ctx: ServiceContext,
  input: { id: string; changes: Partial<Omit<AccommodationInput, 'planId' | 'goalIds'>> },
): Accommodation {
  return change(ctx, (tx) => {
    const row = findAccommodationRow(tx, input.id);
    assertAccommodationMakesSense(tx, row.planId, { ...row, ...input.changes }, 'change');
    const { slots, ...fields } = input.changes;
    tx.update(accommodations)
      .set({ ...fields, ...(slots ? { slots: jsonColumns.accommodations.slots.write(slots) } : {}), updatedAt: ctx.now().toISOString() })
      .where(eq(accommodations.id, input.id))
      .run();
    return {
      result: toAccommodation(tx, findAccommodationRow(tx, input.id)),
      record: { action: 'accommodation.updated', entity: 'accommodation', entityId: input.id, fields: Object.keys(input.changes) },
    };
  });
}

/** Sets the goals an accommodation serves ("serves"), replacing the old set. */
export function setAccommodationServes(ctx: ServiceContext, input: { id: string; goalIds: string[] }): Accommodation {
  return change(ctx, (tx) => {
    const row = findAccommodationRow(tx, input.id);
    assertPlanContentEditable(findPlanRow(tx, row.planId), 'accommodation');
    assertSamePlan(tx, row.planId, input.goalIds, []);
    setServes(tx, input.id, input.goalIds);
    return {
      result: toAccommodation(tx, findAccommodationRow(tx, input.id)),
      record: {
        action: 'accommodation.links_set',
        entity: 'accommodation',
        entityId: input.id,
        fields: ['serves'],
        detail: { count: input.goalIds.length },
      },
    };
  });
}
