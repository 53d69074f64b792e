/**
 * The soft-score weights, kept in the vault's settings table under one key (encrypted like every
 * other setting), with the defaults for whatever was never set. A change is audited with the names
 * of the weights changed.
 */
import { eq } from 'drizzle-orm';
import { settings } from '../../../db/schema';
import { DEFAULT_MATCHING_WEIGHTS, MatchingWeights } from '../../contract/matching';
import { change, type ServiceContext } from '../context';
import { readSetting, writeSetting } from '../json-columns';
import type { Queryable } from '../vault-db';

const KEY = 'matchingWeights';

export function readMatchingWeights(db: Queryable): MatchingWeights {
  const row = db.select().from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return DEFAULT_MATCHING_WEIGHTS;
  // A weight this version does not know, or a damaged value, falls back to the defaults rather than failing a run.
  const stored = readSetting(row.value, MatchingWeights.partial().strip());
  return stored ? { ...DEFAULT_MATCHING_WEIGHTS, ...stored } : DEFAULT_MATCHING_WEIGHTS;
}

export function updateMatchingWeights(ctx: ServiceContext, patch: Partial<MatchingWeights>): MatchingWeights {
  return change(ctx, (tx) => {
    const next = MatchingWeights.parse({ ...readMatchingWeights(tx), ...patch });
    const value = writeSetting(next);
    tx.insert(settings).values({ key: KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
    return {
      result: next,
      record: { action: 'matching.weights_updated', entity: 'settings', entityId: KEY, fields: Object.keys(patch).sort() },
    };
  });
}
