import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { assignments, auditEvents, mentors } from '../../db/schema';
import { AppError } from '../../src-main/contract';
import { verifyAuditChain } from '../../src-main/services/audit';
import type { ServiceContext } from '../../src-main/services/context';
import { createAssignment, endAssignment, listAssignmentsForMentor } from '../../src-main/services/mentors/assignments';
import { addRecognition, addTimeOff, withdrawConsent } from '../../src-main/services/mentors/lifecycle';
import { archiveMentor, createMentor, getMentor, listMentors, restoreMentor, updateMentor } from '../../src-main/services/mentors/mentors';
import { insertAccommodation, insertPlan, insertProgram, insertStudent, mentorInput, openProgramVault, TODAY } from '../fixtures/program';

function auditCount(ctx: ServiceContext): number {
  return ctx.db.select({ n: count() }).from(auditEvents).get()?.n ?? 0;
}

function expectAppError(run: () => unknown, code: string, message?: RegExp | string): AppError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  const error = caught as AppError;
  expect(error.code).toBe(code);
  if (typeof message === 'string') expect(error.message).toBe(message);
  else if (message) expect(error.message).toMatch(message);
  return error;
}

describe('mentor records', () => {
  it('creates a mentor and reads back exactly what was entered', async () => {
    const { ctx } = await openProgramVault();
    const input = mentorInput({ localId: 'M-1001', interests: ['chess', 'chess', 'robotics'] });
    const created = createMentor(ctx, input);
    expect(created).toEqual({
      id: expect.any(String),
      localId: 'M-1001',
      firstName: 'Samuel',
      lastName: 'Rivera',
      preferredName: 'Sam',
      grade: 8,
      school: 'Lakeside Middle School',
      consentGivenOn: '2026-09-01',
      consentWithdrawnOn: null,
      guardianConsentGivenOn: '2026-09-02',
      guardianConsentWithdrawnOn: null,
      loadCap: 2,
      interests: ['chess', 'robotics'],
      availability: input.availability,
      training: input.training,
      studentId: null,
      timeOff: [],
      recognition: [],
      archived: false,
      activeAssignments: 0,
    });
    expect(getMentor(ctx, { id: created.id })).toEqual(created);
  });

  it('uses defaults for what the form leaves out', async () => {
    const { ctx } = await openProgramVault();
    const created = createMentor(
      ctx,
      mentorInput({ loadCap: undefined, interests: undefined, training: undefined, preferredName: undefined }),
    );
    expect(created).toMatchObject({ loadCap: 1, interests: [], training: [], preferredName: null });
  });

  it('refuses a duplicate student number in plain words, writing nothing', async () => {
    const { ctx } = await openProgramVault();
    createMentor(ctx, mentorInput({ localId: 'M-2000' }));
    const before = auditCount(ctx);
    expectAppError(
      () => createMentor(ctx, mentorInput({ localId: 'M-2000', firstName: 'Other' })),
      'conflict',
      'Another mentor already has that student number. Check the number, or find that mentor.',
    );
    expect(listMentors(ctx, { includeArchived: true })).toHaveLength(1);
    expect(auditCount(ctx)).toBe(before);
  });

  it('refuses the same training module twice, an expiry before completion, and a student record that does not exist', async () => {
    const { ctx } = await openProgramVault();
    expectAppError(
      () =>
        createMentor(
          ctx,
          mentorInput({
            training: [
              { module: 'confidentiality', completedOn: '2026-09-01' },
              { module: 'confidentiality', completedOn: '2026-09-02' },
            ],
          }),
        ),
      'invalid_input',
      "The training 'confidentiality' is listed twice; keep one entry.",
    );
    expectAppError(
      () => createMentor(ctx, mentorInput({ training: [{ module: 'sensitivity', completedOn: '2026-09-01', expiresOn: '2026-09-01' }] })),
      'invalid_input',
      "The training 'sensitivity and respect' must expire after the day it was completed.",
    );
    expectAppError(() => createMentor(ctx, mentorInput({ studentId: 'student-missing' })), 'not_found');
    expect(listMentors(ctx, { includeArchived: true })).toEqual([]);
  });

  it('lists by last name and finds mentors by name, preferred name or student number', async () => {
    const { ctx } = await openProgramVault();
    createMentor(ctx, mentorInput({ localId: 'M-3001', firstName: 'Samuel', lastName: 'Rivera', preferredName: 'Sam' }));
    createMentor(ctx, mentorInput({ localId: 'M-3002', firstName: 'Ana', lastName: 'Bello', preferredName: undefined }));
    createMentor(ctx, mentorInput({ localId: 'X-9', firstName: 'Kwame', lastName: 'Asante', preferredName: undefined }));
    const names = (query?: string) => listMentors(ctx, { query, includeArchived: false }).map((m) => m.firstName);
    expect(names()).toEqual(['Kwame', 'Ana', 'Samuel']);
    expect(names('riv')).toEqual(['Samuel']);
    expect(names('SAM')).toEqual(['Samuel']);
    expect(names('rivera sam')).toEqual(['Samuel']);
    expect(names('M-300')).toEqual(['Ana', 'Samuel']);
    expect(names('x-9')).toEqual(['Kwame']);
    expect(names('%')).toEqual([]);
    expect(names('_')).toEqual([]);
    expect(names('ana rivera')).toEqual([]);
  });

  it('changes only what is sent; lists replace the old list; null clears the preferred name', async () => {
    const { ctx } = await openProgramVault();
    const created = createMentor(ctx, mentorInput());
    const updated = updateMentor(ctx, { id: created.id, changes: { grade: 9, interests: ['art'] } });
    expect(updated).toEqual({ ...created, grade: 9, interests: ['art'] });
    const renamed = updateMentor(ctx, {
      id: created.id,
      changes: { preferredName: null, training: [{ module: 'confidentiality', completedOn: '2026-10-01' }] },
    });
    expect(renamed).toEqual({ ...updated, preferredName: null, training: [{ module: 'confidentiality', completedOn: '2026-10-01' }] });
    expect(updateMentor(ctx, { id: created.id, changes: {} })).toEqual(renamed);
  });

  it('refuses to take another mentor’s student number on update', async () => {
    const { ctx } = await openProgramVault();
    createMentor(ctx, mentorInput({ localId: 'M-4001' }));
    const other = createMentor(ctx, mentorInput({ localId: 'M-4002' }));
    expectAppError(() => updateMentor(ctx, { id: other.id, changes: { localId: 'M-4001' } }), 'conflict');
    expect(updateMentor(ctx, { id: other.id, changes: { localId: 'M-4002' } }).localId).toBe('M-4002');
  });

  it('archives: hidden from the list unless asked, refused while an assignment runs', async () => {
    const { ctx, db } = await openProgramVault();
    const mentor = createMentor(ctx, mentorInput());
    const { accommodationId } = insertProgram(db);
    const assignment = createAssignment(ctx, { mentorId: mentor.id, accommodationId, startDate: TODAY });
    expectAppError(
      () => archiveMentor(ctx, { id: mentor.id }),
      'conflict',
      'End their current assignment before archiving this mentor, so no student loses support unnoticed.',
    );
    endAssignment(ctx, { id: assignment.id, endDate: TODAY, reason: 'finished' });
    const archived = archiveMentor(ctx, { id: mentor.id });
    expect(archived).toMatchObject({ archived: true, activeAssignments: 0 });
    expect(listMentors(ctx, { includeArchived: false })).toEqual([]);
    expect(listMentors(ctx, { includeArchived: true })).toEqual([archived]);
    expect(archiveMentor(ctx, { id: mentor.id })).toEqual(archived);
    expect(restoreMentor(ctx, { id: mentor.id })).toMatchObject({ archived: false });
    expect(listMentors(ctx, { includeArchived: false }).map((m) => m.id)).toEqual([mentor.id]);
  });

  it('assignments name their mentor', async () => {
    const { ctx, db } = await openProgramVault();
    const mentor = createMentor(ctx, mentorInput());
    const { accommodationId } = insertProgram(db);
    expect(createAssignment(ctx, { mentorId: mentor.id, accommodationId, startDate: TODAY })).toMatchObject({ mentorName: 'Sam Rivera' });
  });

  it('unknown ids are not_found', async () => {
    const { ctx } = await openProgramVault();
    expectAppError(() => getMentor(ctx, { id: 'mentor-missing' }), 'not_found', 'That mentor does not exist (it may have been purged).');
    expectAppError(() => updateMentor(ctx, { id: 'mentor-missing', changes: { grade: 7 } }), 'not_found');
    expectAppError(() => withdrawConsent(ctx, { id: 'mentor-missing', who: 'mentor', on: TODAY }), 'not_found');
  });
});

