/**
 * What the pool and a worker thread say to each other: a request names a task and carries its input;
 * the reply carries the output or how it failed. A refusal (AppError) crosses with its code and
 * message, which are written for the person at the keyboard; anything else crosses by its name
 * only, since its message could quote student data.
 */
import { AppError, type ErrorCode } from '../contract';
import type { TaskName } from './tasks';

export interface TaskRequest {
  id: number;
  name: TaskName;
  input: unknown;
}

/** The pool ending an idle thread: it closes its vault connection and wipes its key copy, then exits. */
export interface CloseRequest {
  close: true;
}

export type ThreadMessage = TaskRequest | CloseRequest;

export type TaskFailure = { kind: 'refusal'; code: ErrorCode; message: string; retryAfterMs?: number } | { kind: 'fault'; name: string };

export type TaskReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; failure: TaskFailure };

export function describeFailure(error: unknown): TaskFailure {
  if (error instanceof AppError) {
    return error.retryAfterMs === undefined
      ? { kind: 'refusal', code: error.code, message: error.message }
      : { kind: 'refusal', code: error.code, message: error.message, retryAfterMs: error.retryAfterMs };
  }
  return { kind: 'fault', name: error instanceof Error ? error.name : typeof error };
}

/** A task that threw something unexpected; named like the original, so callers can say what kind of error it was. */
export class TaskFault extends Error {
  constructor(task: TaskName, originalName: string) {
    super(`${task} failed in a worker thread`);
    this.name = originalName;
  }
}

export function failureError(task: TaskName, failure: TaskFailure): Error {
  if (failure.kind === 'refusal') {
    return new AppError(
      failure.code,
      failure.message,
      failure.retryAfterMs === undefined ? undefined : { retryAfterMs: failure.retryAfterMs },
    );
  }
  return new TaskFault(task, failure.name);
}

/**
 * The output with its byte arrays made movable: their buffers go to the other thread instead of being
 * copied. An array sharing a bigger buffer (Node's pool for small Buffers) is copied out first, since
 * moving the buffer would take its neighbours too.
 */
export function movable(value: unknown): { value: unknown; transfer: ArrayBuffer[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { value, transfer: [] };
  const transfer: ArrayBuffer[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field instanceof Uint8Array) {
      const own = ownsItsBuffer(field) ? field : new Uint8Array(field);
      transfer.push(own.buffer as ArrayBuffer);
      out[key] = own;
    } else {
      out[key] = field;
    }
  }
  return { value: out, transfer };
}

function ownsItsBuffer(bytes: Uint8Array): boolean {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
}
