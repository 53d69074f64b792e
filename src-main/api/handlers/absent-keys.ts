/**
 * A key sent with the value `undefined` means the same as a key not sent. Electron's IPC (structured
 * clone) keeps such keys where JSON drops them, and zod's `.optional()` / `.partial()` accept them;
 * left in, `{ changes: { name: undefined } }` reads as a change to make, and a service writing it
 * meets "no values to set" or overwrites a setting with nothing — an `internal` answer for what is
 * an empty field. So every handler receives its parsed input with those keys removed, at every depth.
 */
import type { Channel } from '../../contract';
import type { Handlers } from '../dispatch';

export function withoutUndefinedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => withoutUndefinedKeys(item)) as T;
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) result[key] = withoutUndefinedKeys(item);
  return result as T;
}

export function absentKeysDropped(handlers: Handlers): Handlers {
  const wrapped: Record<string, unknown> = {};
  for (const [channel, handler] of Object.entries(handlers) as [Channel, (input: unknown) => unknown][]) {
    wrapped[channel] = (input: unknown) => handler(withoutUndefinedKeys(input));
  }
  return wrapped as Handlers;
}
