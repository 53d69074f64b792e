import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accommodations, assignments, auditEvents, mentors, mentorTimeOff, mentorTraining, plans } from '../../db/schema';
import { AppError } from '../../src-main/contract';
import { DAYS, type Slot } from '../../src-main/contract/common';
import { TRAINING_MODULES, type TrainingRecord } from '../../src-main/contract/mentors';
import { PEER_ROLES } from '../../src-main/contract/plans';
import type { ServiceContext } from '../../src-main/services/context';
import {
  checkAssignment,
  createAssignment,
  endAssignment,
  listAssignmentsForAccommodation,
  listAssignmentsForMentor,
} from '../../src-main/services/mentors/assignments';
import { addTimeOff, withdrawConsent } from '../../src-main/services/mentors/lifecycle';
import { createMentor, getMentor } from '../../src-main/services/mentors/mentors';
import { insertAccommodation, insertPlan, insertProgram, insertStudent, mentorInput, openProgramVault, TODAY } from '../fixtures/program';

function rowCounts(ctx: ServiceContext) {
  return {
    assignments: ctx.db.select({ n: count() }).from(assignments).get()?.n,
    audit: ctx.db.select({ n: count() }).from(auditEvents).get()?.n,
  };
}

function refusedWith(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('assigning a mentor', () => {
  it('allows a mentor who meets every rule, and the assignment shows on both sides', async () => {
    const { ctx, db } = await openProgramVault();
    const mentor = createMentor(ctx, mentorInput());
    const { accommodationId } = insertProgram(db, { accommodation: { settingClass: 'Math 7', role: 'peer_tutor' } });
    expect(checkAssignment(ctx, { mentorId: mentor.id, accommodationId, startDate: TODAY })).toEqual({ allowed: true, refusals: [] });
    const assignment = createAssignment(ctx, { mentorId: mentor.id, accommodationId, startDate: TODAY });
    expect(assignment).toEqual({
      id: expect.any(String),
      mentorId: mentor.id,
      mentorName: 'Sam Rivera',
      accommodationId,
      role: 'peer_tutor',
      settingClass: 'Math 7',
      startDate: TODAY,
      endDate: null,
      endReason: null,
      active: true,
    });
    expect(listAssignmentsForAccommodation(ctx, { accommodationId })).toEqual([assignment]);
    expect(listAssignmentsForMentor(ctx, { mentorId: mentor.id })).toEqual([assignment]);
    expect(getMentor(ctx, { id: mentor.id }).activeAssignments).toBe(1);
  });

  it('refuses with every reason in plain words, and writes nothing', async () => {
    const { ctx, db } = await openProgramVault();
    const mentor = createMentor(
      ctx,
      mentorInput({
        availability: [{ day: 'fri', period: 1 }],
        training: [
          { module: 'confidentiality', completedOn: '2026-09-01' },
          { module: 'sensitivity', completedOn: '2026-09-01' },
          { module: 'getting_an_adult', completedOn: '2026-09-01' },
          { module: 'instructional_techniques', completedOn: '2025-09-01', expiresOn: '2026-09-30' },
        ],
      }),
    );
    addTimeOff(ctx, { id: mentor.id, timeOff: { startDate: '2026-10-10', endDate: '2026-10-20' } });
    const { accommodationId } = insertProgram(db);
    const before = rowCounts(ctx);
    const expected = [
      { rule: 'training', message: 'Sam is missing the training a peer tutor needs: fostering independence.' },
      { rule: 'training', message: "Sam's training 'instructional techniques' expired on 2026-09-30." },
      { rule: 'time_off', message: 'Sam is on time off from 2026-10-10 to 2026-10-20.' },
      { rule: 'schedule', message: "Sam's free periods do not overlap Math 7 (Mon P3, Wed P3)." },
    ];
    expect(checkAssignment(ctx, { mentorId: mentor.id, accommodationId, startDate: TODAY })).toEqual({
      allowed: false,
      refusals: expected,
    });
    const error = refusedWith(() => createAssignment(ctx, { mentorId: mentor.id, accommodationId, startDate: TODAY }));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(expected.map((r) => r.message).join(' '));
    expect(rowCounts(ctx)).toEqual(before);
  });

  it('refuses a mentor whose consent is withdrawn, naming the date', async () => {
    const { ctx, db } = await openProgramVault();
    const mentor = createMentor(ctx, mentorInput());
    const { accommodationId } = insertProgram(db);
    withdrawConsent(ctx, { id: mentor.id, who: 'mentor', on: '2026-10-02' });
    expect(refusedWith(() => createAssignment(ctx, { mentorId: mentor.id, accommodationId, startDate: TODAY })).message).toBe(
      'Sam has no current voluntary consent (withdrawn on 2026-10-02).',
    );
  });

  it('refuses when the plan is superseded or ended; a draft plan is fine', async () => {
    const { ctx, db } = await openProgramVault();
    const mentor = createMentor(ctx, mentorInput());
    const ended = insertProgram(db, { plan: { status: 'ended' } });
    const draft = insertProgram(db, { plan: { status: 'draft' } });
    expect(
      refusedWith(() => createAssignment(ctx, { mentorId: mentor.id, accommodationId: ended.accommodationId, startDate: TODAY })),
    ).toMatchObject({
      code: 'conflict',
      message: 'The plan this support belongs to is ended; only a draft or active plan takes new mentors.',
    });
    expect(createAssignment(ctx, { mentorId: mentor.id, accommodationId: draft.accommodationId, startDate: TODAY }).active).toBe(true);
  });

  it('refuses a second assignment to the same accommodation, and the load cap; ending one frees the mentor that day', async () => {
    const { ctx, db } = await openProgramVault();
    const mentor = createMentor(ctx, mentorInput({ loadCap: 1 }));
    const student = insertStudent(db);
    const plan = insertPlan(db, { studentId: student });
    const math = insertAccommodation(db, { planId: plan, settingClass: 'Math 7' });
    const ela = insertAccommodation(db, { planId: plan, settingClass: 'ELA 7', slots: [{ day: 'tue', period: 5 }] });
    const first = createAssignment(ctx, { mentorId: mentor.id, accommodationId: math, startDate: '2026-09-15' });
    expect(checkAssignment(ctx, { mentorId: mentor.id, accommodationId: math, startDate: TODAY }).refusals).toEqual([
      { rule: 'already_assigned', message: 'Sam is already assigned to Math 7.' },
      { rule: 'load_cap', message: 'Sam already supports 1 peer (limit 1).' },
    ]);
    expect(refusedWith(() => createAssignment(ctx, { mentorId: mentor.id, accommodationId: ela, startDate: TODAY })).message).toBe(
      'Sam already supports 1 peer (limit 1).',
    );
    const ended = endAssignment(ctx, { id: first.id, endDate: TODAY, reason: 'reassigned' });
    expect(ended).toMatchObject({ endDate: TODAY, endReason: 'reassigned', active: false });
    expect(createAssignment(ctx, { mentorId: mentor.id, accommodationId: ela, startDate: TODAY }).active).toBe(true);
  });

  it('an assignment ending later still holds the mentor until then', async () => {
    const { ctx, db } = await openProgramVault();
    const mentor = createMentor(ctx, mentorInput({ loadCap: 1 }));
    const { accommodationId } = insertProgram(db);
    const other = insertProgram(db, { accommodation: { settingClass: 'ELA 7' } });
    const first = createAssignment(ctx, { mentorId: mentor.id, accommodationId, startDate: '2026-09-15' });
    endAssignment(ctx, { id: first.id, endDate: '2026-11-01', reason: 'finished' });
    expect(listAssignmentsForMentor(ctx, { mentorId: mentor.id })[0]?.active).toBe(true);
    expect(checkAssignment(ctx, { mentorId: mentor.id, accommodationId: other.accommodationId, startDate: TODAY }).allowed).toBe(false);
    expect(checkAssignment(ctx, { mentorId: mentor.id, accommodationId: other.accommodationId, startDate: '2026-11-01' }).allowed).toBe(
      true,
    );
  });

  it('refuses a mentor supporting themself', async () => {
    const { ctx, db } = await openProgramVault();
    const { studentId, accommodationId } = insertProgram(db);
    const mentor = createMentor(ctx, mentorInput({ studentId }));
    expect(checkAssignment(ctx, { mentorId: mentor.id, accommodationId, startDate: TODAY }).refusals).toEqual([
      { rule: 'self', message: 'A student cannot mentor themself.' },
    ]);
    const other = insertProgram(db);
    expect(checkAssignment(ctx, { mentorId: mentor.id, accommodationId: other.accommodationId, startDate: TODAY }).allowed).toBe(true);
  });

  it('unknown mentor or accommodation is not_found', async () => {
    const { ctx, db } = await openProgramVault();
    const mentor = createMentor(ctx, mentorInput());
    const { accommodationId } = insertProgram(db);
    expect(
      refusedWith(() => checkAssignment(ctx, { mentorId: mentor.id, accommodationId: 'accommodation-x', startDate: TODAY })).code,
    ).toBe('not_found');
    expect(refusedWith(() => createAssignment(ctx, { mentorId: 'mentor-xyz', accommodationId, startDate: TODAY })).code).toBe('not_found');
    expect(refusedWith(() => listAssignmentsForAccommodation(ctx, { accommodationId: 'accommodation-x' })).code).toBe('not_found');
    expect(refusedWith(() => listAssignmentsForMentor(ctx, { mentorId: 'mentor-xyz' })).code).toBe('not_found');
  });
});

describe('ending an assignment', () => {
  it('refuses an end before the start, a second end, and an unknown id', async () => {
    const { ctx, db } = await openProgramVault();
    const mentor = createMentor(ctx, mentorInput());
    const { accommodationId } = insertProgram(db);
    const assignment = createAssignment(ctx, { mentorId: mentor.id, accommodationId, startDate: TODAY });
    expect(refusedWith(() => endAssignment(ctx, { id: assignment.id, endDate: '2026-10-14', reason: 'finished' }))).toMatchObject({
      code: 'invalid_input',
      message: `This assignment started on ${TODAY}; it cannot end before that day.`,
    });
    endAssignment(ctx, { id: assignment.id, endDate: TODAY, reason: 'other' });
    expect(refusedWith(() => endAssignment(ctx, { id: assignment.id, endDate: TODAY, reason: 'finished' }))).toMatchObject({
      code: 'conflict',
      message: `This assignment already ended on ${TODAY}.`,
    });
    expect(refusedWith(() => endAssignment(ctx, { id: 'assignment-x', endDate: TODAY, reason: 'finished' })).code).toBe('not_found');
    expect(listAssignmentsForMentor(ctx, { mentorId: mentor.id })).toMatchObject([{ endReason: 'other' }]);
  });
});

// ── Property: whatever the vault holds, an assignment that gets created breaks no rule ────────

const day = fc.integer({ min: 0, max: 60 }).map((n) => new Date(Date.UTC(2026, 8, 1 + n)).toISOString().slice(0, 10));
const slot: fc.Arbitrary<Slot> = fc.record({ day: fc.constantFrom(...DAYS), period: fc.integer({ min: 1, max: 2 }) });
function usually<T>(usual: fc.Arbitrary<T>, other: fc.Arbitrary<T>, weight = 9): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: usual, weight }, { arbitrary: other, weight: 1 });
}
const trainingRecord = (module: (typeof TRAINING_MODULES)[number]): fc.Arbitrary<TrainingRecord | null> =>
  usually(
    fc.constant({ module, completedOn: '2026-08-20' }),
    fc.oneof(
      fc.constant(null),
      day.map((expiresOn) => ({ module, completedOn: '2026-08-20', expiresOn })),
      day.map((completedOn) => ({ module, completedOn })),
    ),
  );

