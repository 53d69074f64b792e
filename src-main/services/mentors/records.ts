/**
 * Mentor and assignment rows, and their converters to the contract's domain types. Rows stay
 * inside the mentors services; everything leaving them goes through `toMentor` / `toAssignment`.
 */

import { and, asc, count, eq, gt, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { accommodations, assignments, mentorRecognition, mentors, mentorTimeOff, mentorTraining } from '../../../db/schema';
import {
  type Assignment,
  EndReason,
  type Mentor,
  type mentors as mentorChannels,
  Recognition,
  TRAINING_MODULES,
  type TrainingRecord,
} from '../../contract/mentors';
import { PeerRole } from '../../contract/plans';
import { notFound } from '../context';
import { jsonColumns } from '../json-columns';
import { displayName } from '../students/students';
import type { Queryable } from '../vault-db';

/** The parsed input of one mentors/assignments channel (what the dispatcher hands the handler). */
export type InputOf<C extends keyof typeof mentorChannels> = z.output<(typeof mentorChannels)[C]['input']>;

export type MentorRow = typeof mentors.$inferSelect;
type TrainingRow = typeof mentorTraining.$inferSelect;
type TimeOffRow = typeof mentorTimeOff.$inferSelect;
type RecognitionRow = typeof mentorRecognition.$inferSelect;
type AssignmentRow = typeof assignments.$inferSelect;

export interface MentorRelated {
  training: TrainingRow[];
  timeOff: TimeOffRow[];
  recognition: RecognitionRow[];
  activeAssignments: number;
}

/**
 * An assignment still holds the mentor on `date` (or later) unless it has ended by then. The end date
 * is the first free day, so one ended on its start date never ran and holds no one.
 */
export function runningOn(date: string): SQL {
  return or(isNull(assignments.endDate), and(gt(assignments.endDate, date), gt(assignments.endDate, assignments.startDate))) as SQL;
}

export function isRunningOn(row: { startDate: string; endDate: string | null }, date: string): boolean {
  return row.endDate === null || (row.endDate > date && row.endDate > row.startDate);
}

/** A module this version does not know (written by a newer one) is left out rather than failing the screen. */
export function toTrainingRecords(rows: readonly TrainingRow[]): TrainingRecord[] {
  return rows
    .flatMap((row) => {
      const module = TRAINING_MODULES.find((name) => name === row.module);
      if (!module) return [];
      return [
        row.expiresOn === null
          ? { module, completedOn: row.completedOn }
          : { module, completedOn: row.completedOn, expiresOn: row.expiresOn },
      ];
    })
    .sort((a, b) => TRAINING_MODULES.indexOf(a.module) - TRAINING_MODULES.indexOf(b.module));
}

export function toMentor(row: MentorRow, related: MentorRelated): Mentor {
  return {
    id: row.id,
    localId: row.localId,
    firstName: row.firstName,
    lastName: row.lastName,
    preferredName: row.preferredName,
    grade: row.grade,
    school: row.school,
    consentGivenOn: row.consentGivenOn,
    consentWithdrawnOn: row.consentWithdrawnOn,
    guardianConsentGivenOn: row.guardianConsentGivenOn,
    guardianConsentWithdrawnOn: row.guardianConsentWithdrawnOn,
    loadCap: row.loadCap,
    interests: jsonColumns.mentors.interests.read(row.interests),
    availability: jsonColumns.mentors.availability.read(row.availability),
    training: toTrainingRecords(related.training),
    studentId: row.studentId,
    timeOff: related.timeOff
      .map((off) => ({ id: off.id, startDate: off.startDate, endDate: off.endDate }))
      .sort((a, b) => a.startDate.localeCompare(b.startDate)),
    recognition: related.recognition
      .map((item) => ({
        id: item.id,
        kind: Recognition.shape.kind.catch('award').parse(item.kind),
        date: item.date,
        description: item.description,
        ...(item.hours === null ? {} : { hours: item.hours }),
      }))
      .sort((a, b) => a.date.localeCompare(b.date)),
    archived: row.archivedAt !== null,
    activeAssignments: related.activeAssignments,
  };
}

export function findMentorRow(db: Queryable, id: string): MentorRow {
  const row = db.select().from(mentors).where(eq(mentors.id, id)).get();
  if (!row) throw notFound('mentor');
  return row;
}

const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

function groupBy<T extends { mentorId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.mentorId, [...(map.get(row.mentorId) ?? []), row]);
  return map;
}

