/**
 * The service host: the one process (or thread) that holds the vault's key and runs SQL. Electron
 * forks it as a utilityProcess (out/main/service-host.js); the CLI, the e2e host and tests start the
 * same file as a worker thread (thread.ts). It waits for its `start` message, builds `createPeerpath`
 * inside itself, then answers calls and control messages (protocol.ts). Nothing imports this file:
 * it is an entry of the build (electron.vite.config.ts) and of workers/from-source.ts.
 */
import { parentPort as threadPort } from 'node:worker_threads';
import { createPeerpath, type Peerpath } from '../api/app';
import type { FileDialogs } from '../api/handlers/files';
import type { Result } from '../contract';
import { createDemoSeeder } from '../services/demo';
import { type DialogAnswer, type DialogMethod, dialogError, type FromHost, type HostPort, type HostStart, type ToHost } from './protocol';

const INTERNAL = 'Something went wrong inside Peerpath; the action did not complete.';

/** Electron's `process.parentPort` in a utilityProcess: messages arrive wrapped as `{ data }`. */
interface UtilityParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function hostPort(): HostPort<FromHost, ToHost> {
  const utility = (process as { parentPort?: UtilityParentPort }).parentPort;
  if (utility) {
    return {
      post: (message) => utility.postMessage(message),
      onMessage: (listener) => utility.on('message', (event) => listener(event.data as ToHost)),
    };
  }
  const thread = threadPort;
  if (!thread) throw new Error('service host: started neither as a utilityProcess nor as a worker thread');
  return { post: (message) => thread.postMessage(message), onMessage: (listener) => thread.on('message', listener) };
}

/** Dialogs that ask the client (the window's process, or whoever started the thread) and wait for its answer. */
function remoteDialogs(port: HostPort<FromHost, ToHost>, pending: Map<number, (answer: DialogAnswer) => void>): FileDialogs {
  let nextId = 1;
  const ask = (method: DialogMethod, options: Parameters<FileDialogs[DialogMethod]>[0]) =>
    new Promise<string | null>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, (answer) => (answer.ok ? resolve(answer.path) : reject(dialogError(answer.failure))));
      port.post({ kind: 'dialog', id, method, options });
    });
  return {
    chooseSavePath: (options) => ask('chooseSavePath', options),
    chooseFolder: (options) => ask('chooseFolder', options),
  };
}

function build(options: HostStart, port: HostPort<FromHost, ToHost>, dialogAnswers: Map<number, (answer: DialogAnswer) => void>): Peerpath {
  const { demo, dialogs, ...folders } = options;
  const { endsToday, ...demoOptions } = demo ?? {};
  return createPeerpath({
    ...folders,
    ...(demo ? { seedDemo: createDemoSeeder({ ...demoOptions, ...(endsToday ? { today: () => new Date() } : {}) }) } : {}),
    ...(dialogs ? { dialogs: remoteDialogs(port, dialogAnswers) } : {}),
  });
}

/** An answer that cannot be copied to the other side (a contract output that is not plain data) is refused, not left waiting. */
function answer(port: HostPort<FromHost, ToHost>, id: number, result: Result<unknown>): void {
  try {
    port.post({ kind: 'result', id, result });
  } catch (error) {
    const name = error instanceof Error ? error.name : typeof error;
    console.error(`[peerpath] service host: an answer could not be sent (${name})`);
    port.post({ kind: 'result', id, result: { ok: false, error: { code: 'internal', message: INTERNAL } } });
  }
}

function serve(port: HostPort<FromHost, ToHost>): void {
  let peerpath: Peerpath | null = null;
  const dialogAnswers = new Map<number, (answer: DialogAnswer) => void>();
  port.onMessage((message) => {
    switch (message.kind) {
      case 'start':
        // A second start would open a second session on the same vault files.
        if (peerpath) return;
        peerpath = build(message.options, port, dialogAnswers);
        port.post({ kind: 'ready' });
        return;
      case 'dispatch': {
        if (!peerpath) return;
        const { id } = message;
        // dispatch never throws: every failure is already in the envelope.
        void peerpath.dispatch(message.channel, message.input).then((result) => answer(port, id, result));
        return;
      }
      case 'lock':
        peerpath?.session.lock(message.reason);
        port.post({ kind: 'done', id: message.id });
        return;
      case 'close':
        // Locking ends the worker threads too (api/app.ts): nothing of the vault stays open here.
        peerpath?.session.lock('system');
        port.post({ kind: 'done', id: message.id });
        return;
      case 'dialogAnswer': {
        const waiting = dialogAnswers.get(message.id);
        dialogAnswers.delete(message.id);
        waiting?.(message);
        return;
      }
    }
  });
}

serve(hostPort());
