/**
 * What matching knows about a person beyond the roster: a student's interests and preferred ways
 * of communicating, a mentor's ways of communicating (a mentor's interests are on the mentor
 * record). Missing profiles read as empty: the soft scores then neither help nor hurt anyone.
 */
import { eq } from 'drizzle-orm';
import { matchMentorProfiles, matchStudentProfiles, students } from '../../../db/schema';
import { CommunicationMode, type MatchProfile } from '../../contract/matching';
import { change, notFound, parseJsonColumn, type ServiceContext } from '../context';
import { findMentorRow } from '../mentors/records';
import type { Queryable } from '../vault-db';

type ProfileInput =
  | { kind: 'student'; id: string; interests: string[]; communication: CommunicationMode[] }
  | { kind: 'mentor'; id: string; communication: CommunicationMode[] };

/** A JSON list of words; anything else in it is left out. */
export function wordsColumn(text: string | null): string[] {
  return parseJsonColumn<unknown[]>(text, []).filter((entry): entry is string => typeof entry === 'string');
}

/** A JSON list of communication modes; modes this version does not know are left out. */
export function modesColumn(text: string | null): CommunicationMode[] {
  return wordsColumn(text).flatMap((entry) => {
    const mode = CommunicationMode.safeParse(entry);
    return mode.success ? [mode.data] : [];
  });
}

function readProfile(db: Queryable, input: { kind: 'student' | 'mentor'; id: string }): MatchProfile {
  if (input.kind === 'mentor') {
    const mentor = findMentorRow(db, input.id);
    const row = db.select().from(matchMentorProfiles).where(eq(matchMentorProfiles.mentorId, input.id)).get();
    return {
      kind: 'mentor',
      id: input.id,
      interests: wordsColumn(mentor.interests),
      communication: modesColumn(row?.communication ?? null),
    };
  }
  if (!db.select({ id: students.id }).from(students).where(eq(students.id, input.id)).get()) throw notFound('student');
  const row = db.select().from(matchStudentProfiles).where(eq(matchStudentProfiles.studentId, input.id)).get();
  return {
    kind: 'student',
    id: input.id,
    interests: wordsColumn(row?.interests ?? null),
    communication: modesColumn(row?.communication ?? null),
  };
}

export function getProfile(ctx: ServiceContext, input: { kind: 'student' | 'mentor'; id: string }): MatchProfile {
  return readProfile(ctx.db, input);
}

export function setProfile(ctx: ServiceContext, input: ProfileInput): MatchProfile {
  return change(ctx, (tx) => {
    readProfile(tx, input);
    const updatedAt = ctx.now().toISOString();
    const communication = JSON.stringify([...new Set(input.communication)]);
    if (input.kind === 'student') {
      const interests = JSON.stringify(input.interests);
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
