import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, matchAvoidPairs, matchStudentProfiles } from '../../db/schema';
import { buildExport } from '../../src-main/services/exchange/export';
import { importExport } from '../../src-main/services/exchange/import';
import { openProgramVault } from '../fixtures/program';
import { auditActions, school, TODAY } from './matching-fixture';

const PRIVATE = 'Zebulon-Private-Reason-Marker';

describe('the avoid list', () => {
  it('keeps a pair out of every suggestion while its reason stays on the list: not in suggestions, not in the audit trail', async () => {
    const app = await school();
    const added = await app.call('matching.avoid.add', { mentorId: app.sam.id, studentId: app.jordan.studentId, reason: PRIVATE });
    expect(added).toMatchObject({ mentorName: 'Sam Rivera', studentName: 'Jordan Example', reason: PRIVATE });
    expect(await app.call('matching.avoid.list', {})).toEqual([added]);

    const run = await app.call('matching.suggest', { startDate: TODAY });
    expect(run.suggestions.some((s) => s.mentorId === app.sam.id && s.studentId === app.jordan.studentId)).toBe(false);
    const sam = run.openSeats.flatMap((seat) => seat.nearMisses).find((miss) => miss.mentorId === app.sam.id);
    expect(sam?.exclusions).toEqual([{ rule: 'avoid_list', message: 'Sam and Jordan are on the avoid list.' }]);
    expect(JSON.stringify(run)).not.toContain(PRIVATE);
    const check = await app.call('matching.checkPair', {
      mentorId: app.sam.id,
      accommodationId: app.jordan.accommodationId,
      startDate: TODAY,
    });
    expect(check).toMatchObject({ allowed: false, exclusions: [{ rule: 'avoid_list' }] });
    expect(JSON.stringify(check)).not.toContain(PRIVATE);
    expect(
      await app
        .call('matching.override', { mentorId: app.sam.id, accommodationId: app.jordan.accommodationId, startDate: TODAY })
        .catch((e) => e),
    ).toMatchObject({ code: 'conflict' });

    const [event] = app.db.select().from(auditEvents).where(eq(auditEvents.action, 'matching.avoid_added')).all();
    expect(event).toMatchObject({ entity: 'avoid_pair', entityId: added.id });
    expect(JSON.stringify(app.db.select().from(auditEvents).all())).not.toContain(PRIVATE);

    expect(
      await app.call('matching.avoid.add', { mentorId: app.sam.id, studentId: app.jordan.studentId, reason: 'again' }).catch((e) => e),
    ).toMatchObject({
      code: 'conflict',
    });
    await app.call('matching.avoid.remove', { id: added.id });
    expect(await app.call('matching.avoid.list', {})).toEqual([]);
    const again = await app.call('matching.suggest', { startDate: TODAY });
    expect(again.suggestions.some((s) => s.mentorId === app.sam.id && s.studentId === app.jordan.studentId)).toBe(true);
    expect(auditActions(app)).toContain('matching.avoid_removed');
  });
});

describe('profiles and weights', () => {
  it('shared interests and communication preferences show in the reasons; the weights decide how much they count', async () => {
    const app = await school();
    await app.call('matching.profile.set', {
      kind: 'student',
      id: app.jordan.studentId,
      interests: ['Robotics'],
      communication: ['written', 'visual'],
    });
    await app.call('matching.profile.set', { kind: 'mentor', id: app.sam.id, communication: ['written'] });
    expect(await app.call('matching.profile.get', { kind: 'mentor', id: app.sam.id })).toEqual({
      kind: 'mentor',
      id: app.sam.id,
      interests: ['chess', 'robotics'],
      communication: ['written'],
    });
    const math = (await app.call('matching.suggest', { startDate: TODAY })).suggestions.find((s) => s.settingClass === 'Math 7');
    expect(math?.reasons).toContainEqual({ kind: 'interests', text: 'Both like robotics.', points: 150 });
    expect(math?.reasons).toContainEqual({
      kind: 'communication',
      text: "Sam can use written notes of Jordan's preferences (not pictures and visual supports).",
      points: 150,
    });

    expect(await app.call('matching.weights.update', { interests: 0, communication: 10 })).toMatchObject({
      interests: 0,
      communication: 10,
    });
    expect(await app.call('matching.weights.get', {})).toMatchObject({ interests: 0, communication: 10, grade: 2 });
    const reweighed = await app.call('matching.suggest', { startDate: TODAY });
    const again = reweighed.suggestions.find((s) => s.settingClass === 'Math 7');
    expect(again?.reasons.map((r) => r.kind)).not.toContain('interests');
    expect(again?.reasons).toContainEqual(expect.objectContaining({ kind: 'communication', points: 500 }));
    expect(reweighed.weights).toMatchObject({ interests: 0, communication: 10 });
    const [event] = app.db.select().from(auditEvents).where(eq(auditEvents.action, 'matching.weights_updated')).all();
    expect(JSON.parse(event?.fields ?? '[]')).toEqual(['communication', 'interests']);
    expect(await app.call('matching.weights.update', { grade: 11 }).catch((e) => e)).toMatchObject({ code: 'invalid_input' });
  });

  it('de-identifying a student forgets what matching knew of them: profile and avoid-list entries', async () => {
    const app = await school();
    await app.call('matching.profile.set', {
      kind: 'student',
      id: app.jordan.studentId,
      interests: ['robotics'],
      communication: ['spoken'],
    });
    await app.call('matching.avoid.add', { mentorId: app.lee.id, studentId: app.jordan.studentId, reason: PRIVATE });
    const student = await app.call('students.get', { id: app.jordan.studentId });
    await app.call('students.deidentify', { id: student.id, confirmLocalId: student.localId });
    expect(app.db.select().from(matchStudentProfiles).all()).toEqual([]);
    expect(app.db.select().from(matchAvoidPairs).all()).toEqual([]);
  });
});

describe('export and import', () => {
  it('carry every matching record, and give back the same data', async () => {
    const app = await school();
    await app.call('matching.profile.set', {
      kind: 'student',
      id: app.jordan.studentId,
      interests: ['robotics'],
      communication: ['spoken'],
    });
    await app.call('matching.profile.set', { kind: 'mentor', id: app.sam.id, communication: ['written'] });
    await app.call('matching.avoid.add', { mentorId: app.lee.id, studentId: app.alex.studentId, reason: 'A known conflict.' });
    await app.call('matching.reject', { mentorId: app.ana.id, accommodationId: app.alex.accommodationId });
    const made = await app.call('assignments.create', {
      mentorId: app.sam.id,
      accommodationId: app.jordan.accommodationId,
      startDate: TODAY,
    });
    await app.call('matching.markWorking', { assignmentId: made.id, working: true });

    const data = buildExport(app.db, new Date());
    expect(data).toMatchObject({
      matchStudentProfiles: [{ studentId: app.jordan.studentId, interests: ['robotics'], communication: ['spoken'] }],
      matchMentorProfiles: [{ mentorId: app.sam.id, communication: ['written'] }],
      matchAvoidPairs: [{ mentorId: app.lee.id, studentId: app.alex.studentId, reason: 'A known conflict.' }],
      matchRejections: [{ mentorId: app.ana.id, accommodationId: app.alex.accommodationId, rejectedOn: TODAY }],
      matchKeptPairs: [{ assignmentId: made.id, markedOn: TODAY }],
    });
    const target = await openProgramVault();
    importExport(target.ctx, data);
    const { exportedAt: _a, ...again } = buildExport(target.db, new Date());
    const { exportedAt: _b, ...original } = data;
    expect(again).toEqual({ ...original, staff: again.staff });
  });
});
