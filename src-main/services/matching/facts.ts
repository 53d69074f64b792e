/**
 * Reads a matching problem out of the vault as plain data for the solver: the open seats of active
 * plans on a date, every mentor who is not archived (through the mentors service's own loader),
 * the avoid list without its reasons, remembered rejections, and the history of each pair. In a
 * rotation run, running pairs not marked as working are offered anew: their seats open and their
 * mentors' loads free up. Also reads the same facts for one hand-picked pair.
 */
import { and, eq, gte, inArray, isNotNull, isNull, lte, min, sql } from 'drizzle-orm';
import {
  accommodations,
  assignments,
  checkIns,
  matchAvoidPairs,
  matchKeptPairs,
  matchMentorProfiles,
  matchRejections,
  matchStudentProfiles,
  mentors,
  plans,
  students,
} from '../../../db/schema';
import type { CommunicationMode, KeptPair, MatchingWeights, MatchMode } from '../../contract/matching';
import type { Mentor } from '../../contract/mentors';
import { PeerRole, PlanStatus } from '../../contract/plans';
import { notFound } from '../context';
import { jsonColumns } from '../json-columns';
import type { MentorFacts } from '../mentors/eligibility';
import { findMentorRow, loadMentors, runningOn } from '../mentors/records';
import { displayName } from '../students/students';
import type { Queryable } from '../vault-db';
import type { Candidate, MatchingProblem, PairHistory, Seat } from './problem';

const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const seatColumns = {
  accommodationId: accommodations.id,
  role: accommodations.role,
  settingClass: accommodations.settingClass,
  slots: accommodations.slots,
  mentorsNeeded: accommodations.mentorsNeeded,
  startDate: accommodations.startDate,
  endDate: accommodations.endDate,
  planStatus: plans.status,
  studentId: students.id,
  firstName: students.firstName,
  lastName: students.lastName,
  preferredName: students.preferredName,
  grade: students.grade,
  school: students.school,
  interests: matchStudentProfiles.interests,
  communication: matchStudentProfiles.communication,
};

function selectSeats(db: Queryable) {
  return db
    .select(seatColumns)
    .from(accommodations)
    .innerJoin(plans, eq(plans.id, accommodations.planId))
    .innerJoin(students, eq(students.id, plans.studentId))
    .leftJoin(matchStudentProfiles, eq(matchStudentProfiles.studentId, students.id));
}

type SeatRow = ReturnType<ReturnType<typeof selectSeats>['all']>[number];

/** "Jordan Example" for lists, "Jordan" for sentences. */
function studentNames(row: Pick<SeatRow, 'firstName' | 'lastName' | 'preferredName'>): { full: string; call: string } {
  const call = row.preferredName?.trim() || row.firstName;
  return { full: `${call} ${row.lastName}`, call };
}

function toSeat(row: SeatRow, openSeats: number, replaces: Seat['replaces']): Seat {
  const names = studentNames(row);
  return {
    accommodationId: row.accommodationId,
    openSeats,
    accommodation: {
      role: PeerRole.parse(row.role),
      settingClass: row.settingClass,
      slots: jsonColumns.accommodations.slots.read(row.slots),
      startDate: row.startDate,
      endDate: row.endDate,
      studentId: row.studentId,
      planStatus: PlanStatus.parse(row.planStatus),
    },
    studentName: names.full,
    studentCallName: names.call,
    grade: row.grade,
    school: row.school,
    interests: jsonColumns.matchStudentProfiles.interests.read(row.interests),
    communication: jsonColumns.matchStudentProfiles.communication.read(row.communication),
    replaces,
  };
}

function mentorFacts(mentor: Mentor): MentorFacts {
  return {
    firstName: mentor.firstName,
    preferredName: mentor.preferredName,
    studentId: mentor.studentId,
    archived: mentor.archived,
    consentGivenOn: mentor.consentGivenOn,
    consentWithdrawnOn: mentor.consentWithdrawnOn,
    guardianConsentGivenOn: mentor.guardianConsentGivenOn,
    guardianConsentWithdrawnOn: mentor.guardianConsentWithdrawnOn,
    training: mentor.training,
    availability: mentor.availability,
    loadCap: mentor.loadCap,
    timeOff: mentor.timeOff.map(({ startDate, endDate }) => ({ startDate, endDate })),
  };
}

