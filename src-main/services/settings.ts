/** App settings stored in the vault (so they are encrypted too), with defaults for missing keys. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { settings as settingsTable } from '../../db/schema';
import { Settings } from '../contract';
import { readSetting, writeSetting } from './json-columns';
import type { Queryable, VaultTx } from './vault-db';

export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 10 };

export function readSettings(db: Queryable): Settings {
  const stored: Record<string, unknown> = {};
  // A damaged value reads as never set, so its default applies rather than the screen failing.
  for (const row of db.select().from(settingsTable).all()) stored[row.key] = readSetting(row.value, z.unknown());
  const merged = Settings.safeParse({ ...DEFAULT_SETTINGS, ...stored });
  return merged.success ? merged.data : DEFAULT_SETTINGS;
}

/** Writes the keys of `patch` (inside the caller's transaction) and returns the settings after it. */
export function updateSettings(tx: VaultTx, patch: Partial<Settings>): Settings {
  const next = Settings.parse({ ...readSettings(tx), ...patch });
  for (const [key, value] of Object.entries(patch)) {
    tx.insert(settingsTable)
      .values({ key, value: writeSetting(value) })
      .onConflictDoUpdate({ target: settingsTable.key, set: { value: writeSetting(value) } })
      .run();
  }
  return next;
}

export function readFlag(db: Queryable, key: string): boolean {
  const row = db.select().from(settingsTable).where(eq(settingsTable.key, key)).get();
  return readSetting(row?.value, z.boolean()) === true;
}

export function writeFlag(db: VaultTx, key: string, value: boolean): void {
  db.insert(settingsTable)
    .values({ key, value: writeSetting(value) })
    .onConflictDoUpdate({ target: settingsTable.key, set: { value: writeSetting(value) } })
    .run();
}
