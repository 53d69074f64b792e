/** A damaged JSON column in the vault: the screens still open (the column reads as empty), the export stops. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accommodations, goals, mentors } from '../../db/schema';
import { buildExport } from '../../src-main/services/exchange/export';
import { accommodationInput, goalInput, planInput, studentInput } from '../fixtures/program-input';
import { unlockedApp } from '../fixtures/unlocked-app';

describe('damaged JSON columns', () => {
  it('read as empty on the screens and stop the export', async () => {
    const app = await unlockedApp();
    const student = await app.call('students.create', studentInput());
    const plan = await app.call('plans.create', planInput(student.id, { status: 'draft' }));
    const goal = await app.call('goals.create', goalInput(plan.id, { objectives: ['Read a page aloud'] }));
    const accommodation = await app.call('accommodations.create', accommodationInput(plan.id, { goalIds: [goal.id] }));
    await app.call('plans.activate', { id: plan.id });
    const db = app.session.db();
    db.update(goals).set({ objectives: '["Read a page', statementTranslations: '{"es": 3}' }).where(eq(goals.id, goal.id)).run();
    db.update(accommodations).set({ slots: 'not json' }).where(eq(accommodations.id, accommodation.id)).run();

    const detail = await app.call('plans.get', { id: plan.id });
    expect(detail.goals[0]).toMatchObject({ id: goal.id, objectives: [], statementTranslations: {} });
    expect(detail.accommodations[0]).toMatchObject({ id: accommodation.id, slots: [] });

    expect(() => buildExport(db, new Date())).toThrow(/a goal holds damaged data/);
  });

  it('leave out a list entry this version cannot read', async () => {
    const app = await unlockedApp();
    const mentor = await app.call('mentors.create', {
      localId: 'M-3141',
      firstName: 'Tamsin',
      lastName: 'Okonkwo-Reyes',
      grade: 8,
      school: 'Lakeside Middle',
      consentGivenOn: '2026-09-01',
      loadCap: 2,
      interests: ['chess'],
      availability: [{ day: 'mon', period: 3 }],
    });
    app.session
      .db()
      .update(mentors)
      .set({ interests: '["chess", 7]', availability: '[{"day":"mon","period":3},{"day":"caturday","period":1}]' })
      .where(eq(mentors.id, mentor.id))
      .run();
    expect(await app.call('mentors.get', { id: mentor.id })).toMatchObject({
      interests: ['chess'],
      availability: [{ day: 'mon', period: 3 }],
    });
  });
});