/** `running`: the mentor's assignments that hold them on the date and stay (not offered anew). */
function toCandidates(db: Queryable, rows: Parameters<typeof loadMentors>[1], date: string, running: readonly RunningRow[]): Candidate[] {
  const profiles = new Map<string, CommunicationMode[]>();
  for (const ids of chunks(rows.map((row) => row.id))) {
    for (const profile of db.select().from(matchMentorProfiles).where(inArray(matchMentorProfiles.mentorId, ids)).all()) {
      profiles.set(profile.mentorId, jsonColumns.matchMentorProfiles.communication.read(profile.communication));
    }
  }
  const held = new Map<string, string[]>();
  for (const row of running) held.set(row.mentorId, [...(held.get(row.mentorId) ?? []), row.accommodationId]);
  return loadMentors(db, rows, date).map((mentor) => ({
    mentorId: mentor.id,
    mentorName: displayName(mentor),
    facts: mentorFacts(mentor),
    grade: mentor.grade,
    school: mentor.school,
    interests: mentor.interests,
    communication: profiles.get(mentor.id) ?? [],
    activeAssignments: held.get(mentor.id)?.length ?? 0,
    assignedTo: held.get(mentor.id) ?? [],
  }));
}

interface RunningRow {
  id: string;
  mentorId: string;
  accommodationId: string;
}

function runningAssignments(db: Queryable, date: string): RunningRow[] {
  return db
    .select({ id: assignments.id, mentorId: assignments.mentorId, accommodationId: assignments.accommodationId })
    .from(assignments)
    .where(runningOn(date))
    .orderBy(assignments.id)
    .all();
}

/** Every mentor–student pair that has worked together by `date`, with their rated check-ins. */
function pairHistory(db: Queryable, date: string): PairHistory[] {
  const together = db
    .select({ mentorId: assignments.mentorId, studentId: plans.studentId, since: min(assignments.startDate) })
    .from(assignments)
    .innerJoin(accommodations, eq(accommodations.id, assignments.accommodationId))
    .innerJoin(plans, eq(plans.id, accommodations.planId))
    .where(lte(assignments.startDate, date))
    .groupBy(assignments.mentorId, plans.studentId)
    .all();
  const ratings = db
    .select({
      mentorId: checkIns.mentorId,
      studentId: plans.studentId,
      sum: sql<number>`coalesce(sum(${checkIns.belonging}), 0) + coalesce(sum(${checkIns.engagement}), 0)`,
      ratings: sql<number>`count(${checkIns.belonging}) + count(${checkIns.engagement})`,
      checkIns: sql<number>`count(*)`,
    })
    .from(checkIns)
    .innerJoin(accommodations, eq(accommodations.id, checkIns.accommodationId))
    .innerJoin(plans, eq(plans.id, accommodations.planId))
    .where(
      and(
        isNotNull(checkIns.mentorId),
        lte(checkIns.date, date),
        sql`(${checkIns.belonging} IS NOT NULL OR ${checkIns.engagement} IS NOT NULL)`,
      ),
    )
    .groupBy(checkIns.mentorId, plans.studentId)
    .all();
  const rated = new Map(ratings.map((row) => [`${row.mentorId}\n${row.studentId}`, row]));
  return together.map((pair) => {
    const rating = rated.get(`${pair.mentorId}\n${pair.studentId}`);
    return {
      mentorId: pair.mentorId,
      studentId: pair.studentId,
      since: pair.since ?? date,
      checkIns: rating?.checkIns ?? 0,
      checkInAverage: rating && rating.ratings > 0 ? rating.sum / rating.ratings : null,
    };
  });
}

function pairLists(db: Queryable): Pick<MatchingProblem, 'avoid' | 'rejected'> {
  return {
    // The reason column is never read here: it must not reach the solver or its explanations.
    avoid: db.select({ mentorId: matchAvoidPairs.mentorId, studentId: matchAvoidPairs.studentId }).from(matchAvoidPairs).all(),
    rejected: db
      .select({
        mentorId: matchRejections.mentorId,
        accommodationId: matchRejections.accommodationId,
        rejectedOn: matchRejections.rejectedOn,
      })
      .from(matchRejections)
      .all(),
  };
}

export interface ProblemScope {
  date: string;
  mode: MatchMode;
  weights: MatchingWeights;
}

export interface LoadedProblem {
  problem: MatchingProblem;
  keptPairs: KeptPair[];
}

