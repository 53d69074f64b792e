/**
 * Prepared statements kept per connection, by their SQL. drizzle prepares every query afresh, and
 * compiling the same few hundred statements again and again was about a seventh of a session
 * write's time (measured at district scale). A statement left in another mode (raw, pluck, expand)
 * is set back before it is handed out again, and one still being iterated is never shared.
 */
import type Database from 'better-sqlite3';

/** More than the app's distinct statements; a query built with a varying IN list falls out of the cache first. */
export const KEPT_STATEMENTS = 1_000;

const kept = new WeakSet<Database.Database>();

export function keepPreparedStatements(db: Database.Database, limit = KEPT_STATEMENTS): void {
  if (kept.has(db)) return;
  kept.add(db);
  const prepare = db.prepare.bind(db);
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const statements = new Map<string, Database.Statement>();
  db.prepare = ((source: string) => {
    const statement = statements.get(source);
    if (statement && !statement.busy) {
      statements.delete(source);
      statements.set(source, statement);
      if (statement.reader) statement.raw(false).pluck(false).expand(false);
      return statement;
    }
    const fresh = prepare(source);
    if (!statement) {
      statements.set(source, fresh);
      if (statements.size > limit) statements.delete(statements.keys().next().value as string);
    }
    return fresh;
  }) as Database.Database['prepare'];
}
