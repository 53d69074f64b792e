/**
 * Saving can't double-write: a create call that carries a `requestId` (contract/request-id.ts) is
 * answered once. The same channel and key again — a double click that slipped past the form kit, a
 * call retried after the IPC hiccuped — gets the first answer (or waits for it, when the first is
 * still running) and writes nothing.
 *
 * Kept in memory only, bounded, and forgotten when the vault locks: a repeat comes within
 * milliseconds or seconds of the first (the form kit makes a new key per submission and drops it
 * once the submission settles), so nothing is lost when the app restarts — a submission cannot
 * outlive the window that sent it. Persisting answers would keep decrypted student data outside
 * the vault's tables for no gain. Only successful answers are kept: after a refusal (invalid,
 * locked) the same submission may be tried again and runs again.
 */
import type { Result } from '../contract';
import type { Dispatch } from './dispatch';

/** Far more than the submissions of a few minutes; the oldest are forgotten first. */
export const REMEMBERED_REQUESTS = 500;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Remembered {
  /** The input as sent, less the key: the same key with other content is refused, not answered. */
  fingerprint: string;
  answer: Promise<Result<unknown>>;
}

export interface RememberingDispatch extends Dispatch {
  /** Drops every remembered answer (on lock: no decrypted record outlives the session). */
  forget(): void;
}

export function rememberRequests(dispatch: Dispatch, limit = REMEMBERED_REQUESTS): RememberingDispatch {
  const remembered = new Map<string, Remembered>();

  const remembering = (async (channel, input) => {
    const requestId = requestIdOf(input);
    if (requestId === null) return dispatch(channel, input);
    const { requestId: _key, ...fields } = input as Record<string, unknown>;
    const key = `${channel}\u0000${requestId}`;
    const fingerprint = JSON.stringify(fields);
    const earlier = remembered.get(key);
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) {
        return {
          ok: false,
          error: { code: 'conflict', message: 'That request was already sent with other content; nothing was saved twice.' },
        };
      }
      return earlier.answer;
    }
    const answer = dispatch(channel, fields);
    remembered.set(key, { fingerprint, answer });
    while (remembered.size > limit) {
      const oldest = remembered.keys().next().value;
      if (oldest === undefined) break;
      remembered.delete(oldest);
    }
    const result = await answer;
    if (!result.ok && remembered.get(key)?.answer === answer) remembered.delete(key);
    return result;
  }) as RememberingDispatch;
  remembering.forget = () => remembered.clear();
  return remembering;
}

/** The key, when the input carries a well-formed one; otherwise the call passes through and the contract judges it. */
function requestIdOf(input: unknown): string | null {
  if (typeof input !== 'object' || input === null || !('requestId' in input)) return null;
  const { requestId } = input as { requestId: unknown };
  return typeof requestId === 'string' && UUID.test(requestId) ? requestId : null;
}
