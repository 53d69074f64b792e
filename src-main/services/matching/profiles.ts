/**
 * What matching knows about a person beyond the roster: a student's interests and preferred ways
 * of communicating, a mentor's ways of communicating (a mentor's interests are on the mentor
 * record). Missing profiles read as empty: the soft scores then neither help nor hurt anyone.
 */
import { eq } from 'drizzle-orm';
import { matchMentorProfiles, matchStudentProfiles, students } from '../../../db/schema';
import type { CommunicationMode, MatchProfile } from '../../contract/matching';
import { change, notFound, type ServiceContext } from '../context';
import { jsonColumns } from '../json-columns';
import { findMentorRow } from '../mentors/records';
import type { Queryable } from '../vault-db';

type ProfileInput =
  | { kind: 'student'; id: string; interests: string[]; communication: CommunicationMode[] }
  | { kind: 'mentor'; id: string; communication: CommunicationMode[] };

function readProfile(db: Queryable, input: { kind: 'student' | 'mentor'; id: string }): MatchProfile {
  if (input.kind === 'mentor') {
    const mentor = findMentorRow(db, input.id);
    const row = db.select().from(matchMentorProfiles).where(eq(matchMentorProfiles.mentorId, input.id)).get();
    return {
      kind: 'mentor',
      id: input.id,
      interests: jsonColumns.mentors.interests.read(mentor.interests),
      communication: jsonColumns.matchMentorProfiles.communication.read(row?.communication ?? null),
    };
  }
  if (!db.select({ id: students.id }).from(students).where(eq(students.id, input.id)).get()) throw notFound('student');
  const row = db.select().from(matchStudentProfiles).where(eq(matchStudentProfiles.studentId, input.id)).get();
  return {
    kind: 'student',
    id: input.id,
    interests: jsonColumns.matchStudentProfiles.interests.read(row?.interests ?? null),
    communication: jsonColumns.matchStudentProfiles.communication.read(row?.communication ?? null),
  };
}

export function getProfile(ctx: ServiceContext, input: { kind: 'student' | 'mentor'; id: string }): MatchProfile {
  return readProfile(ctx.db, input);
}

export function setProfile(ctx: ServiceContext, input: ProfileInput): MatchProfile {
  return change(ctx, (tx) => {
    readProfile(tx, input);
    const updatedAt = ctx.now().toISOString();
    const communication = jsonColumns.matchStudentProfiles.communication.write([...new Set(input.communication)]);
    if (input.kind === 'student') {
      const interests = jsonColumns.matchStudentProfiles.interests.write(input.interests);
      tx.insert(matchStudentProfiles)
        .values({ studentId: input.id, interests, communication, updatedAt })
        .onConflictDoUpdate({ target: matchStudentProfiles.studentId, set: { interests, communication, updatedAt } })
        .run();
    } else {
      tx.insert(matchMentorProfiles)
        .values({ mentorId: input.id, communication, updatedAt })
        .onConflictDoUpdate({ target: matchMentorProfiles.mentorId, set: { communication, updatedAt } })
        .run();
    }
    return {
      result: readProfile(tx, input),
      record: {
        action: 'matching.profile_updated',
        entity: input.kind,
        entityId: input.id,
        fields: input.kind === 'student' ? ['interests', 'communication'] : ['communication'],
      },
    };
  });
}
