import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../../engine';
import { runLintJob, type LintJob } from './lintJob';
import { takeJobs, type WorkerReply, type WorkerTask } from './queue';

// Lints many files on several threads: the main thread and `jobs - 1` workers take files from one
// queue, largest first, so that no thread is left with a big file at the end. The queue is a
// counter in shared memory that every thread advances atomically: a worker never waits for the main
// thread to hand it the next file (the main thread lints too, and would answer only between files).
// Each worker pays for loading the engine, so small runs stay on the main thread (PARALLEL_MIN_CHARS).

/** Below this much text in all, starting workers costs more than it saves (measured by npm run bench). */
export const PARALLEL_MIN_CHARS = 400_000;

/** The worker bundle beside the CLI bundle; absent when the CLI runs from source (tests in process). */
export function workerScript(): string | null {
  const file = path.join(__dirname, 'lintWorker.js');
  return existsSync(file) ? file : null;
}

/** Whether to start workers for these jobs. */
export function worthParallel(jobs: readonly LintJob[], threads: number): boolean {
  return threads > 1 && jobs.length > 1 && jobs.reduce((n, j) => n + j.text.length, 0) >= PARALLEL_MIN_CHARS && workerScript() !== null;
}

/** The diagnostics of every job, by job index. A job that fails in a worker rejects the whole run. */
export async function lintInParallel(jobs: readonly LintJob[], threads: number): Promise<Map<number, Diagnostic[]>> {
  const task: WorkerTask = {
    jobs: [...jobs].sort((a, b) => b.text.length - a.text.length),
    next: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)),
  };
  const results = new Map<number, Diagnostic[]>();
  const script = workerScript()!;
  // Loaded here, not at the top: a run on one thread does not pay for the module. require, not
  // import(): the launcher runs the bundle as a vm.Script, which has no dynamic import.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  const workers = Array.from({ length: Math.min(threads - 1, jobs.length - 1) }, () => new Worker(script));
  try {
    const done = workers.map((worker) => collect(worker, task, results));
    // The main thread takes files from the same queue; the workers' results wait in its event loop.
    takeJobs(task, (job) => results.set(job.index, runLintJob(job)));
    await Promise.all(done);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/** Starts a worker on the queue and takes in its results until it finds the queue empty. */
function collect(worker: Worker, task: WorkerTask, results: Map<number, Diagnostic[]>): Promise<void> {
  return new Promise((resolve, reject) => {
    worker.on('message', (reply: WorkerReply) => {
      if ('error' in reply) reject(new Error(`${reply.name}: ${reply.error}`));
      else if ('diagnostics' in reply) results.set(reply.index, reply.diagnostics);
      else resolve();
    });
    worker.on('error', reject);
    worker.postMessage(task);
  });
}
