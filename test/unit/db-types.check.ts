/**
 * Reads and writes typed apart, checked by the compiler (`npx tsc -b`), not by vitest: every
 * `@ts-expect-error` below must stay an error. If a read handle could write, tsc fails with
 * "Unused '@ts-expect-error' directive". Never called.
 */
import { sql } from 'drizzle-orm';
import { settings, students } from '../../db/schema';
import { recordAudit } from '../../src-main/services/audit';
import { change, type ServiceContext, systemWrite } from '../../src-main/services/context';
import type { Queryable, VaultDb, VaultTx } from '../../src-main/services/vault-db';

const SETTING = { key: 'typeCheck', value: 'true' };
const EVENT = { actorSlotId: null, action: 'type.check' };

export function aReadHandleCannotWrite(read: Queryable, ctx: ServiceContext): void {
  read.select().from(students).all();
  read.all(sql`SELECT 1`);
  read.transaction((tx) => tx.select().from(students).all());
  // @ts-expect-error a read handle has no insert
  read.insert(settings);
  // @ts-expect-error a read handle has no update
  read.update(settings);
  // @ts-expect-error a read handle has no delete
  read.delete(settings);
  // @ts-expect-error a read handle runs no raw statement
  read.run(sql`DELETE FROM settings`);
  // @ts-expect-error drizzle's CTE builder also inserts, updates and deletes
  read.with();
  // @ts-expect-error no raw connection outside src-main/vault/
  read.$client;
  // @ts-expect-error a read transaction hands out a read handle
  read.transaction((tx) => tx.insert(settings));
  // @ts-expect-error a service's database is a read handle
  ctx.db.insert(settings);
  // @ts-expect-error a service's database is a read handle
  ctx.db.transaction((tx) => tx.delete(settings));
  // @ts-expect-error a read handle is not a write transaction
  recordAudit(read, EVENT);
}

export function changeHandsOutAWriteTransaction(ctx: ServiceContext): void {
  change(ctx, (tx) => {
    tx.insert(settings).values(SETTING).run();
    tx.update(settings).set({ value: 'false' }).run();
    tx.delete(settings).run();
    tx.run(sql`DELETE FROM settings WHERE key = 'typeCheck'`);
    tx.transaction((inner) => inner.insert(settings).values(SETTING).run());
    recordAudit(tx, EVENT);
    // A write transaction reads too: it goes wherever a read handle is asked for.
    const asRead: Queryable = tx;
    asRead.select().from(settings).all();
    return { result: undefined, record: { action: 'type.check', entity: 'vault', entityId: 'vault' } };
  });
}

export function onlyTheNamedPathsWrite(whole: VaultDb, tx: VaultTx): void {
  // The whole database reads where a read handle is asked for…
  const asRead: Queryable = whole;
  asRead.select().from(settings).all();
  // @ts-expect-error …but is not a write transaction: it writes through systemWrite
  recordAudit(whole, EVENT);
  whole.transaction((raw) => {
    // @ts-expect-error nor is drizzle's own transaction handle
    recordAudit(raw, EVENT);
  });
  systemWrite(whole, (writing) => recordAudit(writing, EVENT));
  recordAudit(tx, EVENT);
}