const scenario = fc.record({
  consentGivenOn: usually(fc.constant('2026-09-01'), fc.option(day, { nil: undefined })),
  consentWithdrawnOn: usually(fc.constant(null), day),
  guardianConsentGivenOn: usually(fc.constant('2026-09-01'), fc.option(day, { nil: undefined })),
  training: fc.tuple(...TRAINING_MODULES.map(trainingRecord)).map((records) => records.filter((r): r is TrainingRecord => r !== null)),
  availability: usually(
    fc.constant(DAYS.flatMap((d) => [1, 2].map((period) => ({ day: d, period })))),
    fc.array(slot, { maxLength: 4 }),
    2,
  ),
  loadCap: fc.integer({ min: 1, max: 3 }),
  priorAssignments: usually(fc.constant(0), fc.integer({ min: 1, max: 3 }), 2),
  timeOff: fc.option(
    fc.tuple(day, day).map(([a, b]) => (a <= b ? { startDate: a, endDate: b } : { startDate: b, endDate: a })),
    { nil: null, freq: 4 },
  ),
  supportsSelf: usually(fc.constant(false), fc.constant(true), 8),
  planStatus: usually(fc.constantFrom('draft', 'active'), fc.constantFrom('superseded', 'ended')),
  role: fc.constantFrom(...PEER_ROLES),
  slots: fc.array(slot, { minLength: 1, maxLength: 3 }),
  accommodationEnd: usually(fc.constant('2027-06-15'), fc.constant('2026-10-01')),
  startDate: day,
});

