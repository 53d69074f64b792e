/**
 * A few long-lived worker threads that run named tasks (tasks.ts) off the main thread, so the window
 * stays responsive while a plan is solved or a report is drawn. Threads start on first use, run one
 * task at a time each, and end after five quiet minutes; an idle thread never keeps a process (the
 * CLI, a test run) from exiting. A thread that dies fails its task with a clear error and is replaced
 * on demand; a cancelled task ends its thread, the only way to stop a synchronous computation.
 */
import { availableParallelism } from 'node:os';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import { type CloseRequest, failureError, type TaskReply, type TaskRequest } from './protocol';
import { workerScript } from './script';
import type { TaskInput, TaskName, TaskOutput } from './tasks';

export interface TaskPoolOptions {
  /** Threads at most; default 2, so a preview or a matching run need not wait for a batch. */
  size?: number;
  /** A thread idle this long ends; default five minutes (starting one takes most of a second). */
  idleMs?: number;
  resourceLimits?: ResourceLimits;
}

export interface RunOptions {
  /** Aborting drops a queued task, or ends the thread running it; the task rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Buffers of the input to move to the thread rather than copy (a key copy: no second copy left here). */
  transfer?: ArrayBuffer[] | undefined;
}

export interface TaskRunner {
  run<N extends TaskName>(name: N, input: TaskInput<N>, options?: RunOptions): Promise<TaskOutput<N>>;
}

/** A worker thread that ended while a task was running on it (a crash, running out of memory). */
export class WorkerExited extends Error {
  constructor(task: TaskName, cause: string) {
    super(`The worker thread running ${task} stopped (${cause}).`);
    this.name = 'WorkerExited';
  }
}

interface Job {
  request: TaskRequest;
  transfer: ArrayBuffer[];
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

interface Thread {
  worker: Worker;
  job: Job | null;
  idleTimer: NodeJS.Timeout | null;
}

/** How long an idle thread asked to close may take before it is terminated anyway. */
const CLOSE_GRACE_MS = 2_000;

export function createTaskPool(options: TaskPoolOptions = {}) {
  const size = options.size ?? Math.max(1, Math.min(2, availableParallelism() - 1));
  const idleMs = options.idleMs ?? 5 * 60_000;
  const threads = new Set<Thread>();
  const queue: Job[] = [];
  let nextId = 1;

  function settle(job: Job): void {
    job.signal?.removeEventListener('abort', job.onAbort);
  }

  /**
   * An idle thread closes its vault connection and wipes its key copy itself before it exits. A busy
   * one is terminated, the only way to stop a synchronous task: better-sqlite3 then closes its
   * connection as the thread's environment is torn down.
   */
  function end(thread: Thread): void {
    if (!threads.delete(thread)) return;
    if (thread.idleTimer) clearTimeout(thread.idleTimer);
    if (thread.job) {
      void thread.worker.terminate();
      return;
    }
    thread.worker.postMessage({ close: true } satisfies CloseRequest);
    setTimeout(() => void thread.worker.terminate(), CLOSE_GRACE_MS).unref();
  }

  function rest(thread: Thread): void {
    thread.job = null;
    thread.worker.unref();
    thread.idleTimer = setTimeout(() => end(thread), idleMs);
    thread.idleTimer.unref();
  }

  function died(thread: Thread, cause: string): void {
    if (!threads.has(thread)) return;
    const job = thread.job;
    end(thread);
    if (job) {
      settle(job);
      job.reject(new WorkerExited(job.request.name, cause));
    }
    pump();
  }

  function spawn(): Thread {
    const script = workerScript();
    const worker = new Worker(script.url, {
      workerData: script.workerData,
      name: 'peerpath-tasks',
      ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
    });
    const thread: Thread = { worker, job: null, idleTimer: null };
    worker.on('message', (reply: TaskReply) => {
      const job = thread.job;
      if (!job || job.request.id !== reply.id) return;
      settle(job);
      rest(thread);
      if (reply.ok) job.resolve(reply.value);
      else job.reject(failureError(job.request.name, reply.failure));
      pump();
    });
    // The error's message stays here: it could come from inside a task, with its data.
    worker.on('error', (error: Error & { code?: string }) => died(thread, error.code ?? error.name));
    worker.on('exit', (code) => died(thread, `exit code ${code}`));
    threads.add(thread);
    return thread;
  }

  function start(thread: Thread, job: Job): void {
    if (thread.idleTimer) clearTimeout(thread.idleTimer);
    thread.idleTimer = null;
    thread.job = job;
    thread.worker.ref();
    try {
      thread.worker.postMessage(job.request, job.transfer);
    } catch (error) {
      // An input that cannot be cloned: refused before it reached the thread, which stays usable.
      settle(job);
      rest(thread);
      job.reject(new Error(`${job.request.name}: its input cannot be sent to a worker thread (${(error as Error).name})`));
    }
  }

  function pump(): void {
    while (queue.length > 0) {
      let thread = [...threads].find((candidate) => candidate.job === null);
      if (!thread) {
        if (threads.size >= size) return;
        thread = spawn();
      }
      start(thread, queue.shift() as Job);
    }
  }

  function abort(job: Job): void {
    settle(job);
    const queued = queue.indexOf(job);
    if (queued >= 0) queue.splice(queued, 1);
    const running = [...threads].find((thread) => thread.job === job);
    if (running) end(running);
    job.reject(job.signal?.reason);
    pump();
  }

  const runner: TaskRunner = {
    run(name, input, runOptions = {}) {
      const { signal, transfer = [] } = runOptions;
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise((resolve, reject) => {
        const job: Job = {
          request: { id: nextId++, name, input },
          transfer,
          resolve: resolve as (value: unknown) => void,
          reject,
          signal,
          onAbort: () => abort(job),
        };
        signal?.addEventListener('abort', job.onAbort, { once: true });
        queue.push(job);
        pump();
      });
    },
  };

  return {
    ...runner,
    /** Ends every thread; queued and running tasks reject with `reason`. The pool stays usable: new tasks start new threads. */
    stop(reason: Error): void {
      const jobs = [...queue, ...[...threads].flatMap((thread) => (thread.job ? [thread.job] : []))];
      queue.length = 0;
      for (const thread of [...threads]) end(thread);
      for (const job of jobs) {
        settle(job);
        job.reject(reason);
      }
    },
    /** Threads alive now (busy or idle). */
    get threads(): number {
      return threads.size;
    },
  };
}

export type TaskPool = ReturnType<typeof createTaskPool>;
