/**
 * The worker thread's side (built as out/main/task-worker.js): runs one named task at a time, as the
 * pool sends them, and answers each with its output or how it failed.
 */
import { parentPort } from 'node:worker_threads';
import { describeFailure, movable, type TaskReply, type TaskRequest } from './protocol';
import { TASKS } from './tasks';

const port = parentPort;
if (!port) throw new Error('task-worker: started outside a worker thread');

port.on('message', async ({ id, name, input }: TaskRequest) => {
  try {
    const output = movable(await TASKS[name](input as never));
    port.postMessage({ id, ok: true, value: output.value } satisfies TaskReply, output.transfer);
  } catch (error) {
    // Also an output that cannot be cloned: the caller gets a fault, not a silent worker.
    port.postMessage({ id, ok: false, failure: describeFailure(error) } satisfies TaskReply);
  }
});
