/**
 * What a service host and its client say to each other, over a utilityProcess's port or a worker
 * thread's. The client starts the host with one `start` message (the vault folders, the demo's
 * options), then sends calls (`dispatch`) and control messages (`lock`, `close`); the host answers
 * each by its id. A dialog goes the other way: the host asks (`dialog`), the client answers
 * (`dialogAnswer`), since dialogs belong to the window's process or the caller.
 * Imported by host/entry.ts (the host's side) and host/client.ts (the caller's side); types only,
 * plus the error crossing rules, so the Electron main process can load it without the services.
 */
import type { FileDialogs } from '../api/handlers/files';
import { AppError, type Result } from '../contract';
import type { DemoOptionsInput } from '../services/demo';
import type { LockReason } from '../services/vault-session';
import type { KdfCost } from '../vault/kdf';
import type { TaskFailure } from '../workers/protocol';

/** Everything a host needs to open its session; plain data, so it crosses any port. */
export interface HostStart {
  /** The vault's folder. */
  dir: string;
  /** Where "Try with demo data" keeps its vault; never `dir`. */
  demoDir?: string;
  /** The demo's generator options; `endsToday` places its weeks just before today (the app does). */
  demo?: DemoOptionsInput & { endsToday?: boolean };
  /** Only tests lower it; the vault's own default otherwise. */
  kdfCost?: KdfCost;
  /** Whether the client answers dialog requests; without, `files.*` refuse (as on the command line). */
  dialogs: boolean;
  /** Only the CLI's host: the channels that name a file or folder on disk answer (api/handlers/command-line.ts). */
  commandLine?: boolean;
}

export type DialogMethod = keyof FileDialogs;

export type ToHost =
  | { kind: 'start'; options: HostStart }
  | { kind: 'dispatch'; id: number; channel: string; input: unknown }
  | { kind: 'lock'; id: number; reason: LockReason }
  /** Locks the vault, ends the worker threads; the host then waits to be ended. */
  | { kind: 'close'; id: number }
  | { kind: 'dialogAnswer'; id: number; ok: true; path: string | null }
  | { kind: 'dialogAnswer'; id: number; ok: false; failure: TaskFailure };

export type DialogAnswer = Extract<ToHost, { kind: 'dialogAnswer' }>;

export type FromHost =
  | { kind: 'ready' }
  | { kind: 'result'; id: number; result: Result<unknown> }
  /** A `lock` or `close` done. */
  | { kind: 'done'; id: number }
  | { kind: 'dialog'; id: number; method: DialogMethod; options: Parameters<FileDialogs[DialogMethod]>[0] };

/** Either side's end of the channel: a utilityProcess or worker port, wrapped to one shape. */
export interface HostPort<Out, In> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}

/** The client's dialog failed: a refusal keeps its words, anything else only its name (see workers/protocol.ts `describeFailure`). */
export function dialogError(failure: TaskFailure): Error {
  if (failure.kind === 'refusal') return new AppError(failure.code, failure.message);
  const error = new Error('A file dialog failed in the window’s process.');
  error.name = failure.name;
  return error;
}