/** Reads the stored rows back and checks each rule directly against them, independently of eligibility.ts. */
function assertNoRuleBroken(ctx: ServiceContext, assignmentId: string): void {
  const db = ctx.db;
  const assignment = db.select().from(assignments).where(eq(assignments.id, assignmentId)).get();
  if (!assignment) throw new Error('assignment missing');
  const date = assignment.startDate;
  const mentor = db.select().from(mentors).where(eq(mentors.id, assignment.mentorId)).get();
  const accommodation = db.select().from(accommodations).where(eq(accommodations.id, assignment.accommodationId)).get();
  const plan = accommodation && db.select().from(plans).where(eq(plans.id, accommodation.planId)).get();
  if (!mentor || !accommodation || !plan) throw new Error('rows missing');
  expect(mentor.archivedAt).toBeNull();
  expect(['draft', 'active']).toContain(plan.status);
  expect(date >= accommodation.startDate && date <= accommodation.endDate).toBe(true);
  expect(mentor.studentId).not.toBe(plan.studentId);
  // Current consent: given by the start date, and any withdrawal older than the consent (given anew since).
  for (const [given, withdrawn] of [
    [mentor.consentGivenOn, mentor.consentWithdrawnOn],
    [mentor.guardianConsentGivenOn, mentor.guardianConsentWithdrawnOn],
  ]) {
    expect(
      given !== null && given !== undefined && given <= date && (withdrawn === null || withdrawn === undefined || withdrawn < given),
    ).toBe(true);
  }
  const training = db.select().from(mentorTraining).where(eq(mentorTraining.mentorId, mentor.id)).all();
  const extra: Record<string, string[]> = {
    peer_tutor: ['instructional_techniques', 'fostering_independence'],
    peer_facilitator: ['instructional_techniques'],
    cooperative_group: ['fostering_independence'],
  };
  for (const module of ['confidentiality', 'sensitivity', 'getting_an_adult', ...(extra[accommodation.role] ?? [])]) {
    const record = training.find((t) => t.module === module);
    expect(record && record.completedOn <= date && (record.expiresOn === null || record.expiresOn > date), module).toBe(true);
  }
  const free: Slot[] = JSON.parse(mentor.availability);
  const needed: Slot[] = JSON.parse(accommodation.slots);
  expect(needed.some((s) => free.some((f) => f.day === s.day && f.period === s.period))).toBe(true);
  const offs = db.select().from(mentorTimeOff).where(eq(mentorTimeOff.mentorId, mentor.id)).all();
  expect(offs.some((off) => off.startDate <= date && date <= off.endDate)).toBe(false);
  const others = db
    .select()
    .from(assignments)
    .where(eq(assignments.mentorId, mentor.id))
    .all()
    .filter((a) => a.id !== assignment.id && (a.endDate === null || a.endDate > date));
  expect(others.length).toBeLessThan(mentor.loadCap);
  expect(others.some((a) => a.accommodationId === accommodation.id)).toBe(false);
}

