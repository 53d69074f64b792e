/**
 * Versions of a goal or an accommodation. Amending a plan copies its goals and accommodations into
 * the new version, each copy pointing at its original (`amendsId`), so the progress points,
 * sessions and mentors of a goal or an accommodation belong to every version of it. For each id
 * asked, these return that id followed by every earlier version, newest first.
 */
import { sql } from 'drizzle-orm';
import { inIds } from '../id-batches';
import type { Queryable } from '../vault-db';

type VersionedTable = 'goals' | 'accommodations';

function lineages(db: Queryable, table: VersionedTable, ids: readonly string[]): Map<string, string[]> {
  const result = new Map<string, string[]>(ids.map((id) => [id, [id]]));
  if (ids.length === 0) return result;
  // One recursive walk up the amendsId links for all ids at once; `depth` keeps each chain in order.
  const rows = db.all<{ origin: string; id: string }>(sql`
    WITH RECURSIVE chain(origin, id, depth) AS (
      SELECT t.id, t.amends_id, 1 FROM ${sql.identifier(table)} t
        WHERE ${inIds(sql`t.id`, ids)} AND t.amends_id IS NOT NULL
      UNION ALL
      SELECT chain.origin, t.amends_id, chain.depth + 1 FROM ${sql.identifier(table)} t
        JOIN chain ON t.id = chain.id
        WHERE t.amends_id IS NOT NULL AND chain.depth < 100
    )
    SELECT origin, id FROM chain ORDER BY origin, depth`);
  for (const row of rows) result.get(row.origin)?.push(row.id);
  return result;
}

export function goalLineages(db: Queryable, goalIds: readonly string[]): Map<string, string[]> {
  return lineages(db, 'goals', goalIds);
}

export function accommodationLineages(db: Queryable, accommodationIds: readonly string[]): Map<string, string[]> {
  return lineages(db, 'accommodations', accommodationIds);
}

/** The ids of one goal's versions, newest first. */
export function goalVersionIds(db: Queryable, goalId: string): string[] {
  return goalLineages(db, [goalId]).get(goalId) ?? [goalId];
}
