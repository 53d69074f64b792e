import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { createPeerpath } from '../../src-main/api/app';
import { AppError, contract } from '../../src-main/contract';
import { seedDemoProgram } from '../../src-main/services/demo';
import { buildExport, exportToFile } from '../../src-main/services/exchange/export';
import { readJsonFile } from '../../src-main/services/exchange/file';
import { importExport } from '../../src-main/services/exchange/import';
import { staffIdForSlot } from '../../src-main/services/staff';
import type { VaultSession } from '../../src-main/services/vault-session';
import { freshVault, snapshot } from '../fixtures/csv/helpers';
import { studentInput } from '../fixtures/program-input';
import { unlockedApp } from '../fixtures/unlocked-app';
import { PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

const T = '2026-01-12T15:04:05.000Z';

/** One of everything, with nulls and non-nulls, written straight to the tables. Synthetic names. */
function seedProgram(session: VaultSession): void {
  const db = session.db();
  const me = session.context().actor.staffId;
  db.transaction((tx) => {
    tx.insert(schema.staff)
      .values([
        {
          id: 'staff-gened-01',
          name: 'Orla Vantongeren',
          role: 'general_education_teacher',
          email: 'orla@example.org',
          localId: 'T-77',
          createdAt: T,
        },
        { id: 'staff-para-0001', name: 'Idris Fenwick-Sato', role: 'paraprofessional', archivedAt: T, createdAt: T },
      ])
      .run();
    tx.insert(schema.students)
      .values([
        {
          id: 'student-0001',
          localId: '100234',
          firstName: 'José',
          lastName: 'Núñez',
          preferredName: 'Pepe',
          grade: 8,
          school: 'Lincoln Middle School, East Campus',
          dateOfBirth: '2012-03-09',
          caseManagerId: me,
          status: 'active',
          noLongerNeededAt: T,
          createdAt: T,
          updatedAt: T,
        },
        {
          id: 'student-0002',
          localId: 'deid-A1B2C3',
          firstName: 'Student',
          lastName: 'A1B2C3',
          grade: 0,
          school: 'Maple Elementary',
          status: 'deidentified',
          createdAt: T,
          updatedAt: T,
        },
        {
          id: 'student-0003',
          localId: '100240',
          firstName: 'Ama',
          lastName: 'Boateng',
          grade: 7,
          school: 'Lincoln Middle School',
          status: 'archived',
          archivedAt: T,
          createdAt: T,
          updatedAt: T,
        },
      ])
      .run();
    tx.insert(schema.guardians)
      .values([
        {
          id: 'guardian-001',
          studentId: 'student-0001',
          name: 'Rosa Núñez',
          relationship: 'mother',
          phone: '555-0100',
          email: 'rosa@example.org',
          preferredLanguage: 'es',
        },
        { id: 'guardian-002', studentId: 'student-0001', name: 'Luis Núñez', relationship: 'father', preferredLanguage: 'en' },
      ])
      .run();
    tx.insert(schema.plans)
      .values([
        {
          id: 'plan-0001',
          studentId: 'student-0001',
          type: 'iep',
          version: 1,
          startDate: '2025-09-01',
          endDate: '2026-08-31',
          annualReviewDue: '2026-08-31',
          reevaluationDue: '2027-09-01',
          caseManagerId: me,
          status: 'superseded',
          createdAt: T,
          updatedAt: T,
        },
        {
          id: 'plan-0002',
          studentId: 'student-0001',
          type: 'iep',
          version: 2,
          amendsId: 'plan-0001',
          startDate: '2025-11-01',
          endDate: '2026-08-31',
          annualReviewDue: '2026-08-31',
          status: 'active',
          createdAt: T,
          updatedAt: T,
        },
      ])
      .run();
    tx.insert(schema.planTeam)
      .values([
        { planId: 'plan-0002', staffId: 'staff-gened-01' },
        { planId: 'plan-0002', staffId: me ?? '' },
      ])
      .run();
    tx.insert(schema.goals)
      .values([
        {
          id: 'goal-0001',
          planId: 'plan-0002',
          area: 'reading',
          statement: 'Given a grade-level passage, José will answer comprehension questions with 80% accuracy.',
          measurement: 'percent',
          baseline: 45.5,
          target: 80,
          criterion: '80% in 4 of 5 consecutive probes',
          measuredEvery: 'weekly',
          reportingPeriods: JSON.stringify([{ label: 'Q1', endsOn: '2025-11-14' }]),
          endDate: '2026-06-12',
          objectives: JSON.stringify(['60% by January', '70% by March']),
          createdAt: T,
          updatedAt: T,
        },
        {
          id: 'goal-0002',
          planId: 'plan-0002',
          area: 'social_emotional',
          statement: 'During group work, the student will initiate 3 peer interactions per period.',
          measurement: 'rubric',
          baseline: 1,
          target: 3,
          scaleMax: 4,
          criterion: 'level 3 in 3 of 4 probes',
          measuredEvery: 'biweekly',
          endDate: '2026-06-12',
          createdAt: T,
          updatedAt: T,
        },
      ])
      .run();
    tx.insert(schema.accommodations)
      .values({
        id: 'accom-0001',
        planId: 'plan-0002',
        role: 'peer_tutor',
        settingClass: 'Math 7',
        slots: JSON.stringify([
          { day: 'mon', period: 3 },
          { day: 'wed', period: 3 },
        ]),
        sessionsPerWeek: 2,
        minutesPerSession: 20,
        startDate: '2025-11-03',
        endDate: '2026-06-12',
        notes: 'Sit near the window.',
        createdAt: T,
        updatedAt: T,
      })
      .run();
    tx.insert(schema.accommodationGoals)
      .values([
        { accommodationId: 'accom-0001', goalId: 'goal-0001' },
        { accommodationId: 'accom-0001', goalId: 'goal-0002' },
      ])
      .run();
    tx.insert(schema.mentors)
      .values([
        {
          id: 'mentor-0001',
          localId: '500101',
          firstName: 'Marisol',
          lastName: 'Quintero',
          grade: 8,
          school: 'Lincoln Middle School',
          consentGivenOn: '2025-09-02',
          guardianConsentGivenOn: '2025-09-03',
          loadCap: 2,
          interests: JSON.stringify(['soccer', 'drawing']),
          availability: JSON.stringify([{ day: 'mon', period: 3 }]),
          createdAt: T,
          updatedAt: T,
        },
        {
          id: 'mentor-0002',
          localId: '100240',
          firstName: 'Ama',
          lastName: 'Boateng',
          preferredName: 'Amy',
          grade: 7,
          school: 'Lincoln Middle School',
          consentGivenOn: '2025-09-02',
          consentWithdrawnOn: '2025-12-01',
          studentId: 'student-0003',
          archivedAt: T,
          createdAt: T,
          updatedAt: T,
        },
      ])
      .run();
    tx.insert(schema.mentorTraining)
      .values([
        { mentorId: 'mentor-0001', module: 'confidentiality', completedOn: '2025-09-10', expiresOn: '2026-09-10' },
        { mentorId: 'mentor-0001', module: 'instructional_techniques', completedOn: '2025-09-12' },
      ])
      .run();
    tx.insert(schema.mentorTimeOff)
      .values({ id: 'timeoff-001', mentorId: 'mentor-0001', startDate: '2025-12-15', endDate: '2026-01-05' })
      .run();
    tx.insert(schema.mentorRecognition)
      .values([
        { id: 'recog-00001', mentorId: 'mentor-0001', kind: 'service_hours', date: '2025-12-12', hours: 2.5, description: 'Fall tutoring' },
        {
          id: 'recog-00002',
          mentorId: 'mentor-0001',
          kind: 'letter',
          date: '2026-01-09',
          description: 'Letter for the high school application',
        },
      ])
      .run();
    tx.insert(schema.assignments)
      .values([
        { id: 'assign-0001', mentorId: 'mentor-0001', accommodationId: 'accom-0001', startDate: '2025-11-03', createdAt: T },
        {
          id: 'assign-0002',
          mentorId: 'mentor-0002',
          accommodationId: 'accom-0001',
          startDate: '2025-11-03',
          endDate: '2025-12-01',
          endReason: 'consent_withdrawn',
          createdAt: T,
        },
      ])
      .run();
    tx.insert(schema.sessions)
      .values([
        {
          id: 'session-0001',
          accommodationId: 'accom-0001',
          date: '2025-11-10',
          status: 'held',
          minutes: 20,
          note: 'Worked through fractions.',
          createdAt: T,
          updatedAt: T,
        },
        {
          id: 'session-0002',
          accommodationId: 'accom-0001',
          date: '2025-11-12',
          status: 'missed',
          missReason: 'mentor_absent',
          minutes: 0,
          createdAt: T,
          updatedAt: T,
        },
      ])
      .run();
    tx.insert(schema.sessionMentors)
      .values([
        { sessionId: 'session-0001', mentorId: 'mentor-0001' },
        { sessionId: 'session-0002', mentorId: 'mentor-0001' },
      ])
      .run();
    tx.insert(schema.sessionGoals).values({ sessionId: 'session-0001', goalId: 'goal-0001' }).run();
    tx.insert(schema.observations)
      .values({
        id: 'observe-0001',
        studentId: 'student-0001',
        date: '2025-11-13',
        intervalSeconds: 15,
        totalIntervals: 3,
        intervals: JSON.stringify([
          { engaged: true, initiated: false, responded: true, nearAdult: false },
          { engaged: null, initiated: null, responded: null, nearAdult: null },
          { engaged: false, initiated: false, responded: false, nearAdult: true },
        ]),
        peersCount: 2,
        setting: 'Science lab',
        observedBy: me,
        createdAt: T,
      })
      .run();
    tx.insert(schema.progressPoints)
      .values([
        {
          id: 'point-00001',
          goalId: 'goal-0001',
          date: '2025-11-10',
          value: 55.5,
          collectedBy: me,
          source: 'session',
          sessionId: 'session-0001',
          createdAt: T,
          updatedAt: T,
        },
        {
          id: 'point-00002',
          goalId: 'goal-0001',
          date: '2025-11-13',
          value: 50,
          setting: 'Science lab',
          source: 'observation',
          observationId: 'observe-0001',
          note: 'After a fire drill.',
          createdAt: T,
          updatedAt: T,
        },
      ])
      .run();
    tx.insert(schema.checkIns)
      .values({
        id: 'checkin-0001',
        accommodationId: 'accom-0001',
        date: '2025-11-14',
        whatsWorking: 'Short check-ins at the start.',
        whatsNot: null,
        belonging: 4,
        engagement: 3,
        mentorWorkload: 2,
        mentorConfidence: 5,
        nextSteps: 'Swap seats.',
        mentorId: 'mentor-0001',
        conductedBy: me,
        createdAt: T,
        updatedAt: T,
      })
      .run();
    tx.insert(schema.progressReports)
      .values({
        id: 'report-0001',
        goalId: 'goal-0001',
        periodLabel: 'Q1',
        periodEndsOn: '2025-11-14',
        codeSet: 'connecticut',
        code: 'limited',
        sufficient: false,
        insufficientReason: 'absences',
        narrative: 'José answered 7 of 10 questions on the last probe.',
        finalizedAt: T,
        amendments: JSON.stringify([{ at: T, note: 'Corrected the probe count.' }]),
        createdAt: T,
        updatedAt: T,
      })
      .run();
    tx.insert(schema.meetings)
      .values({
        id: 'meeting-0001',
        studentId: 'student-0001',
        planId: 'plan-0002',
        meetingDate: '2026-01-09',
        rangeFrom: '2025-11-01',
        rangeTo: '2026-01-09',
        language: 'es',
        startedBySlot: session.context().actor.slotId,
        startedAt: '2026-01-09T15:00:00.000Z',
        endedAt: '2026-01-09T16:00:00.000Z',
      })
      .run();
    tx.insert(schema.meetingAttendees)
      .values([
        { meetingId: 'meeting-0001', position: 0, name: 'Rosa Núñez', relation: 'mother' },
        { meetingId: 'meeting-0001', position: 1, name: 'Avery Quill', relation: 'case manager' },
      ])
      .run();
    tx.insert(schema.meetingProposals)
      .values([
        {
          id: 'proposal-0001',
          meetingId: 'meeting-0001',
          decision: 'accommodation_change',
          accommodationId: 'accom-0001',
          text: 'Three times a week.',
          createdAt: '2026-01-09T15:20:00.000Z',
          appliedAt: '2026-01-12T09:00:00.000Z',
          appliedBy: me,
        },
        {
          id: 'proposal-0002',
          meetingId: 'meeting-0001',
          decision: 'goal_keep',
          goalId: 'goal-0002',
          createdAt: '2026-01-09T15:30:00.000Z',
        },
      ])
      .run();
    tx.insert(schema.schoolCalendars)
      .values({
        id: 'calendar-0001',
        school: 'Riverside Middle School',
        year: '2025-2026',
        firstDay: '2025-08-27',
        lastDay: '2026-06-12',
        breaks: JSON.stringify([{ name: 'Winter break', from: '2025-12-22', to: '2026-01-02' }]),
        reportingPeriods: JSON.stringify([{ label: 'Q1', startsOn: '2025-08-27', endsOn: '2025-10-31' }]),
        createdAt: T,
        updatedAt: T,
      })
      .run();
  });
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

function withoutExportedAt(data: unknown): unknown {
  const { exportedAt: _exportedAt, ...rest } = data as Record<string, unknown>;
  return rest;
}

describe('JSON export and import', () => {
  it('round-trips: export → new vault → import → export again gives the same data', async () => {
    const source = await freshVault('Avery Quill');
    seedProgram(source);
    const root = tempDir();
    const first = join(root, 'first.json');
    const counts = exportToFile(source.context(), first);
    expect(counts).toEqual({
      staff: 3,
      students: 3,
      guardians: 2,
      plans: 2,
      planTeam: 2,
      goals: 2,
      accommodations: 1,
      accommodationGoals: 2,
      mentors: 2,
      mentorTraining: 2,
      mentorTimeOff: 1,
      mentorRecognition: 2,
      assignments: 2,
      sessions: 2,
      sessionMentors: 2,
      sessionGoals: 1,
      observations: 1,
      progressPoints: 2,
      checkIns: 1,
      progressReports: 1,
      matchStudentProfiles: 0,
      matchMentorProfiles: 0,
      matchAvoidPairs: 0,
      matchRejections: 0,
      matchKeptPairs: 0,
      meetings: 1,
      meetingAttendees: 2,
      meetingProposals: 2,
      schoolCalendars: 1,
    });
    expect(statSync(first).mode & 0o777).toBe(0o600);
    const exported = readJsonFile(first) as Record<string, unknown>;
    expect(Object.keys(exported)).toEqual([
      'format',
      'version',
      'exportedAt',
      'schemaVersion',
      'students',
      'guardians',
      'plans',
      'planTeam',
      'goals',
      'accommodations',
      'accommodationGoals',
      'mentors',
      'mentorTraining',
      'mentorTimeOff',
      'mentorRecognition',
      'assignments',
      'sessions',
      'sessionMentors',
      'sessionGoals',
      'observations',
      'progressPoints',
      'checkIns',
      'progressReports',
      'matchStudentProfiles',
      'matchMentorProfiles',
      'matchAvoidPairs',
      'matchRejections',
      'matchKeptPairs',
      'meetings',
      'meetingAttendees',
      'meetingProposals',
      'staff',
      'schoolCalendars',
    ]);
    // The calendar travels with its breaks and periods as real arrays.
    expect(exported.schoolCalendars).toEqual([
      expect.objectContaining({
        year: '2025-2026',
        breaks: [{ name: 'Winter break', from: '2025-12-22', to: '2026-01-02' }],
        reportingPeriods: [{ label: 'Q1', startsOn: '2025-08-27', endsOn: '2025-10-31' }],
      }),
    ]);
    // The key slot that started the meeting is exported as the staff member who holds it.
    expect(exported.meetings).toEqual([
      expect.objectContaining({ id: 'meeting-0001', startedBy: source.context().actor.staffId, endedAt: '2026-01-09T16:00:00.000Z' }),
    ]);
    expect(exported.meetingProposals).toEqual([
      expect.objectContaining({ accommodationId: 'accom-0001', goalId: null, appliedBy: source.context().actor.staffId }),
      expect.objectContaining({ decision: 'goal_keep', text: null, appliedAt: null, appliedBy: null }),
    ]);
    expect(exported.progressReports).toEqual([
      expect.objectContaining({ sufficient: false, amendments: [{ at: T, note: 'Corrected the probe count.' }] }),
    ]);
    expect((exported.observations as { intervals: unknown[] }[])[0]?.intervals[1]).toEqual({
      engaged: null,
      initiated: null,
      responded: null,
      nearAdult: null,
    });
    expect(JSON.stringify(exported)).not.toContain('slotId');

    const target = await freshVault('Avery Quill');
    const result = importExport(target.context(), exported);
    expect(result).toEqual({ counts, linkedStaff: 1 });
    const second = join(root, 'second.json');
    exportToFile(target.context(), second);
    expect(withoutExportedAt(readJsonFile(second))).toEqual(withoutExportedAt(exported));

    // The team member of the new vault now holds the imported record of the same person.
    const ctx = target.context();
    expect(staffIdForSlot(ctx.db, ctx.actor.slotId)).toBe(source.context().actor.staffId);
    expect(ctx.db.select({ slot: schema.meetings.startedBySlot }).from(schema.meetings).all()).toEqual([{ slot: ctx.actor.slotId }]);
    expect(snapshot(target).audit.ok).toBe(true);
  });

  it('round-trips a generated school program (every table, every role and measurement)', async () => {
    const source = await freshVault('Avery Quill');
    seedDemoProgram(source.db(), { students: 30, mentors: 15, weeks: 6, seed: 3 });
    const data = buildExport(source.db(), new Date());
    expect(data.students.length).toBe(30);
    expect(data.assignments.length).toBeGreaterThan(0);
    const target = await freshVault('Avery Quill');
    importExport(target.context(), data);
    expect(withoutExportedAt(buildExport(target.db(), new Date()))).toEqual(withoutExportedAt(data));
  });

  it('records the export and the import in the audit trail with counts only', async () => {
    const source = await freshVault();
    seedProgram(source);
    const file = join(tempDir(), 'export.json');
    exportToFile(source.context(), file);
    const target = await freshVault();
    importExport(target.context(), readJsonFile(file));
    const [exported] = source.db().select().from(schema.auditEvents).where(eq(schema.auditEvents.action, 'export.json')).all();
    const [imported] = target.db().select().from(schema.auditEvents).where(eq(schema.auditEvents.action, 'import.json')).all();
    expect(JSON.parse(exported?.detail ?? '{}')).toMatchObject({ students: 3, plans: 2, mentors: 2 });
    expect(JSON.parse(imported?.detail ?? '{}')).toMatchObject({ students: 3, plans: 2, mentors: 2, linkedStaff: 1 });
    for (const db of [source.db(), target.db()]) {
      const trail = JSON.stringify(db.select().from(schema.auditEvents).all());
      for (const secret of ['José', 'Núñez', '100234', file]) expect(trail).not.toContain(secret);
    }
  });

  it('never overwrites a file, and leaves the vault and the file as they were', async () => {
    const session = await freshVault();
    const file = join(tempDir(), 'taken.json');
    writeFileSync(file, 'keep me');
    const before = snapshot(session);
    expect(refusal(() => exportToFile(session.context(), file))).toMatchObject({
      code: 'conflict',
      message: 'That file already exists; Peerpath never overwrites a file. Choose a new name.',
    });
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    expect(snapshot(session)).toEqual(before);
    expect(refusal(() => exportToFile(session.context(), join(tempDir(), 'no', 'such', 'folder.json'))).code).toBe('not_found');
  });

  it('imports only into an empty vault', async () => {
    const source = await freshVault();
    seedProgram(source);
    const data = buildExport(source.db(), new Date());
    const before = snapshot(source);
    expect(refusal(() => importExport(source.context(), data))).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(
        /^A JSON export can only be imported into an empty vault, and this one already has students and mentors and plans and school calendars\./,
      ),
    });
    expect(snapshot(source)).toEqual(before);
  });

  it('refuses files that are not a valid export, naming the place and never a value; the vault is unchanged', async () => {
    const source = await freshVault();
    seedProgram(source);
    const good = buildExport(source.db(), new Date());
    const target = await freshVault();
    const before = snapshot(target);
    const cases: [unknown, RegExp][] = [
      [{ hello: 'world' }, /^That file is not a Peerpath export\.$/],
      [[1, 2, 3], /^That file is not a Peerpath export\.$/],
      [{ ...good, version: 2 }, /format version 2; this Peerpath reads version 1/],
      [{ ...good, schemaVersion: 999 }, /made by a newer Peerpath \(schema 999/],
      [
        { ...good, plans: [{ ...good.plans[0], studentId: 'student-9999' }, good.plans[1]] },
        /plans\[0\]\.studentId points to a student that is not in the file/,
      ],
      [
        { ...good, accommodationGoals: [...good.accommodationGoals, { accommodationId: 'accom-0001', goalId: 'goal-gone' }] },
        /accommodationGoals\[2\]\.goalId points to a goal/,
      ],
      [{ ...good, students: [...good.students, { ...good.students[0], id: 'student-0009' }] }, /students\[3\] repeats the student number/],
      [{ ...good, students: [{ ...good.students[0], grade: 'eighth' }] }, /students\.0\.grade: /],
      [{ ...good, mentors: [{ ...good.mentors[0], favouriteFood: 'Zebulon' }] }, /mentors\.0: Unrecognized key/],
      [
        { ...good, progressPoints: [{ ...good.progressPoints[0], sessionId: 'session-gone' }, good.progressPoints[1]] },
        /progressPoints\[0\]\.sessionId points to a session that is not in the file/,
      ],
      [
        { ...good, progressReports: [...good.progressReports, { ...good.progressReports[0], id: 'report-0002' }] },
        /progressReports\[1\] repeats the goal and reporting period of an earlier row/,
      ],
      [{ ...good, checkIns: [{ ...good.checkIns[0], belonging: 6 }] }, /checkIns\.0\.belonging: /],
      [
        { ...good, sessionMentors: [{ sessionId: 'session-0001', mentorId: 'mentor-gone' }] },
        /sessionMentors\[0\]\.mentorId points to a mentor/,
      ],
      [
        { ...good, meetingProposals: [good.meetingProposals[0], { ...good.meetingProposals[1], meetingId: 'meeting-gone' }] },
        /meetingProposals\[1\]\.meetingId points to a meeting that is not in the file/,
      ],
      [
        { ...good, meetingAttendees: [...good.meetingAttendees, { ...good.meetingAttendees[0], name: 'Zebulon' }] },
        /meetingAttendees\[2\] repeats the meeting and position of an earlier row/,
      ],
      [{ ...good, meetings: [{ ...good.meetings[0], startedBy: 'staff-gone' }] }, /meetings\[0\]\.startedBy points to a staff member/],
      [{ ...good, meetingProposals: [{ ...good.meetingProposals[0], decision: 'postpone' }] }, /meetingProposals\.0\.decision: /],
      [
        { ...good, schoolCalendars: [{ ...good.schoolCalendars[0], lastDay: '2025-08-01' }] },
        /schoolCalendars\[0\]: its last day is not after its first day/,
      ],
      [
        { ...good, schoolCalendars: [...good.schoolCalendars, { ...good.schoolCalendars[0], id: 'calendar-0002' }] },
        /schoolCalendars\[1\] repeats the school and year of an earlier row/,
      ],
    ];
    for (const [data, message] of cases) {
      const error = refusal(() => importExport(target.context(), data));
      expect({ code: error.code, message: error.message }).toEqual({ code: 'invalid_input', message: expect.stringMatching(message) });
      for (const value of ['Zebulon', 'eighth', 'José']) expect(error.message).not.toContain(value);
      expect(snapshot(target)).toEqual(before);
    }
    const notJson = join(tempDir(), 'notes.json');
    writeFileSync(notJson, 'Student ID,First Name\n');
    expect(refusal(() => readJsonFile(notJson))).toMatchObject({
      code: 'invalid_input',
      message: 'That file is not a Peerpath export: it is not valid JSON.',
    });
    expect(refusal(() => readJsonFile(join(tempDir(), 'missing.json')))).toMatchObject({ code: 'not_found' });
  });

  it('imports a file written before sessions and progress existed (no such arrays) as having none', async () => {
    const source = await freshVault('Avery Quill');
    seedProgram(source);
    const data = buildExport(source.db(), new Date()) as unknown as Record<string, unknown>;
    const later = [
      'sessions',
      'sessionMentors',
      'sessionGoals',
      'observations',
      'progressPoints',
      'checkIns',
      'progressReports',
      'meetings',
      'meetingAttendees',
      'meetingProposals',
    ];
    const older = Object.fromEntries(Object.entries(data).filter(([key]) => !later.includes(key)));
    // Nor did goals and accommodations know their earlier versions.
    const unlinked = (rows: unknown) => (rows as Record<string, unknown>[]).map(({ amendsId: _amendsId, ...row }) => row);
    const target = await freshVault('Avery Quill');
    const { counts } = importExport(target.context(), {
      ...older,
      goals: unlinked(older.goals),
      accommodations: unlinked(older.accommodations),
      schemaVersion: 2,
    });
    expect(counts).toMatchObject({ students: 3, plans: 2, sessions: 0, progressPoints: 0, progressReports: 0, meetings: 0 });
    const imported = buildExport(target.db(), new Date());
    expect(imported).toMatchObject({ sessions: [], observations: [], checkIns: [], meetings: [], meetingProposals: [] });
    expect(imported.goals.length).toBeGreaterThan(0);
    expect(imported.goals.every((goal) => goal.amendsId === null)).toBe(true);
  });

  it('keeps the new vault’s own team member when nobody in the file has the same name and role', async () => {
    const source = await freshVault('Avery Quill');
    seedProgram(source);
    const target = await freshVault('Blair Ondine');
    expect(importExport(target.context(), buildExport(source.db(), new Date())).linkedStaff).toBe(0);
    const names = target
      .db()
      .select({ name: schema.staff.name })
      .from(schema.staff)
      .all()
      .map((s) => s.name)
      .sort();
    expect(names).toEqual(['Avery Quill', 'Blair Ondine', 'Idris Fenwick-Sato', 'Orla Vantongeren']);
  });
});

describe('export for the app', () => {
  it("is written only where this session's save dialog said, new and user-only, and recorded in the audit trail", async () => {
    const folder = tempDir();
    const dialogAnswers: (string | null)[] = [];
    const app = await unlockedApp();
    const withDialogs = createPeerpath({
      dir: app.dir,
      kdfCost: TEST_KDF,
      dialogs: {
        chooseSavePath: async ({ suggestedName }) => dialogAnswers.shift() ?? join(folder, suggestedName),
        chooseFolder: async () => null,
      },
    });
    app.session.lock('user');
    await withDialogs.session.unlock(PASSPHRASE);
    const call = async (channel: string, input: unknown) => {
      const result = await withDialogs.dispatch(channel, input);
      if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
      return result.value as Record<string, unknown>;
    };
    await call('students.create', studentInput());

    // A path the dialog never gave is refused, and nothing is written there.
    const elsewhere = join(folder, 'elsewhere.json');
    await expect(call('exchange.save', { path: elsewhere })).rejects.toMatchObject({ code: 'forbidden' });
    expect(existsSync(elsewhere)).toBe(false);
    // A PDF's save dialog does not open the way for the export.
    const pdf = (await call('files.chooseSavePath', { title: 'Save', suggestedName: 'x.json', filter: 'pdf' })).path as string;
    await expect(call('exchange.save', { path: pdf })).rejects.toMatchObject({ code: 'forbidden' });

    const { path } = await call('files.chooseSavePath', { title: 'Save', suggestedName: 'everything.json', filter: 'json' });
    const saved = await call('exchange.save', { path });
    expect(saved).toMatchObject({ path, counts: expect.objectContaining({ students: 1 }) });
    expect(statSync(path as string).mode & 0o777).toBe(0o600);
    expect(readJsonFile(path as string)).toMatchObject({
      format: 'peerpath-export',
      students: [expect.objectContaining({ firstName: 'Zebulon' })],
    });
    // One choice, one file: the same path cannot be written twice.
    await expect(call('exchange.save', { path })).rejects.toMatchObject({ code: 'forbidden' });
    // A chosen path that already holds a file is never overwritten.
    writeFileSync(join(folder, 'taken.json'), 'mine');
    dialogAnswers.push(join(folder, 'taken.json'));
    const taken = await call('files.chooseSavePath', { title: 'Save', suggestedName: 'x.json', filter: 'json' });
    await expect(call('exchange.save', { path: taken.path })).rejects.toMatchObject({ code: 'conflict' });
    expect(readFileSync(join(folder, 'taken.json'), 'utf8')).toBe('mine');
    const events = (await call('audit.list', { action: 'export.json' })) as unknown as { fields: string[] }[];
    expect(events).toHaveLength(1);
    withDialogs.session.lock('user');
  });

  it('answers no page with the records: there is no channel that hands the export to the renderer', () => {
    expect(Object.keys(contract).filter((channel) => channel.startsWith('exchange.'))).toEqual([
      'exchange.save',
      'exchange.exportFile',
      'exchange.importFile',
    ]);
  });
});