describe('property', () => {
  it('create succeeds exactly when check allows; a created assignment breaks no rule; a refusal writes nothing', async () => {
    const { ctx, db } = await openProgramVault();
    const outcomes = { created: 0, refused: 0 };
    fc.assert(
      fc.property(scenario, (s) => {
        const { studentId, accommodationId } = insertProgram(db, {
          plan: { status: s.planStatus },
          accommodation: { role: s.role, slots: s.slots, endDate: s.accommodationEnd },
        });
        const mentor = createMentor(
          ctx,
          mentorInput({
            consentGivenOn: s.consentGivenOn,
            guardianConsentGivenOn: s.guardianConsentGivenOn,
            training: s.training,
            availability: s.availability,
            loadCap: s.loadCap,
            studentId: s.supportsSelf ? studentId : undefined,
          }),
        );
        if (s.timeOff) addTimeOff(ctx, { id: mentor.id, timeOff: s.timeOff });
        // Written directly: the service refuses a withdrawal dated before consent, but older records may hold one.
        if (s.consentWithdrawnOn)
          db.update(mentors).set({ consentWithdrawnOn: s.consentWithdrawnOn }).where(eq(mentors.id, mentor.id)).run();
        for (let i = 0; i < s.priorAssignments; i += 1) {
          // Earlier assignments written directly: the property is about the rule, not how they came to be.
          const other = insertProgram(db);
          db.insert(assignments)
            .values({
              id: `prior-${mentor.id}-${i}`,
              mentorId: mentor.id,
              accommodationId: other.accommodationId,
              startDate: '2026-09-01',
              createdAt: '2026-09-01T08:00:00.000Z',
            })
            .run();
        }
        const proposal = { mentorId: mentor.id, accommodationId, startDate: s.startDate };
        const verdict = checkAssignment(ctx, proposal);
        const before = rowCounts(ctx);
        try {
          const created = createAssignment(ctx, proposal);
          outcomes.created += 1;
          expect(verdict).toEqual({ allowed: true, refusals: [] });
          assertNoRuleBroken(ctx, created.id);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          outcomes.refused += 1;
          expect(verdict.allowed).toBe(false);
          expect(error.code).toBe('conflict');
          expect(error.message).toBe(verdict.refusals.map((r) => r.message).join(' '));
          expect(rowCounts(ctx)).toEqual(before);
        }
      }),
      { numRuns: 150 },
    );
    expect(outcomes.created).toBeGreaterThan(10);
    expect(outcomes.refused).toBeGreaterThan(10);
  });
});