describe('withdrawing consent', () => {
  async function mentorWithAssignments() {
    const opened = await openProgramVault();
    const { ctx, db } = opened;
    const mentor = createMentor(ctx, mentorInput({ loadCap: 3 }));
    const student = insertStudent(db);
    const plan = insertPlan(db, { studentId: student });
    const math = insertAccommodation(db, { planId: plan, settingClass: 'Math 7' });
    const science = insertAccommodation(db, { planId: plan, settingClass: 'Science 7', slots: [{ day: 'tue', period: 5 }] });
    const art = insertAccommodation(db, { planId: plan, settingClass: 'Art 7', slots: [{ day: 'wed', period: 3 }] });
    const finished = createAssignment(ctx, { mentorId: mentor.id, accommodationId: art, startDate: '2026-09-10' });
    endAssignment(ctx, { id: finished.id, endDate: '2026-10-01', reason: 'finished' });
    const running = createAssignment(ctx, { mentorId: mentor.id, accommodationId: math, startDate: '2026-09-15' });
    const upcoming = createAssignment(ctx, { mentorId: mentor.id, accommodationId: science, startDate: '2026-11-02' });
    return { ...opened, mentor, finished, running, upcoming };
  }

  it('ends every running assignment that day, in the same change, and says how many', async () => {
    const { ctx, mentor, finished, running, upcoming } = await mentorWithAssignments();
    expect(getMentor(ctx, { id: mentor.id }).activeAssignments).toBe(2);
    const result = withdrawConsent(ctx, { id: mentor.id, who: 'mentor', on: TODAY });
    expect(result.endedAssignments).toBe(2);
    expect(result.mentor).toMatchObject({ consentWithdrawnOn: TODAY, guardianConsentWithdrawnOn: null, activeAssignments: 0 });
    const byId = new Map(listAssignmentsForMentor(ctx, { mentorId: mentor.id }).map((a) => [a.id, a]));
    expect(byId.get(running.id)).toMatchObject({ endDate: TODAY, endReason: 'consent_withdrawn', active: false });
    // It had not started: it ends on its start date, never before it.
    expect(byId.get(upcoming.id)).toMatchObject({ endDate: '2026-11-02', endReason: 'consent_withdrawn', active: false });
    expect(byId.get(finished.id)).toMatchObject({ endDate: '2026-10-01', endReason: 'finished' });
  });

  it('a guardian withdrawal does the same and records which consent', async () => {
    const { ctx, db, mentor, running } = await mentorWithAssignments();
    const result = withdrawConsent(ctx, { id: mentor.id, who: 'guardian', on: '2026-10-14' });
    expect(result).toMatchObject({ endedAssignments: 2, mentor: { consentWithdrawnOn: null, guardianConsentWithdrawnOn: '2026-10-14' } });
    const events = db.select().from(auditEvents).where(eq(auditEvents.entityId, running.id)).all();
    expect(events.map((e) => [e.action, e.fields])).toEqual([
      ['assignment.created', '["mentorId","accommodationId","startDate"]'],
      ['assignment.ended', '["endDate","endReason"]'],
    ]);
    const mentorEvent = db.select().from(auditEvents).where(eq(auditEvents.action, 'mentor.consent_withdrawn')).get();
    expect(mentorEvent).toMatchObject({ entity: 'mentor', entityId: mentor.id, fields: '["guardianConsentWithdrawnOn"]' });
    expect(JSON.parse(mentorEvent?.detail ?? '{}')).toEqual({ who: 'guardian', endedAssignments: 2 });
  });

  it('refuses a second withdrawal and one dated before consent was given; nothing changes', async () => {
    const { ctx, db, mentor } = await mentorWithAssignments();
    expectAppError(
      () => withdrawConsent(ctx, { id: mentor.id, who: 'mentor', on: '2026-08-01' }),
      'invalid_input',
      'The mentor’s consent was given on 2026-09-01; it cannot be withdrawn before that day.',
    );
    expect(db.select({ n: count() }).from(assignments).where(eq(assignments.endReason, 'consent_withdrawn')).get()?.n).toBe(0);
    withdrawConsent(ctx, { id: mentor.id, who: 'mentor', on: TODAY });
    expectAppError(
      () => withdrawConsent(ctx, { id: mentor.id, who: 'mentor', on: TODAY }),
      'conflict',
      `The mentor’s consent was already withdrawn on ${TODAY}.`,
    );
  });

  it('consent given again replaces the withdrawal', async () => {
    const { ctx, mentor } = await mentorWithAssignments();
    withdrawConsent(ctx, { id: mentor.id, who: 'mentor', on: '2026-10-02' });
    const again = updateMentor(ctx, { id: mentor.id, changes: { consentGivenOn: '2026-10-10' } });
    expect(again).toMatchObject({ consentGivenOn: '2026-10-10', consentWithdrawnOn: null });
  });
});

