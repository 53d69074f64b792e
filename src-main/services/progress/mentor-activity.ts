/**
 * The mentor page's view of what a mentor has done: the latest sessions they were part of (held or
 * missed), how many there are in all, their service hours this school year and all time, and their
 * own workload and confidence ratings from check-ins over time. A fixed handful of queries whatever
 * the size of the record.
 */
import { and, asc, count, desc, eq, isNotNull, or } from 'drizzle-orm';
import { accommodations, checkIns, sessionMentors, sessions } from '../../../db/schema';
import { type MentorActivity, MissReason, type ParsedInputOf, PeerRole, SessionStatus } from '../../contract';
import { type ServiceContext, today } from '../context';
import { findMentorRow } from '../mentors/records';
import type { Queryable } from '../vault-db';
import { schoolYearOf, serviceHoursOf } from './service-hours';

function latestSessions(db: Queryable, mentorId: string, limit: number): MentorActivity['sessions'] {
  return db
    .select({ session: sessions, role: accommodations.role, settingClass: accommodations.settingClass })
    .from(sessionMentors)
    .innerJoin(sessions, eq(sessions.id, sessionMentors.sessionId))
    .innerJoin(accommodations, eq(accommodations.id, sessions.accommodationId))
    .where(eq(sessionMentors.mentorId, mentorId))
    .orderBy(desc(sessions.date), desc(sessions.createdAt), desc(sessions.id))
    .limit(limit)
    .all()
    .map(({ session, role, settingClass }) => ({
      id: session.id,
      date: session.date,
      status: SessionStatus.catch('held').parse(session.status),
      missReason: session.missReason === null ? null : MissReason.catch('other').parse(session.missReason),
      minutes: session.minutes,
      accommodationId: session.accommodationId,
      role: PeerRole.parse(role),
      settingClass,
    }));
}

function sessionCounts(db: Queryable, mentorId: string): MentorActivity['sessionCounts'] {
  const rows = db
    .select({ status: sessions.status, n: count() })
    .from(sessionMentors)
    .innerJoin(sessions, eq(sessions.id, sessionMentors.sessionId))
    .where(eq(sessionMentors.mentorId, mentorId))
    .groupBy(sessions.status)
    .all();
  const of = (status: string) => rows.find((row) => row.status === status)?.n ?? 0;
  return { held: of('held'), missed: of('missed') };
}

function ratingsOverTime(db: Queryable, mentorId: string): MentorActivity['ratings'] {
  return db
    .select({ checkInId: checkIns.id, date: checkIns.date, workload: checkIns.mentorWorkload, confidence: checkIns.mentorConfidence })
    .from(checkIns)
    .where(and(eq(checkIns.mentorId, mentorId), or(isNotNull(checkIns.mentorWorkload), isNotNull(checkIns.mentorConfidence))))
    .orderBy(asc(checkIns.date), asc(checkIns.createdAt), asc(checkIns.id))
    .all();
}

export function mentorActivity(ctx: ServiceContext, input: ParsedInputOf<'mentors.activity'>): MentorActivity {
  const { mentorId } = input;
  findMentorRow(ctx.db, mentorId);
  return {
    hours: { schoolYear: serviceHoursOf(ctx.db, mentorId, schoolYearOf(today(ctx))), allTime: serviceHoursOf(ctx.db, mentorId) },
    sessions: latestSessions(ctx.db, mentorId, input.sessionsLimit),
    sessionCounts: sessionCounts(ctx.db, mentorId),
    ratings: ratingsOverTime(ctx.db, mentorId),
  };
}
