/**
 * The typed drizzle handles, with reads and writes typed apart (as Signal's `ReadableDB` /
 * `WritableDB`): a function's signature says whether it may write.
 *
 * - `Queryable`, the read handle: what every service receives as `ctx.db`. It has no insert,
 *   update, delete or raw `run`, and its `transaction` hands out a read handle again.
 * - `VaultTx`, the write transaction: only `change()` (audited, `context.ts`) and `systemWrite()`
 *   (the session's own writes and tools holding the whole database) hand one out.
 * - `VaultDb`, the whole database: held by the vault session (and tests, benches and the worker
 *   that opened a connection themselves); never given to a service.
 *
 * The types are the guard; at run time every handle is drizzle's own object. Rows stay inside services.
 */
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../db/schema';
import type { SqliteDatabase } from '../vault/database';

export function vaultDb(connection: SqliteDatabase) {
  return drizzle({ client: connection, schema });
}

/** The whole database: reads, writes and the raw connection. Only the vault session holds it for long. */
export type VaultDb = ReturnType<typeof vaultDb>;

/** drizzle's own transaction handle, before it is typed as a read handle or a write transaction. */
type DrizzleTx = Parameters<Parameters<VaultDb['transaction']>[0]>[0];

/**
 * The read-only builders. Not `with`/`$with`: drizzle's CTE builder also offers insert, update and
 * delete. The raw `all`/`get`/`values` are for SELECT statements; a statement that changes rows
 * goes through `run` on a `VaultTx`.
 */
type ReadMethods = 'select' | 'selectDistinct' | '$count' | 'all' | 'get' | 'values';

/** The read handle: functions that only query take it, so they run inside or outside a transaction. */
export interface Queryable extends Pick<DrizzleTx, ReadMethods> {
  /** Reads that must see one moment of the vault (a consistent snapshot); the handle inside can only read. */
  transaction<T>(read: (tx: Queryable) => T): T;
}

/** Exists only in the type: a plain drizzle handle is not a `VaultTx`, so no one writes without being handed one. */
declare const writable: unique symbol;

/** The write transaction, handed out by `change()` and `systemWrite()` only (`context.ts`); every function that writes takes it. */
export interface VaultTx extends Pick<DrizzleTx, ReadMethods | 'insert' | 'update' | 'delete' | 'run'> {
  readonly [writable]: true;
  /** A nested write: a savepoint inside the transaction, undone alone if `write` throws. */
  transaction<T>(write: (tx: VaultTx) => T): T;
}
