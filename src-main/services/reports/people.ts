/**
 * Who a parent document (parent report, meeting room, the family's meeting summary) is drawn
 * around: the peers it must not name (every mentor, every other student; gather.ts
 * `protectedIdentities`), the people it may name (the student's guardians and the staff — meeting
 * attendees are added by the meeting's own code), and how many mentors of the student's school
 * serve in each role from each grade, so a peer's description can stay in a crowd
 * (reports/redact.ts `peerDescriptor`).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { accommodations, assignments, guardians, mentors, staff, students } from '../../../db/schema';
import type { PeerRole } from '../../contract';
import type { MentorCrowd, RedactionPeople } from '../../reports/model';
import type { ServiceContext } from '../context';
import type { Queryable } from '../vault-db';
import { protectedIdentities } from './gather';

/** Mentors of `school` still on the roster, counted once per role they have served in and their grade. */
export function mentorCrowds(db: Queryable, school: string): MentorCrowd[] {
  const served = db
    .selectDistinct({ mentorId: mentors.id, role: accommodations.role, grade: mentors.grade })
    .from(assignments)
    .innerJoin(mentors, eq(mentors.id, assignments.mentorId))
    .innerJoin(accommodations, eq(accommodations.id, assignments.accommodationId))
    .where(and(eq(mentors.school, school), isNull(mentors.archivedAt)))
    .all();
  const counts = new Map<string, MentorCrowd>();
  for (const { role, grade } of served) {
    const key = `${role}|${grade}`;
    const crowd = counts.get(key) ?? { role: role as PeerRole, grade, mentors: 0 };
    crowd.mentors += 1;
    counts.set(key, crowd);
  }
  return [...counts.values()];
}

export function redactionPeople(ctx: ServiceContext, studentId: string): RedactionPeople {
  const school = ctx.db.select({ school: students.school }).from(students).where(eq(students.id, studentId)).get()?.school ?? '';
  const family = ctx.db.select({ name: guardians.name }).from(guardians).where(eq(guardians.studentId, studentId)).all();
  const team = ctx.db.select({ name: staff.name }).from(staff).all();
  return {
    peers: protectedIdentities(ctx, studentId),
    named: [...family, ...team].map(({ name }) => name),
    crowds: mentorCrowds(ctx.db, school),
  };
}

/** A meeting's attendees may be named in what the meeting shows and leaves on paper. */
export function withAttendees(people: RedactionPeople, attendees: readonly { name: string }[]): RedactionPeople {
  return { ...people, named: [...people.named, ...attendees.map(({ name }) => name)] };
}
