/**
 * The rejections the team has made (decisions.ts records and takes them back), listed with the
 * names staff know, so one made in an earlier run can still be taken back.
 */
import { desc, eq } from 'drizzle-orm';
import { accommodations, matchRejections, mentors, plans, students } from '../../../db/schema';
import type { Rejection } from '../../contract/matching';
import type { PeerRole } from '../../contract/plans';
import type { ServiceContext } from '../context';
import { displayName } from '../students/students';

export function listRejections(ctx: ServiceContext): Rejection[] {
  return ctx.db
    .select({
      mentorId: matchRejections.mentorId,
      mentor: { firstName: mentors.firstName, preferredName: mentors.preferredName, lastName: mentors.lastName },
      accommodationId: matchRejections.accommodationId,
      studentId: students.id,
      student: { firstName: students.firstName, preferredName: students.preferredName, lastName: students.lastName },
      role: accommodations.role,
      settingClass: accommodations.settingClass,
      rejectedOn: matchRejections.rejectedOn,
    })
    .from(matchRejections)
    .innerJoin(mentors, eq(mentors.id, matchRejections.mentorId))
    .innerJoin(accommodations, eq(accommodations.id, matchRejections.accommodationId))
    .innerJoin(plans, eq(plans.id, accommodations.planId))
    .innerJoin(students, eq(students.id, plans.studentId))
    .orderBy(desc(matchRejections.rejectedOn), desc(matchRejections.accommodationId), desc(matchRejections.mentorId))
    .all()
    .map((row) => ({
      mentorId: row.mentorId,
      mentorName: displayName(row.mentor),
      accommodationId: row.accommodationId,
      studentId: row.studentId,
      studentName: displayName(row.student),
      // The column only ever holds a PeerRole: the contract validated it on the way in.
      role: row.role as PeerRole,
      settingClass: row.settingClass,
      rejectedOn: row.rejectedOn,
    }));
}
