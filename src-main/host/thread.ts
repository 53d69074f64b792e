/**
 * The service host as a worker thread, for Node callers: the CLI, the e2e host, tests and the
 * benchmark. The same entry Electron forks as a utilityProcess (entry.ts), found as the worker
 * threads find theirs (workers/script.ts): `service-host.js` beside the built code, or bundled from
 * the sources. `startHostThread(options)` resolves to a client whose `dispatch` answers exactly as
 * `createPeerpath(options).dispatch` would in this thread.
 */
import { Worker } from 'node:worker_threads';
import type { FileDialogs } from '../api/handlers/files';
import { threadScript } from '../workers/script';
import { connectHost, type HostClient } from './client';
import type { HostStart } from './protocol';

export interface HostThreadOptions extends Omit<HostStart, 'dialogs'> {
  /** The caller's save and folder dialogs (the e2e host's stubs); without them `files.*` refuse. */
  dialogs?: FileDialogs | undefined;
  /** The thread ended without being asked to; its calls already answered `internal`. */
  onUnexpectedExit?: () => void;
}

export function startHostThread({ dialogs, onUnexpectedExit, ...start }: HostThreadOptions): Promise<HostClient> {
  const script = threadScript('service-host');
  const worker = new Worker(script.url, { workerData: script.workerData, name: 'peerpath-service-host' });
  const client = connectHost(
    {
      port: { post: (message) => worker.postMessage(message), onMessage: (listener) => worker.on('message', listener) },
      onExit: (listener) => {
        worker.once('exit', listener);
      },
      end: () => void worker.terminate(),
      // Held only while it owes an answer: a caller that has finished (the CLI, a test) is not kept alive by an idle host.
      hold: (waiting) => (waiting ? worker.ref() : worker.unref()),
    },
    { start, dialogs, ...(onUnexpectedExit ? { onUnexpectedExit } : {}) },
  );
  // A thread that fails to load reports it as an 'error' before its exit; its message (a compile
  // error from the sources, or data) stays here: the exit already fails the start.
  worker.on('error', () => {});
  return client;
}
