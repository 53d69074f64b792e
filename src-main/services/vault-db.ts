/** The typed drizzle handle every service receives; rows stay inside services. */
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../db/schema';
import type { SqliteDatabase } from '../vault/database';

export function vaultDb(connection: SqliteDatabase) {
  return drizzle({ client: connection, schema });
}

export type VaultDb = ReturnType<typeof vaultDb>;

/** The handle inside `db.transaction(tx => …)`; nested calls become savepoints. */
export type VaultTx = Parameters<Parameters<VaultDb['transaction']>[0]>[0];
/** Either one: functions that only query take this, so they run inside or outside a transaction. */
export type Queryable = VaultDb | VaultTx;
