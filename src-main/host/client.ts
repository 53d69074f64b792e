/**
 * The caller's side of a service host (entry.ts): `dispatch(channel, input)` with the same shape and
 * answers as `createPeerpath(...).dispatch`, plus `lock(reason)` and `close()`. It answers the
 * host's dialog requests with the caller's own FileDialogs (Electron's in the app, stubs in the e2e
 * host). Works over a utilityProcess (`fromUtilityProcess`) or a worker thread (thread.ts); imports
 * no services, so Electron's main process can load it. Used by src-main/shell and host/thread.ts.
 */
import type { FileDialogs } from '../api/handlers/files';
import { AppError, type Result } from '../contract';
import type { LockReason } from '../services/vault-session';
import { describeFailure } from '../workers/protocol';
import type { DialogMethod, FromHost, HostPort, HostStart, ToHost } from './protocol';

export interface HostClient {
  /** As `createPeerpath(...).dispatch`: never throws; a host that has stopped answers `internal`. */
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Locks the vault inside the host (the screen locked, the computer sleeps, a test's idle lock). */
  lock(reason: LockReason): Promise<void>;
  /** Locks the vault and ends the host. */
  close(): Promise<void>;
}

/** What the client needs of the host's process or thread beyond its port. */
export interface HostLink {
  port: HostPort<ToHost, FromHost>;
  /** Called once when the host's process or thread ends, whatever the reason. */
  onExit(listener: () => void): void;
  /** Ends it at once (after `close`, or when it stopped answering). */
  end(): void;
  /** Told whether calls are waiting, so a thread keeps its process alive only while it owes an answer. */
  hold?(waiting: boolean): void;
}

export interface ConnectOptions {
  start: Omit<HostStart, 'dialogs'>;
  /** The caller's save and folder dialogs; without them the host's `files.*` refuse. */
  dialogs?: FileDialogs | undefined;
  /** The host ended without being asked to (a crash, out of memory) after it was ready. */
  onUnexpectedExit?: () => void;
}

/** What every pending and later call gets once the host has gone: plain words, nothing from the call. */
export const HOST_STOPPED: Result<never> = {
  ok: false,
  error: { code: 'internal', message: 'Peerpath’s vault process stopped, so this was not done. Open Peerpath again.' },
};

/** How long a `close` may take before the host is ended anyway. */
const CLOSE_GRACE_MS = 5_000;

/** Starts the host over `link` and resolves once it is ready for calls. */
export function connectHost(link: HostLink, options: ConnectOptions): Promise<HostClient> {
  const { port } = link;
  const results = new Map<number, (result: Result<unknown>) => void>();
  const controls = new Map<number, () => void>();
  let nextId = 1;
  let exited = false;
  let started = false;
  let closing = false;
  let ready: () => void = () => {};
  let failedToStart: (error: Error) => void = () => {};
  const settled = () => link.hold?.(results.size + controls.size > 0);

  link.onExit(() => {
    exited = true;
    failedToStart(new Error('The service host stopped before it was ready.'));
    for (const answer of results.values()) answer(HOST_STOPPED);
    for (const done of controls.values()) done();
    results.clear();
    controls.clear();
    // Before `ready`, the start itself fails instead.
    if (started && !closing) options.onUnexpectedExit?.();
  });

  port.onMessage((message) => {
    switch (message.kind) {
      case 'ready':
        ready();
        return;
      case 'result':
        results.get(message.id)?.(message.result);
        results.delete(message.id);
        settled();
        return;
      case 'done':
        controls.get(message.id)?.();
        controls.delete(message.id);
        settled();
        return;
      case 'dialog':
        void answerDialog(message.id, message.method, message.options);
        return;
    }
  });

  async function answerDialog(id: number, method: DialogMethod, dialogOptions: Parameters<FileDialogs[DialogMethod]>[0]): Promise<void> {
    try {
      // The host asks only when `start` said there are dialogs; this is for a host that asks anyway.
      if (!options.dialogs) throw new AppError('forbidden', 'File dialogs are not available here.');
      // Both methods take the options their request carries; the host built them from the contract's input.
      const path = await (options.dialogs[method] as (value: typeof dialogOptions) => Promise<string | null>)(dialogOptions);
      if (!exited) port.post({ kind: 'dialogAnswer', id, ok: true, path });
    } catch (error) {
      if (!exited) port.post({ kind: 'dialogAnswer', id, ok: false, failure: describeFailure(error) });
    }
  }

  function control(message: { kind: 'lock'; reason: LockReason } | { kind: 'close' }): Promise<void> {
    if (exited) return Promise.resolve();
    const id = nextId++;
    return new Promise((done) => {
      controls.set(id, done);
      link.hold?.(true);
      port.post({ ...message, id });
    });
  }

  const client: HostClient = {
    dispatch(channel, input) {
      if (exited) return Promise.resolve(HOST_STOPPED);
      const id = nextId++;
      return new Promise((answer) => {
        results.set(id, answer);
        link.hold?.(true);
        port.post({ kind: 'dispatch', id, channel, input });
      });
    },
    lock: (reason) => control({ kind: 'lock', reason }),
    async close() {
      closing = true;
      const grace = setTimeout(() => link.end(), CLOSE_GRACE_MS);
      await control({ kind: 'close' });
      clearTimeout(grace);
      link.end();
    },
  };

  return new Promise((resolve, reject) => {
    ready = () => {
      started = true;
      settled();
      resolve(client);
    };
    failedToStart = reject;
    port.post({ kind: 'start', options: { ...options.start, dialogs: options.dialogs !== undefined } });
  });
}

/** What the client uses of Electron's UtilityProcess (structural, so this module never imports Electron). */
export interface UtilityChild {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

/** The link to a host forked with `utilityProcess.fork` (the app). */
export function fromUtilityProcess(child: UtilityChild): HostLink {
  return {
    port: {
      post: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', (message) => listener(message as FromHost)),
    },
    onExit: (listener) => child.on('exit', () => listener()),
    end: () => void child.kill(),
  };
}
