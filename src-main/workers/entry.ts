/**
 * The worker thread's side (built as out/main/task-worker.js): runs one named task at a time, as the
 * pool sends them, and answers each with its output or how it failed. Asked to close (the pool ends
 * an idle thread), it closes its vault connection and wipes its key copy before it exits.
 */
import { parentPort } from 'node:worker_threads';
import { describeFailure, movable, type TaskReply, type ThreadMessage } from './protocol';
import { TASKS, type TaskThread } from './tasks';
import { createVaultReader } from './vault-reader';

const port = parentPort;
if (!port) throw new Error('task-worker: started outside a worker thread');

const thread: TaskThread = { vault: createVaultReader() };

port.on('message', async (message: ThreadMessage) => {
  if ('close' in message) {
    thread.vault.close();
    process.exit(0);
  }
  const { id, name, input } = message;
  try {
    const output = movable(await TASKS[name](input as never, thread));
    port.postMessage({ id, ok: true, value: output.value } satisfies TaskReply, output.transfer);
  } catch (error) {
    // Also an output that cannot be cloned: the caller gets a fault, not a silent worker.
    port.postMessage({ id, ok: false, failure: describeFailure(error) } satisfies TaskReply);
  }
});
