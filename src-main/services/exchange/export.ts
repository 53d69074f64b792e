/**
 * JSON export: every program record of the vault in the documented format, read in one
 * transaction so the file is one consistent moment. The file is plain text — NOT encrypted —
 * and is written only where the user asks, never over an existing file, user-only (0600).
 * The audit trail records that an export happened and its counts, never where or what.
 */
import { rmSync } from 'node:fs';
import { asc, eq } from 'drizzle-orm';
import * as schema from '../../../db/schema';
import { AppError } from '../../contract';
import { SCHEMA_VERSION } from '../../vault/migrations';
import { change, type ServiceContext } from '../context';
import { jsonColumns } from '../json-columns';
import type { Queryable } from '../vault-db';
import { writeNewPrivateFile } from './file';
import { countsOf, EXPORT_FORMAT, EXPORT_VERSION, type ExportCounts, ExportFile } from './format';

/** A JSON column's stored value as it is; damaged data stops the export rather than being left out. */
function json<T, Stored extends string | null>(column: { readExact(text: Stored): T | undefined }, text: Stored, where: string): T {
  const value = column.readExact(text);
  if (value === undefined) throw new AppError('conflict', `The export stopped: ${where} holds damaged data; nothing was written.`);
  return value;
}

/** The vault's records as an export file (not yet written anywhere). */
export function buildExport(db: Queryable, now: Date): ExportFile {
  const { staff, students, guardians, plans, planTeam, goals, accommodations, accommodationGoals } = schema;
  const { mentors, mentorTraining, mentorTimeOff, mentorRecognition, assignments } = schema;
  const { sessions, sessionMentors, sessionGoals, observations, progressPoints, checkIns, progressReports } = schema;
  const { matchStudentProfiles, matchMentorProfiles, matchAvoidPairs, matchRejections, matchKeptPairs } = schema;
  const { meetings, meetingAttendees, meetingProposals } = schema;
  const data = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    schemaVersion: SCHEMA_VERSION,
    students: db.select().from(students).orderBy(asc(students.id)).all(),
    guardians: db.select().from(guardians).orderBy(asc(guardians.id)).all(),
    plans: db.select().from(plans).orderBy(asc(plans.id)).all(),
    planTeam: db.select().from(planTeam).orderBy(asc(planTeam.planId), asc(planTeam.staffId)).all(),
    goals: db
      .select()
      .from(goals)
      .orderBy(asc(goals.id))
      .all()
      .map((row) => ({
        ...row,
        reportingPeriods: json(jsonColumns.goals.reportingPeriods, row.reportingPeriods, 'a goal'),
        objectives: json(jsonColumns.goals.objectives, row.objectives, 'a goal'),
        statementTranslations: json(jsonColumns.goals.statementTranslations, row.statementTranslations, 'a goal'),
        mastery: json(jsonColumns.goals.mastery, row.mastery, 'a goal'),
      })),
    accommodations: db
      .select()
      .from(accommodations)
      .orderBy(asc(accommodations.id))
      .all()
      .map((row) => ({ ...row, slots: json(jsonColumns.accommodations.slots, row.slots, 'an accommodation') })),
    accommodationGoals: db
      .select()
      .from(accommodationGoals)
      .orderBy(asc(accommodationGoals.accommodationId), asc(accommodationGoals.goalId))
      .all(),
    mentors: db
      .select()
      .from(mentors)
      .orderBy(asc(mentors.id))
      .all()
      .map((row) => ({
        ...row,
        interests: json(jsonColumns.mentors.interests, row.interests, 'a mentor'),
        availability: json(jsonColumns.mentors.availability, row.availability, 'a mentor'),
      })),
    mentorTraining: db.select().from(mentorTraining).orderBy(asc(mentorTraining.mentorId), asc(mentorTraining.module)).all(),
    mentorTimeOff: db.select().from(mentorTimeOff).orderBy(asc(mentorTimeOff.id)).all(),
    mentorRecognition: db.select().from(mentorRecognition).orderBy(asc(mentorRecognition.id)).all(),
    assignments: db.select().from(assignments).orderBy(asc(assignments.id)).all(),
    sessions: db.select().from(sessions).orderBy(asc(sessions.id)).all(),
    sessionMentors: db.select().from(sessionMentors).orderBy(asc(sessionMentors.sessionId), asc(sessionMentors.mentorId)).all(),
    sessionGoals: db.select().from(sessionGoals).orderBy(asc(sessionGoals.sessionId), asc(sessionGoals.goalId)).all(),
    observations: db
      .select()
      .from(observations)
      .orderBy(asc(observations.id))
      .all()
      .map((row) => ({ ...row, intervals: json(jsonColumns.observations.intervals, row.intervals, 'an observation') })),
    progressPoints: db.select().from(progressPoints).orderBy(asc(progressPoints.id)).all(),
    checkIns: db.select().from(checkIns).orderBy(asc(checkIns.id)).all(),
    progressReports: db
      .select()
      .from(progressReports)
      .orderBy(asc(progressReports.id))
      .all()
      .map((row) => ({ ...row, amendments: json(jsonColumns.progressReports.amendments, row.amendments, 'a progress report') })),
    matchStudentProfiles: db
      .select()
      .from(matchStudentProfiles)
      .orderBy(asc(matchStudentProfiles.studentId))
      .all()
      .map((row) => ({
        ...row,
        interests: json(jsonColumns.matchStudentProfiles.interests, row.interests, 'a matching profile'),
        communication: json(jsonColumns.matchStudentProfiles.communication, row.communication, 'a matching profile'),
      })),
    matchMentorProfiles: db
      .select()
      .from(matchMentorProfiles)
      .orderBy(asc(matchMentorProfiles.mentorId))
      .all()
      .map((row) => ({
        ...row,
        communication: json(jsonColumns.matchMentorProfiles.communication, row.communication, 'a matching profile'),
      })),
    matchAvoidPairs: db.select().from(matchAvoidPairs).orderBy(asc(matchAvoidPairs.id)).all(),
    matchRejections: db.select().from(matchRejections).orderBy(asc(matchRejections.mentorId), asc(matchRejections.accommodationId)).all(),
    matchKeptPairs: db.select().from(matchKeptPairs).orderBy(asc(matchKeptPairs.assignmentId)).all(),
    // A key slot names access to one vault: the file says which staff member started a meeting instead.
    meetings: db
      .select({ meeting: meetings, startedBy: staff.id })
      .from(meetings)
      .leftJoin(staff, eq(staff.slotId, meetings.startedBySlot))
      .orderBy(asc(meetings.id))
      .all()
      .map(({ meeting: { startedBySlot: _slot, ...row }, startedBy }) => ({ ...row, startedBy })),
    meetingAttendees: db.select().from(meetingAttendees).orderBy(asc(meetingAttendees.meetingId), asc(meetingAttendees.position)).all(),
    meetingProposals: db.select().from(meetingProposals).orderBy(asc(meetingProposals.id)).all(),
    // Key slots belong to one vault: which staff member holds one is not part of the data.
    staff: db
      .select()
      .from(staff)
      .orderBy(asc(staff.id))
      .all()
      .map(({ slotId: _slotId, ...row }) => row),
  };
  // Check our own output: a file this app cannot import again must not be written.
  const checked = ExportFile.safeParse(data);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue ? issue.path.map(String).join('.') : 'a record';
    throw new AppError('conflict', `The export stopped: ${where} does not fit the export format; nothing was written.`);
  }
  return checked.data;
}

/** Writes the export to `file` (refusing to overwrite) and records it in the audit trail. */
export function exportToFile(ctx: ServiceContext, file: string): ExportCounts {
  const data = ctx.db.transaction((tx) => buildExport(tx, ctx.now()));
  const counts = countsOf(data);
  writeNewPrivateFile(file, `${JSON.stringify(data, null, 2)}\n`);
  try {
    return change(ctx, () => ({
      result: counts,
      record: { action: 'export.json', entity: 'vault', entityId: 'export', detail: { ...counts } },
    }));
  } catch (error) {
    // An export the audit trail does not know about must not be left behind.
    rmSync(file, { force: true });
    throw error;
  }
}