describe('time off and recognition', () => {
  it('adds time off; refuses one that ends before it starts', async () => {
    const { ctx } = await openProgramVault();
    const mentor = createMentor(ctx, mentorInput());
    expectAppError(
      () => addTimeOff(ctx, { id: mentor.id, timeOff: { startDate: '2026-12-01', endDate: '2026-11-20' } }),
      'invalid_input',
      'Time off must end on or after the day it starts.',
    );
    const later = addTimeOff(ctx, { id: mentor.id, timeOff: { startDate: '2027-01-05', endDate: '2027-01-09' } });
    const withBoth = addTimeOff(ctx, { id: mentor.id, timeOff: { startDate: '2026-11-20', endDate: '2026-12-01' } });
    expect(later.timeOff).toEqual([{ id: expect.any(String), startDate: '2027-01-05', endDate: '2027-01-09' }]);
    expect(withBoth.timeOff.map((t) => t.startDate)).toEqual(['2026-11-20', '2027-01-05']);
  });

  it('adds recognition; service hours need a number of hours', async () => {
    const { ctx } = await openProgramVault();
    const mentor = createMentor(ctx, mentorInput());
    expectAppError(
      () => addRecognition(ctx, { id: mentor.id, recognition: { kind: 'service_hours', date: TODAY, description: 'Tutoring' } }),
      'invalid_input',
    );
    const recognized = addRecognition(ctx, {
      id: mentor.id,
      recognition: { kind: 'service_hours', date: TODAY, hours: 12.5, description: 'Fall tutoring' },
    });
    const lettered = addRecognition(ctx, {
      id: mentor.id,
      recognition: { kind: 'letter', date: '2026-10-20', description: 'Letter for the high-school application' },
    });
    expect(recognized.recognition).toEqual([
      { id: expect.any(String), kind: 'service_hours', date: TODAY, hours: 12.5, description: 'Fall tutoring' },
    ]);
    expect(lettered.recognition[1]).toEqual({
      id: expect.any(String),
      kind: 'letter',
      date: '2026-10-20',
      description: 'Letter for the high-school application',
    });
  });
});

