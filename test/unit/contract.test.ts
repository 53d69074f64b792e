import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDispatch, type Handlers } from '../../src-main/api/dispatch';
import { CHANNELS, contract } from '../../src-main/contract';

const MARKER = 'Zebulon-Private-Marker';

/** Handlers that must never run: every call below has invalid input. */
const unreachable = Object.fromEntries(
  CHANNELS.map((channel) => [
    channel,
    () => {
      throw new Error(`handler for ${channel} ran on invalid input`);
    },
  ]),
) as unknown as Handlers;

const junk = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true }),
  fc.dictionary(fc.string(), fc.oneof(fc.constant(MARKER), fc.integer(), fc.string(), fc.constant(null))),
  fc.record({ passphrase: fc.oneof(fc.integer(), fc.constant(null), fc.string({ maxLength: 0 }), fc.constant(MARKER.repeat(200))) }),
  fc.record({ slotId: fc.constant(`${MARKER}/../etc`) }),
  fc.record({ autoLockMinutes: fc.oneof(fc.double(), fc.constant(-1), fc.constant(MARKER)) }),
);

describe('the contract at the boundary', () => {
  const dispatch = createDispatch(unreachable, { reportInternal: () => {} });

  it('every channel rejects malformed input with a typed error, no stack and nothing echoed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), junk, async (channel, input) => {
        fc.pre(!contract[channel].input.safeParse(input ?? {}).success);
        const result = await dispatch(channel, input);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe('invalid_input');
        expect(Object.keys(result.error)).toEqual(['code', 'message']);
        expect(result.error.message).not.toContain(MARKER);
        expect(result.error.message).not.toMatch(/\n\s+at /);
      }),
      { numRuns: 400 },
    );
  });

  it('an unknown channel is refused without running anything', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (name) => {
        fc.pre(!CHANNELS.includes(name as never));
        expect(await dispatch(name, {})).toEqual({
          ok: false,
          error: { code: 'unknown_channel', message: 'Peerpath does not know that request.' },
        });
      }),
    );
  });

  it('an unexpected failure becomes `internal` with no details', async () => {
    const failing = { ...unreachable, 'vault.status': () => Promise.reject(new Error(`disk full while writing ${MARKER}`)) };
    const reported: string[] = [];
    const result = await createDispatch(failing, { reportInternal: (channel) => reported.push(channel) })('vault.status', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside Peerpath; the action did not complete.' },
    });
    expect(reported).toEqual(['vault.status']);
  });

  it('refuses handlers that do not match the contract, at start-up', () => {
    const { 'vault.status': _missing, ...incomplete } = unreachable;
    expect(() => createDispatch(incomplete as Handlers)).toThrow(/missing: vault.status/);
    expect(() => createDispatch({ ...unreachable, 'vault.extra': () => ({}) } as Handlers)).toThrow(/unknown: vault.extra/);
  });

  it('results are checked against the contract too: extra fields never leave the main process', async () => {
    const leaky = {
      ...unreachable,
      'settings.get': () => ({ autoLockMinutes: 10, studentName: MARKER }),
    } as unknown as Handlers;
    expect(await createDispatch(leaky)('settings.get', {})).toEqual({ ok: true, value: { autoLockMinutes: 10 } });
  });
});
