/**
 * Which progress-code set the district uses (presets in the contract: PROGRESS_CODE_SETS), kept as
 * one key in the vault's settings. Reports remember the set they were written in, so changing it
 * later leaves old reports readable.
 */
import { eq } from 'drizzle-orm';
import { settings } from '../../../db/schema';
import {
  DEFAULT_PROGRESS_CODE_SET,
  PROGRESS_CODE_SETS,
  type ProgressCodeSet,
  ProgressCodeSetId,
  type ProgressCodeSettings,
} from '../../contract';
import { change, type ServiceContext } from '../context';
import { readSetting, writeSetting } from '../json-columns';
import type { Queryable } from '../vault-db';

export const CODE_SET_KEY = 'progressCodeSet';

export function activeCodeSet(db: Queryable): ProgressCodeSetId {
  const row = db.select().from(settings).where(eq(settings.key, CODE_SET_KEY)).get();
  return readSetting(row?.value, ProgressCodeSetId) ?? DEFAULT_PROGRESS_CODE_SET;
}

export function codeSet(id: string): ProgressCodeSet | undefined {
  const parsed = ProgressCodeSetId.safeParse(id);
  return parsed.success ? PROGRESS_CODE_SETS[parsed.data] : undefined;
}

function described(active: ProgressCodeSetId): ProgressCodeSettings {
  return {
    active,
    sets: Object.values(PROGRESS_CODE_SETS).map((set) => ({ id: set.id as ProgressCodeSetId, name: set.name, codes: [...set.codes] })),
  };
}

export function getProgressCodes(ctx: ServiceContext): ProgressCodeSettings {
  return described(activeCodeSet(ctx.db));
}

export function setActiveCodeSet(ctx: ServiceContext, input: { setId: ProgressCodeSetId }): ProgressCodeSettings {
  return change(ctx, (tx) => {
    const value = writeSetting(input.setId);
    tx.insert(settings).values({ key: CODE_SET_KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
    return {
      result: described(input.setId),
      record: {
        action: 'settings.progress_code_set',
        entity: 'settings',
        entityId: CODE_SET_KEY,
        fields: [CODE_SET_KEY],
        detail: { setId: input.setId },
      },
    };
  });
}