/** Converts many mentor rows with four queries per 500 mentors, not four per mentor. */
export function loadMentors(db: Queryable, rows: readonly MentorRow[], today: string): Mentor[] {
  const training: TrainingRow[] = [];
  const timeOff: TimeOffRow[] = [];
  const recognition: RecognitionRow[] = [];
  const active = new Map<string, number>();
  for (const ids of chunks(rows.map((row) => row.id))) {
    training.push(...db.select().from(mentorTraining).where(inArray(mentorTraining.mentorId, ids)).all());
    timeOff.push(...db.select().from(mentorTimeOff).where(inArray(mentorTimeOff.mentorId, ids)).all());
    recognition.push(...db.select().from(mentorRecognition).where(inArray(mentorRecognition.mentorId, ids)).all());
    const counts = db
      .select({ mentorId: assignments.mentorId, n: count() })
      .from(assignments)
      .where(and(inArray(assignments.mentorId, ids), runningOn(today)))
      .groupBy(assignments.mentorId)
      .all();
    for (const { mentorId, n } of counts) active.set(mentorId, n);
  }
  const byTraining = groupBy(training);
  const byTimeOff = groupBy(timeOff);
  const byRecognition = groupBy(recognition);
  return rows.map((row) =>
    toMentor(row, {
      training: byTraining.get(row.id) ?? [],
      timeOff: byTimeOff.get(row.id) ?? [],
      recognition: byRecognition.get(row.id) ?? [],
      activeAssignments: active.get(row.id) ?? 0,
    }),
  );
}

export function loadMentor(db: Queryable, id: string, today: string): Mentor {
  const [mentor] = loadMentors(db, [findMentorRow(db, id)], today);
  if (!mentor) throw notFound('mentor');
  return mentor;
}

// ── Assignments ──────────────────────────────────────────────────────────────────────────────

type AssignmentWithSetting = AssignmentRow & {
  role: string;
  settingClass: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
};

export function toAssignment(row: AssignmentWithSetting, today: string): Assignment {
  const reason = row.endReason === null ? null : EndReason.catch('other').parse(row.endReason);
  return {
    id: row.id,
    mentorId: row.mentorId,
    mentorName: displayName(row),
    accommodationId: row.accommodationId,
    role: PeerRole.parse(row.role),
    settingClass: row.settingClass,
    startDate: row.startDate,
    endDate: row.endDate,
    endReason: reason,
    active: isRunningOn(row, today),
  };
}

export function selectAssignments(db: Queryable, where: SQL, today: string): Assignment[] {
  return db
    .select({
      id: assignments.id,
      mentorId: assignments.mentorId,
      accommodationId: assignments.accommodationId,
      startDate: assignments.startDate,
      endDate: assignments.endDate,
      endReason: assignments.endReason,
      createdAt: assignments.createdAt,
      role: accommodations.role,
      settingClass: accommodations.settingClass,
      firstName: mentors.firstName,
      lastName: mentors.lastName,
      preferredName: mentors.preferredName,
    })
    .from(assignments)
    .innerJoin(accommodations, eq(accommodations.id, assignments.accommodationId))
    .innerJoin(mentors, eq(mentors.id, assignments.mentorId))
    .where(where)
    .orderBy(asc(assignments.startDate), asc(assignments.createdAt))
    .all()
    .map((row) => toAssignment(row, today));
}

export function loadAssignment(db: Queryable, id: string, today: string): Assignment {
  const [assignment] = selectAssignments(db, eq(assignments.id, id), today);
  if (!assignment) throw notFound('assignment');
  return assignment;
}