describe('the audit trail', () => {
  it('records every write with entity, id and field names — never a mentor’s name or details', async () => {
    const { ctx, db } = await openProgramVault();
    const mentor = createMentor(
      ctx,
      mentorInput({ localId: 'Q-77123', firstName: 'Zebulon', lastName: 'Quartermain', preferredName: 'Zeb', interests: ['origami'] }),
    );
    const { accommodationId } = insertProgram(db);
    updateMentor(ctx, { id: mentor.id, changes: { lastName: 'Quartermaine', school: 'Harborview Middle' } });
    addTimeOff(ctx, { id: mentor.id, timeOff: { startDate: '2027-01-05', endDate: '2027-01-09' } });
    addRecognition(ctx, { id: mentor.id, recognition: { kind: 'award', date: TODAY, description: 'Zebulon kindness award' } });
    const assignment = createAssignment(ctx, { mentorId: mentor.id, accommodationId, startDate: TODAY });
    endAssignment(ctx, { id: assignment.id, endDate: TODAY, reason: 'reassigned' });
    withdrawConsent(ctx, { id: mentor.id, who: 'guardian', on: '2026-10-21' });
    archiveMentor(ctx, { id: mentor.id });

    const rows = db.select().from(auditEvents).all();
    const mentorEvents = rows.filter((row) => row.entity === 'mentor' || row.entity === 'assignment');
    expect(mentorEvents.map((row) => [row.action, row.entity, row.entityId, JSON.parse(row.fields ?? 'null')])).toEqual([
      [
        'mentor.created',
        'mentor',
        mentor.id,
        [
          'localId',
          'firstName',
          'lastName',
          'preferredName',
          'grade',
          'school',
          'consentGivenOn',
          'guardianConsentGivenOn',
          'loadCap',
          'interests',
          'availability',
          'training',
        ],
      ],
      ['mentor.updated', 'mentor', mentor.id, ['lastName', 'school']],
      ['mentor.time_off_added', 'mentor', mentor.id, ['timeOff']],
      ['mentor.recognition_added', 'mentor', mentor.id, ['recognition']],
      ['assignment.created', 'assignment', assignment.id, ['mentorId', 'accommodationId', 'startDate']],
      ['assignment.ended', 'assignment', assignment.id, ['endDate', 'endReason']],
      ['mentor.consent_withdrawn', 'mentor', mentor.id, ['guardianConsentWithdrawnOn']],
      ['mentor.archived', 'mentor', mentor.id, ['archivedAt']],
    ]);
    expect(mentorEvents.every((row) => row.actorSlotId !== null)).toBe(true);
    const everything = JSON.stringify(rows);
    for (const secret of ['Zebulon', 'Zeb', 'Quartermain', 'Q-77123', 'Harborview', 'origami', 'kindness']) {
      expect(everything).not.toContain(secret);
    }
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('a refused write leaves no audit event and no row', async () => {
    const { ctx, db } = await openProgramVault();
    const mentor = createMentor(ctx, mentorInput());
    const before = auditCount(ctx);
    expectAppError(() => addTimeOff(ctx, { id: mentor.id, timeOff: { startDate: '2026-12-02', endDate: '2026-12-01' } }), 'invalid_input');
    expectAppError(() => updateMentor(ctx, { id: mentor.id, changes: { studentId: 'student-missing' } }), 'not_found');
    expect(auditCount(ctx)).toBe(before);
    expect(db.select().from(mentors).get()?.studentId).toBeNull();
  });
});

describe('through the contract (dispatch)', () => {
  it('a partial update keeps the lists and load cap it did not send', async () => {
    const { dispatch } = await openProgramVault();
    const created = await dispatch('mentors.create', {
      localId: 'M-9001',
      firstName: 'Ana',
      lastName: 'Bello',
      grade: 7,
      school: 'Lakeside Middle School',
      loadCap: 3,
      interests: ['soccer'],
      availability: [{ day: 'thu', period: 2 }],
      training: [{ module: 'confidentiality', completedOn: '2026-09-01' }],
    });
    expect(created).toMatchObject({ ok: true, value: { loadCap: 3, interests: ['soccer'] } });
    const id = (created as { value: { id: string } }).value.id;
    const updated = await dispatch('mentors.update', { id, changes: { grade: 8 } });
    expect(updated).toMatchObject({
      ok: true,
      value: {
        grade: 8,
        loadCap: 3,
        interests: ['soccer'],
        availability: [{ day: 'thu', period: 2 }],
        training: [{ module: 'confidentiality', completedOn: '2026-09-01' }],
      },
    });
    expect(await dispatch('mentors.list', { query: 'bello' })).toMatchObject({ ok: true, value: [{ id }] });
  });

  it('a refused assignment comes back as `conflict` with the reasons; a check lists them', async () => {
    const { dispatch, ctx, db } = await openProgramVault();
    const mentor = createMentor(ctx, mentorInput({ availability: [] }));
    const { accommodationId } = insertProgram(db);
    const proposal = { mentorId: mentor.id, accommodationId, startDate: TODAY };
    expect(await dispatch('assignments.check', proposal)).toEqual({
      ok: true,
      value: { allowed: false, refusals: [{ rule: 'schedule', message: "Sam's free periods do not overlap Math 7 (Mon P3, Wed P3)." }] },
    });
    expect(await dispatch('assignments.create', proposal)).toEqual({
      ok: false,
      error: { code: 'conflict', message: "Sam's free periods do not overlap Math 7 (Mon P3, Wed P3)." },
    });
    expect(await dispatch('assignments.listForMentor', { mentorId: mentor.id })).toEqual({ ok: true, value: [] });
  });

  it('every mentors.* and assignments.* channel answers through dispatch', async () => {
    const { dispatch, db } = await openProgramVault();
    const created = await dispatch('mentors.create', mentorInput());
    const id = (created as { value: { id: string } }).value.id;
    const { accommodationId } = insertProgram(db);
    const assignment = await dispatch('assignments.create', { mentorId: id, accommodationId, startDate: TODAY });
    expect(assignment).toMatchObject({ ok: true, value: { active: true, role: 'peer_tutor' } });
    const assignmentId = (assignment as { value: { id: string } }).value.id;
    const calls: [string, unknown][] = [
      ['mentors.get', { id }],
      ['mentors.addTimeOff', { id, timeOff: { startDate: '2027-01-05', endDate: '2027-01-06' } }],
      ['mentors.addRecognition', { id, recognition: { kind: 'award', date: TODAY, description: 'Mentor of the month' } }],
      ['assignments.listForAccommodation', { accommodationId }],
      ['assignments.end', { id: assignmentId, endDate: TODAY, reason: 'finished' }],
      ['mentors.withdrawConsent', { id, who: 'mentor', on: TODAY }],
      ['mentors.archive', { id }],
    ];
    for (const [channel, input] of calls) expect(await dispatch(channel, input), channel).toMatchObject({ ok: true });
  });
});
