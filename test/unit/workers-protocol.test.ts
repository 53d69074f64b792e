/**
 * What crosses between the main thread and a worker thread (src-main/workers/protocol.ts): a
 * refusal keeps its code, message and wait; any other error keeps only its name; byte arrays move
 * rather than copy, and one that shares a bigger buffer is copied out first so its neighbours stay.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract';
import { describeFailure, failureError, movable } from '../../src-main/workers/protocol';

describe('errors across the thread boundary', () => {
  it('a refusal arrives as the same AppError', () => {
    const crossed = failureError('reports.render', describeFailure(new AppError('rate_limited', 'Wait a moment.', { retryAfterMs: 900 })));
    expect(crossed).toBeInstanceOf(AppError);
    expect((crossed as AppError).toBody()).toEqual({ code: 'rate_limited', message: 'Wait a moment.', retryAfterMs: 900 });
  });

  it('anything else arrives by its name only, never its message', () => {
    const failure = describeFailure(new RangeError('Invalid value for Zebulon Quixote'));
    expect(failure).toEqual({ kind: 'fault', name: 'RangeError' });
    const crossed = failureError('matching.solve', failure);
    expect(crossed).not.toBeInstanceOf(AppError);
    expect(crossed).toMatchObject({ name: 'RangeError', message: 'matching.solve failed in a worker thread' });
    expect(describeFailure('a thrown string')).toEqual({ kind: 'fault', name: 'string' });
  });
});

describe('byte arrays in a result', () => {
  it('move with their own buffer, and are copied out of a shared one first', () => {
    const own = new Uint8Array([1, 2, 3]);
    const shared = Buffer.from('%PDF-1.7'); // small Buffers are slices of Node's shared pool
    expect(shared.byteLength).toBeLessThan(shared.buffer.byteLength);
    const { value, transfer } = movable({ bytes: own, logo: shared, pages: 2 });
    const out = value as { bytes: Uint8Array; logo: Uint8Array; pages: number };
    expect(out.bytes).toBe(own);
    expect(out.logo).not.toBe(shared);
    expect(Buffer.from(out.logo).equals(shared)).toBe(true);
    expect(transfer).toEqual([own.buffer, out.logo.buffer]);
    expect(out.pages).toBe(2);
    // The transfer list is what postMessage accepts: the shared pool is never in it.
    const { port1, port2 } = new MessageChannel();
    expect(() => port1.postMessage(value, transfer)).not.toThrow();
    port1.close();
    port2.close();
  });

  it('leave any other result as it is', () => {
    const result = { suggestions: [], totals: { seatsOpen: 0 } };
    expect(movable(result)).toEqual({ value: result, transfer: [] });
    expect(movable([1, 2])).toEqual({ value: [1, 2], transfer: [] });
    expect(movable(null)).toEqual({ value: null, transfer: [] });
  });
});
