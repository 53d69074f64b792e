/**
 * Batch queries over a list of ids, shared by the caseload, fidelity and version services: no query
 * per id and no limit from SQLite's bound parameters: the ids travel as one JSON text and `json_each` turns them into rows. The "latest N
 * per id" form walks an index backwards N steps per id, so it reads a few rows per goal or pair
 * however long their history (a goal of a district vault has about a hundred points).
 */
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/** `column IN (the ids)`, for any number of ids. */
export function inIds(column: SQLWrapper, ids: readonly string[]): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

/** The ids as a table `ids(value)` to join on. */
export function idTable(ids: readonly string[]): SQL {
  return sql`json_each(${JSON.stringify(ids)})`;
}

/** Groups rows by a key, keeping their order. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** For each version id of a lineage map (asked id → its versions), the asked ids it belongs to. */
export function askedByVersion(lineages: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const asked = new Map<string, string[]>();
  for (const [id, versions] of lineages) {
    for (const version of versions) {
      const list = asked.get(version);
      if (list) list.push(id);
      else asked.set(version, [id]);
    }
  }
  return asked;
}
