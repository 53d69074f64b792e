/**
 * Saving can't double-write: a create that carries a requestId is answered once (src-main/api/request-ids.ts).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { goalInput } from '../fixtures/program-input';
import { supportedStudent } from './progress-fixture';

describe('request ids', () => {
  it('the same goal sent twice with one requestId is written once and both answers are the same goal', async () => {
    const app = await supportedStudent();
    const { plan: draft } = await app.call('plans.amend', { id: app.plan.id });
    const requestId = randomUUID();
    const input = { ...goalInput(draft.id, { statement: 'Zebulon will read 90 words a minute with 95% accuracy.' }), requestId };
    const first = await app.call('goals.create', input);
    const again = await app.call('goals.create', input);
    expect(again).toEqual(first);
    const detail = await app.call('plans.get', { id: draft.id });
    expect(detail.goals.filter((goal) => goal.statement === input.statement)).toHaveLength(1);
  });

  it('two calls at once (a double click) write once; another requestId writes again', async () => {
    const app = await supportedStudent();
    const requestId = randomUUID();
    const point = { goalId: app.math.id, date: '2026-10-05', value: 50 };
    const [a, b] = await Promise.all([
      app.dispatch('progressPoints.create', { ...point, requestId }),
      app.dispatch('progressPoints.create', { ...point, requestId }),
    ]);
    expect(a).toEqual(b);
    expect(await app.call('progressPoints.listForGoal', { goalId: app.math.id })).toHaveLength(1);
    await app.call('progressPoints.create', { ...point, requestId: randomUUID() });
    expect(await app.call('progressPoints.listForGoal', { goalId: app.math.id })).toHaveLength(2);
  });

  it('check-ins and sessions honour it too; the key never reaches the audit trail', async () => {
    const app = await supportedStudent();
    const checkIn = { accommodationId: app.tutor.id, date: '2026-10-06', whatsWorking: 'Reading aloud together.', requestId: randomUUID() };
    await app.call('checkIns.create', checkIn);
    await app.call('checkIns.create', checkIn);
    expect(await app.call('checkIns.listForStudent', { studentId: app.student.id })).toHaveLength(1);
    const session = { accommodationId: app.tutor.id, date: '2026-10-12', status: 'held' as const, minutes: 20, requestId: randomUUID() };
    await app.call('sessions.create', session);
    await app.call('sessions.create', session);
    expect(await app.call('sessions.listForAccommodation', { accommodationId: app.tutor.id })).toHaveLength(1);
    const audit = await app.call('audit.list', { limit: 200 });
    expect(JSON.stringify(audit)).not.toContain('requestId');
  });

  it('the same requestId with other content is refused, and a refused first try may be sent again', async () => {
    const app = await supportedStudent();
    const requestId = randomUUID();
    await app.call('progressPoints.create', { goalId: app.math.id, date: '2026-10-05', value: 50, requestId });
    await expect(
      app.call('progressPoints.create', { goalId: app.math.id, date: '2026-10-05', value: 60, requestId }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    const retried = randomUUID();
    await expect(
      app.call('progressPoints.create', { goalId: app.math.id, date: '2026-10-05', value: 500, requestId: retried }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await app.call('progressPoints.create', { goalId: app.math.id, date: '2026-10-05', value: 55, requestId: retried });
    // Points on one date are ordered by id today (issue 17 orders them by entry time), so compare as a set.
    const values = (await app.call('progressPoints.listForGoal', { goalId: app.math.id })).map((point) => point.value);
    expect(values.toSorted((x, y) => x - y)).toEqual([50, 55]);
  });

  it('a malformed requestId is refused by the contract', async () => {
    const app = await supportedStudent();
    await expect(
      app.call('progressPoints.create', { goalId: app.math.id, date: '2026-10-05', value: 50, requestId: 'twice' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
