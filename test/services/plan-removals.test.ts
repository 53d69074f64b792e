/**
 * Records with data are ended, not deleted: an active plan's goals and supports change only through an
 * amendment; removing from a draft says what goes, needs that number confirmed, and can be undone.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, goals, plans, removedRecords } from '../../db/schema';
import { supportedStudent } from './progress-fixture';

const DATES = ['2026-09-08', '2026-09-09', '2026-09-10', '2026-09-11', '2026-09-14', '2026-09-15', '2026-09-16'];

/** The fixture's active plan with 13 points on the math goal, a session and a check-in on the tutor support. */
async function programWithData() {
  const app = await supportedStudent();
  const points = [...DATES, ...DATES.slice(0, 6)].map((date, index) => ({ goalId: app.math.id, date, value: 40 + index }));
  await app.call('progressPoints.createMany', { points });
  await app.call('sessions.create', {
    accommodationId: app.tutor.id,
    date: '2026-10-12',
    status: 'held',
    minutes: 20,
    mentorIds: [app.mentor.id],
    goalIds: [app.math.id],
    progress: [{ goalId: app.math.id, value: 60 }],
  });
  await app.call('checkIns.create', { accommodationId: app.tutor.id, date: '2026-10-13', whatsWorking: 'Reading aloud.' });
  return app;
}

/** As if the plan were still a draft with data on it (an import, a vault from before this rule): the mechanics, not the path there. */
function makeDraft(app: Awaited<ReturnType<typeof supportedStudent>>) {
  app.db.update(plans).set({ status: 'draft' }).where(eq(plans.id, app.plan.id)).run();
}

