/**
 * An amended plan keeps its history: the new version's goal graph holds the points recorded under the
 * old version, and the mentors still working move to the new version while finished assignments stay
 * where they were. (Fidelity splits the weeks between versions at the amendment: progress-fidelity.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { goalPhases } from '../../src-main/services/progress/goal-progress';
import { mentorInput } from '../fixtures/program';
import { supportedStudent } from './progress-fixture';

async function amendedProgram() {
  const app = await supportedStudent();
  const { call } = app;
  await call('progressPoints.create', { goalId: app.math.id, date: '2026-09-21', value: 45 });
  await call('sessions.create', {
    accommodationId: app.tutor.id,
    date: '2026-10-12',
    status: 'held',
    minutes: 20,
    mentorIds: [app.mentor.id],
  });
  const former = await call('mentors.create', mentorInput({ localId: 'M-2001', firstName: 'Quinn', lastName: 'Former' }));
  const formerAssignment = await call('assignments.create', {
    mentorId: former.id,
    accommodationId: app.tutor.id,
    startDate: '2026-09-08',
  });
  await call('assignments.end', { id: formerAssignment.id, endDate: '2026-09-30', reason: 'finished' });
  const amended = await call('plans.amend', { id: app.plan.id });
  const goalCopy = amended.goals.find((goal) => goal.statement === app.math.statement);
  const tutorCopy = amended.accommodations[0];
  if (!goalCopy || !tutorCopy) throw new Error('the amendment copied nothing');
  await call('plans.activate', { id: amended.plan.id });
  return { ...app, goalCopy, tutorCopy, former };
}

describe('plan versions', () => {
  it("the new version's goal graph includes the points recorded before the amendment", async () => {
    const app = await amendedProgram();
    await app.call('progressPoints.create', { goalId: app.goalCopy.id, date: '2026-10-14', value: 55 });
    const points = await app.call('progressPoints.listForGoal', { goalId: app.goalCopy.id });
    expect(points.map((point) => [point.date, point.value])).toEqual([
      ['2026-09-21', 45],
      ['2026-10-14', 55],
    ]);
    const progress = await app.call('goals.progress', { goalId: app.goalCopy.id, method: 'ols' });
    expect(progress.chart.table.map((row) => row.value)).toEqual([45, 55]);
    // The old version still shows only its own history.
    expect((await app.call('progressPoints.listForGoal', { goalId: app.math.id })).map((point) => point.value)).toEqual([45]);
    // The accommodation's copy started on the same day as the original, and the amended plan on the same
    // day as the first, so the goal gains no phase line; the graph starts at its first point, after that start.
    expect(goalPhases(app.ctx.db, app.goalCopy.id).map((phase) => phase.label)).toEqual(['Peer tutor started']);
    expect(progress.chart.phases).toEqual([]);
  });

  it('running assignments move to the new version; finished ones stay with the old', async () => {
    const app = await amendedProgram();
    const running = await app.call('assignments.listForMentor', { mentorId: app.mentor.id });
    expect(running.filter((assignment) => assignment.endDate === null).map((assignment) => assignment.accommodationId)).toEqual([
      app.tutorCopy.id,
    ]);
    const former = await app.call('assignments.listForMentor', { mentorId: app.former.id });
    expect(former.map((assignment) => assignment.accommodationId)).toEqual([app.tutor.id]);
    const defaults = await app.call('sessions.defaults', { accommodationId: app.tutorCopy.id, date: '2026-10-14' });
    expect(defaults.mentorIds).toEqual([app.mentor.id]);
  });
});