/** The whole program's problem on `scope.date`: seats of active plans of active students running that day. */
export function loadProblem(db: Queryable, scope: ProblemScope): LoadedProblem {
  const { date } = scope;
  const seatRows = selectSeats(db)
    .where(
      and(
        eq(plans.status, 'active'),
        eq(students.status, 'active'),
        lte(accommodations.startDate, date),
        gte(accommodations.endDate, date),
      ),
    )
    .orderBy(accommodations.id)
    .all();
  const inScope = new Set(seatRows.map((row) => row.accommodationId));
  const running = runningAssignments(db, date);
  const kept = new Map(
    db
      .select()
      .from(matchKeptPairs)
      .all()
      .map((row) => [row.assignmentId, row.markedOn]),
  );
  const released = new Set(
    scope.mode === 'rotation' ? running.filter((row) => inScope.has(row.accommodationId) && !kept.has(row.id)).map((row) => row.id) : [],
  );
  const staying = running.filter((row) => !released.has(row.id));

  const holding = new Map<string, number>();
  for (const assignment of staying) holding.set(assignment.accommodationId, (holding.get(assignment.accommodationId) ?? 0) + 1);
  const offered = new Map<string, Seat['replaces'][number][]>();
  for (const assignment of running) {
    if (!released.has(assignment.id)) continue;
    const list = offered.get(assignment.accommodationId) ?? [];
    offered.set(assignment.accommodationId, [...list, { assignmentId: assignment.id, mentorId: assignment.mentorId }]);
  }
  const seats: Seat[] = [];
  for (const row of seatRows) {
    const open = row.mentorsNeeded - (holding.get(row.accommodationId) ?? 0);
    if (open > 0) seats.push(toSeat(row, open, offered.get(row.accommodationId) ?? []));
  }

  const mentorRows = db.select().from(mentors).where(isNull(mentors.archivedAt)).orderBy(mentors.id).all();
  const candidates = toCandidates(db, mentorRows, date, staying);
  const names = new Map(candidates.map((candidate) => [candidate.mentorId, candidate.mentorName]));
  const seatOf = new Map(seatRows.map((row) => [row.accommodationId, row]));
  const keptPairs: KeptPair[] = staying.flatMap((assignment) => {
    const markedOn = kept.get(assignment.id);
    const seat = seatOf.get(assignment.accommodationId);
    if (markedOn === undefined || !seat) return [];
    return [
      {
        assignmentId: assignment.id,
        accommodationId: assignment.accommodationId,
        settingClass: seat.settingClass,
        studentName: studentNames(seat).full,
        mentorId: assignment.mentorId,
        mentorName: names.get(assignment.mentorId) ?? '',
        markedOn,
      },
    ];
  });

  return {
    problem: { date, weights: scope.weights, seats, candidates, ...pairLists(db), history: pairHistory(db, date) },
    keptPairs,
  };
}

export interface PairScope {
  mentorId: string;
  accommodationId: string;
  date: string;
  weights: MatchingWeights;
  /** A running assignment the pair would take over (it ends that day, so it holds no one). */
  replacesAssignmentId?: string | undefined;
}

/** One mentor and one accommodation, whatever its state (closed plans and full seats included), for a hand-picked pair. */
export function loadPair(db: Queryable, scope: PairScope): { problem: MatchingProblem; seatFull: boolean; mentorsNeeded: number } {
  const row = selectSeats(db).where(eq(accommodations.id, scope.accommodationId)).get();
  if (!row) throw notFound('accommodation');
  const mentorRow = findMentorRow(db, scope.mentorId);
  const running = runningAssignments(db, scope.date).filter((assignment) => assignment.id !== scope.replacesAssignmentId);
  const holding = running.filter((assignment) => assignment.accommodationId === scope.accommodationId).length;
  const mentorsNeeded = row.mentorsNeeded;
  return {
    problem: {
      date: scope.date,
      weights: scope.weights,
      seats: [toSeat(row, 1, [])],
      candidates: toCandidates(
        db,
        [mentorRow],
        scope.date,
        running.filter((assignment) => assignment.mentorId === scope.mentorId),
      ),
      ...pairLists(db),
      history: pairHistory(db, scope.date).filter((entry) => entry.mentorId === scope.mentorId),
    },
    seatFull: holding >= mentorsNeeded,
    mentorsNeeded,
  };
}