describe('removing goals and supports', () => {
  it('an active plan refuses, pointing to "Amend the plan"; nothing changes', async () => {
    const app = await programWithData();
    const preview = await app.call('goals.deletePreview', { id: app.math.id });
    expect(preview.refusal).toContain('Amend the plan');
    await expect(app.call('goals.delete', { id: app.math.id, confirmedDataRecords: 14 })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('Amend the plan'),
    });
    await expect(app.call('accommodations.delete', { id: app.tutor.id, confirmedDataRecords: 3 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const detail = await app.call('plans.get', { id: app.plan.id });
    expect(detail.goals).toHaveLength(3);
    expect(detail.accommodations).toHaveLength(1);
  });

  it('a draft says what goes; removing needs that number; Undo puts the goal back with its points, in its place', async () => {
    const app = await programWithData();
    makeDraft(app);
    const before = await app.call('plans.get', { id: app.plan.id });
    const preview = await app.call('goals.deletePreview', { id: app.math.id });
    expect(preview).toEqual({
      refusal: null,
      dataRecords: 14,
      counts: { progressPoints: 14, progressMarks: 0, sessions: 1, checkIns: 0, assignments: 0, keptInEarlierVersions: 0 },
    });
    await expect(app.call('goals.delete', { id: app.math.id })).rejects.toMatchObject({ code: 'conflict' });
    await expect(app.call('goals.delete', { id: app.math.id, confirmedDataRecords: 13 })).rejects.toMatchObject({ code: 'conflict' });

    const removal = await app.call('goals.delete', { id: app.math.id, confirmedDataRecords: 14 });
    expect(removal.counts.progressPoints).toBe(14);
    const without = await app.call('plans.get', { id: app.plan.id });
    expect(without.goals).toEqual(before.goals.filter((goal) => goal.id !== app.math.id));
    expect((await app.call('sessions.listForAccommodation', { accommodationId: app.tutor.id }))[0]?.goalIds).toEqual([]);

    expect(await app.call('removals.undo', { id: removal.removalId })).toEqual({
      entity: 'goal',
      entityId: app.math.id,
      planId: app.plan.id,
    });
    const after = await app.call('plans.get', { id: app.plan.id });
    expect(after.goals).toEqual(before.goals);
    expect(after.accommodations).toEqual(before.accommodations);
    expect(await app.call('progressPoints.listForGoal', { goalId: app.math.id })).toHaveLength(14);
    expect((await app.call('sessions.listForAccommodation', { accommodationId: app.tutor.id }))[0]?.goalIds).toEqual([app.math.id]);
    expect(app.db.select().from(removedRecords).all()).toEqual([]);
    await expect(app.call('removals.undo', { id: removal.removalId })).rejects.toMatchObject({ code: 'not_found' });

    const actions = app.db
      .select()
      .from(auditEvents)
      .all()
      .filter((event) => event.entityId === app.math.id)
      .map((event) => event.action);
    expect(actions.slice(-2)).toEqual(['goal.deleted', 'goal.restored']);
  });

  it('a support goes with its sessions, check-ins and assignments, and comes back with them', async () => {
    const app = await programWithData();
    makeDraft(app);
    const sessionsBefore = await app.call('sessions.listForAccommodation', { accommodationId: app.tutor.id });
    const checkInsBefore = await app.call('checkIns.listForStudent', { studentId: app.student.id });
    const pointsBefore = await app.call('progressPoints.listForGoal', { goalId: app.math.id });
    const preview = await app.call('accommodations.deletePreview', { id: app.tutor.id });
    expect(preview.counts).toMatchObject({ sessions: 1, checkIns: 1, assignments: 1 });
    const removal = await app.call('accommodations.delete', { id: app.tutor.id, confirmedDataRecords: preview.dataRecords });
    expect(await app.call('checkIns.listForStudent', { studentId: app.student.id })).toEqual([]);
    await app.call('removals.undo', { id: removal.removalId });
    expect(await app.call('sessions.listForAccommodation', { accommodationId: app.tutor.id })).toEqual(sessionsBefore);
    expect(await app.call('checkIns.listForStudent', { studentId: app.student.id })).toEqual(checkInsBefore);
    expect(await app.call('progressPoints.listForGoal', { goalId: app.math.id })).toEqual(pointsBefore);
  });

  it("an amendment's copy of a goal keeps its points in the earlier version; activating the plan empties its trash", async () => {
    const app = await programWithData();
    const amended = await app.call('plans.amend', { id: app.plan.id });
    const copy = amended.goals.find((goal) => goal.statement === app.math.statement);
    if (!copy) throw new Error('no copy');
    const preview = await app.call('goals.deletePreview', { id: copy.id });
    expect(preview).toMatchObject({ refusal: null, dataRecords: 0, counts: { progressPoints: 0, keptInEarlierVersions: 14 } });
    const removal = await app.call('goals.delete', { id: copy.id });
    expect(await app.call('progressPoints.listForGoal', { goalId: app.math.id })).toHaveLength(14);
    await app.call('plans.activate', { id: amended.plan.id });
    await expect(app.call('removals.undo', { id: removal.removalId })).rejects.toMatchObject({ code: 'not_found' });
    expect(app.db.select().from(removedRecords).all()).toEqual([]);
  });

  it('an amendment numbers the goals and supports as the version it amends does', async () => {
    const app = await supportedStudent();
    // Written a minute apart, in the opposite order of their ids (the tie-breaker), as a day's work would be.
    const byId = [app.math, app.engagement, app.rubric]
      .map((goal) => goal.id)
      .sort()
      .reverse();
    byId.forEach((id, minute) => {
      app.db
        .update(goals)
        .set({ createdAt: `2026-10-15T15:0${minute}:00.000Z` })
        .where(eq(goals.id, id))
        .run();
    });
    const before = await app.call('plans.get', { id: app.plan.id });
    const amended = await app.call('plans.amend', { id: app.plan.id });
    expect(amended.goals.map((goal) => goal.statement)).toEqual(before.goals.map((goal) => goal.statement));
    expect(amended.accommodations.map((support) => support.settingClass)).toEqual(
      before.accommodations.map((support) => support.settingClass),
    );
  });
});
