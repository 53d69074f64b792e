/**
 * A small school for the matching service tests, in a real encrypted vault with the clock on
 * 2026-10-15. Math 7 (peer tutor, Mon/Wed P3) needs two mentors for Jordan; Science 7 (peer buddy,
 * Tue P5) needs one for Alex. Sam can do either; Ana is free only on Tuesdays; Lee's instructional
 * techniques training expired and he is a grade older. Synthetic only.
 */
import { count } from 'drizzle-orm';
import { assignments, auditEvents } from '../../db/schema';
import { insertProgram, mentorInput, openProgramVault, TODAY } from '../fixtures/program';

export { TODAY };

export async function school() {
  const app = await openProgramVault();
  const { db, call } = app;
  const jordan = insertProgram(db, {
    student: { firstName: 'Jordan', lastName: 'Example', grade: 7 },
    accommodation: {
      settingClass: 'Math 7',
      role: 'peer_tutor',
      mentorsNeeded: 2,
      slots: [
        { day: 'mon', period: 3 },
        { day: 'wed', period: 3 },
      ],
    },
  });
  const alex = insertProgram(db, {
    student: { firstName: 'Alex', lastName: 'Sample', grade: 7 },
    accommodation: { settingClass: 'Science 7', role: 'peer_buddy', slots: [{ day: 'tue', period: 5 }] },
  });
  const sam = await call('mentors.create', mentorInput({ firstName: 'Samuel', preferredName: 'Sam', lastName: 'Rivera' }));
  const ana = await call(
    'mentors.create',
    mentorInput({ firstName: 'Ana', preferredName: undefined, lastName: 'Lopez', loadCap: 1, availability: [{ day: 'tue', period: 5 }] }),
  );
  const lee = await call(
    'mentors.create',
    mentorInput({
      firstName: 'Lee',
      preferredName: undefined,
      lastName: 'Park',
      grade: 9,
      training: [
        { module: 'confidentiality', completedOn: '2026-09-05' },
        { module: 'sensitivity', completedOn: '2026-09-05' },
        { module: 'getting_an_adult', completedOn: '2026-09-05' },
        { module: 'fostering_independence', completedOn: '2026-09-05' },
        { module: 'instructional_techniques', completedOn: '2025-09-05', expiresOn: '2026-09-30' },
      ],
    }),
  );
  return { ...app, jordan, alex, sam, ana, lee };
}

export type School = Awaited<ReturnType<typeof school>>;

export function rows(app: Pick<School, 'db'>) {
  return {
    assignments: app.db.select({ n: count() }).from(assignments).get()?.n ?? 0,
    audit: app.db.select({ n: count() }).from(auditEvents).get()?.n ?? 0,
  };
}

export function auditActions(app: Pick<School, 'db'>): string[] {
  return app.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .all()
    .map((row) => row.action);
}
