/** App settings stored in the vault (so they are encrypted too), with defaults for missing keys. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { settings as settingsTable } from '../../db/schema';
import { Settings } from '../contract';
import { readSetting, writeSetting } from './json-columns';
import type { VaultDb } from './vault-db';

export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 10 };

export function readSettings(db: VaultDb): Settings {
  const stored: Record<string, unknown> = {};
  // A damaged value reads as never set, so its default applies rather than the screen failing.
  for (const row of db.select().from(settingsTable).all()) stored[row.key] = readSetting(row.value, z.unknown());
  const merged = Settings.safeParse({ ...DEFAULT_SETTINGS, ...stored });
  return merged.success ? merged.data : DEFAULT_SETTINGS;
}

export function updateSettings(db: VaultDb, patch: Partial<Settings>): Settings {
  const next = Settings.parse({ ...readSettings(db), ...patch });
  db.transaction((tx) => {
    for (const [key, value] of Object.entries(patch)) {
      tx.insert(settingsTable)
        .values({ key, value: writeSetting(value) })
        .onConflictDoUpdate({ target: settingsTable.key, set: { value: writeSetting(value) } })
        .run();
    }
  });
  return next;
}

export function readFlag(db: VaultDb, key: string): boolean {
  const row = db.select().from(settingsTable).where(eq(settingsTable.key, key)).get();
  return readSetting(row?.value, z.boolean()) === true;
}

export function writeFlag(db: VaultDb, key: string, value: boolean): void {
  db.insert(settingsTable)
    .values({ key, value: writeSetting(value) })
    .onConflictDoUpdate({ target: settingsTable.key, set: { value: writeSetting(value) } })
    .run();
}
