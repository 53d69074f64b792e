/** The request-id memory itself: bounded, forgotten on lock, and the key never reaches the handler. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../src-main/api/dispatch';
import { rememberRequests } from '../../src-main/api/request-ids';

function counting() {
  const seen: unknown[] = [];
  const dispatch: Dispatch = async (_channel, input) => {
    seen.push(input);
    return { ok: true, value: { n: seen.length } };
  };
  return { seen, dispatch };
}

describe('rememberRequests', () => {
  it('hands the handler the input without the key, and answers a repeat from memory', async () => {
    const { seen, dispatch } = counting();
    const remembering = rememberRequests(dispatch);
    const requestId = randomUUID();
    expect(await remembering('goals.create', { planId: 'plan-0001', requestId })).toEqual({ ok: true, value: { n: 1 } });
    expect(await remembering('goals.create', { planId: 'plan-0001', requestId })).toEqual({ ok: true, value: { n: 1 } });
    // The same key on another channel is another request.
    expect(await remembering('accommodations.create', { planId: 'plan-0001', requestId })).toEqual({ ok: true, value: { n: 2 } });
    expect(seen).toEqual([{ planId: 'plan-0001' }, { planId: 'plan-0001' }]);
  });

  it('keeps at most its limit, the oldest forgotten first, and forgets everything on lock', async () => {
    const { seen, dispatch } = counting();
    const remembering = rememberRequests(dispatch, 2);
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    for (const requestId of [a, b, c]) await remembering('goals.create', { requestId });
    await remembering('goals.create', { requestId: c });
    expect(seen).toHaveLength(3);
    await remembering('goals.create', { requestId: a });
    expect(seen).toHaveLength(4);
    remembering.forget();
    await remembering('goals.create', { requestId: a });
    expect(seen).toHaveLength(5);
  });
});
