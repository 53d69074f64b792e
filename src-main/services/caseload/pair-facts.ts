/**
 * What the one-sided-support rule needs about each peer support running today, gathered for all of
 * them at once: the last four check-ins that rated the supported student, the last session held,
 * and the supported student's last observations (intervals where they started an interaction with
 * a peer). Check-ins and sessions of an accommodation's earlier versions count for it.
 *
 * Observations are of a student, not of a pair: one counts for the peer supports whose class its
 * setting starts with ("Math 7, group work" → Math 7), or, naming none of them, for the student's
 * only peer support when there is one; otherwise it says nothing about any single pair.
 */
import { sql } from 'drizzle-orm';
import { askedByVersion, groupBy, idTable } from '../id-batches';
import { jsonColumns } from '../json-columns';
import { accommodationLineages } from '../progress/goal-lineage';
import type { PairFacts } from '../progress-rules/program-health';
import type { Queryable } from '../vault-db';

export interface RunningSupport {
  id: string;
  studentId: string;
  settingClass: string;
}

const CHECK_INS = 4;
/** More than the rule's three, because an observation with no mark on "initiated" does not count. */
const OBSERVATIONS = 6;

interface Observed {
  studentId: string;
  date: string;
  setting: string | null;
  initiated: number;
  observed: number;
}

function lastRatedCheckIns(db: Queryable, ids: readonly string[], day: string) {
  return db.all<{
    accommodationId: string;
    date: string;
    belonging: number | null;
    engagement: number | null;
    mentorWorkload: number | null;
  }>(sql`
    SELECT ids.value AS accommodationId, c.date AS date, c.belonging AS belonging, c.engagement AS engagement,
      c.mentor_workload AS mentorWorkload
    FROM ${idTable(ids)} AS ids
    JOIN check_ins c ON c.rowid IN (
      SELECT rowid FROM check_ins
      WHERE accommodation_id = ids.value AND date <= ${day} AND (belonging IS NOT NULL OR engagement IS NOT NULL)
      ORDER BY date DESC LIMIT ${CHECK_INS}
    )`);
}

function lastHeldSessions(db: Queryable, ids: readonly string[], day: string) {
  return db.all<{ accommodationId: string; date: string | null }>(sql`
    SELECT ids.value AS accommodationId, (
      SELECT date FROM sessions
      WHERE accommodation_id = ids.value AND status = 'held' AND date <= ${day}
      ORDER BY date DESC LIMIT 1
    ) AS date
    FROM ${idTable(ids)} AS ids`);
}

function lastObservations(db: Queryable, studentIds: readonly string[], day: string): Observed[] {
  const rows = db.all<{ studentId: string; date: string; setting: string | null; intervals: string }>(sql`
    SELECT ids.value AS studentId, o.date AS date, o.setting AS setting, o.intervals AS intervals
    FROM ${idTable(studentIds)} AS ids
    JOIN observations o ON o.rowid IN (
      SELECT rowid FROM observations WHERE student_id = ids.value AND date <= ${day} ORDER BY date DESC LIMIT ${OBSERVATIONS}
    )`);
  return rows.map((row) => {
    const marks = jsonColumns.observations.intervals.read(row.intervals).map((mark) => mark.initiated);
    return {
      studentId: row.studentId,
      date: row.date,
      setting: row.setting,
      initiated: marks.filter((mark) => mark === true).length,
      observed: marks.filter((mark) => mark !== null).length,
    };
  });
}

function belongsTo(observation: Observed, support: RunningSupport, supportsOfStudent: readonly RunningSupport[]): boolean {
  const setting = observation.setting?.trim().toLowerCase() ?? '';
  const names = (candidate: RunningSupport) => setting.startsWith(candidate.settingClass.trim().toLowerCase());
  if (names(support)) return true;
  return supportsOfStudent.length === 1 && !supportsOfStudent.some(names);
}

export function pairFacts(db: Queryable, supports: readonly RunningSupport[], day: string): PairFacts[] {
  if (supports.length === 0) return [];
  const lineages = accommodationLineages(
    db,
    supports.map((support) => support.id),
  );
  const versions = askedByVersion(lineages);
  const versionIds = [...versions.keys()];
  const checkInsOf = groupBy(
    lastRatedCheckIns(db, versionIds, day).flatMap((row) => (versions.get(row.accommodationId) ?? []).map((id) => ({ id, row }))),
    (entry) => entry.id,
  );
  const heldOf = groupBy(
    lastHeldSessions(db, versionIds, day).flatMap((row) =>
      row.date === null ? [] : (versions.get(row.accommodationId) ?? []).map((id) => ({ id, date: row.date as string })),
    ),
    (entry) => entry.id,
  );
  const supportsOf = groupBy(supports, (support) => support.studentId);
  const observationsOf = groupBy(lastObservations(db, [...supportsOf.keys()], day), (observation) => observation.studentId);
  return supports.map((support) => ({
    accommodationId: support.id,
    checkIns: (checkInsOf.get(support.id) ?? []).map((entry) => entry.row),
    heldSessions: (heldOf.get(support.id) ?? []).map((entry) => entry.date),
    observations: (observationsOf.get(support.studentId) ?? []).filter((observation) =>
      belongsTo(observation, support, supportsOf.get(support.studentId) ?? []),
    ),
  }));
}
