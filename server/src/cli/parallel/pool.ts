import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { runLintJob, type LintJob, type LintOutcome } from './lintJob';
import { takeJobs, type WorkerReply, type WorkerTask } from './queue';

// Lints many files on several threads: the main thread and `jobs - 1` workers take files from one
// queue, largest first, so that no thread is left with a big file at the end. The queue is a
// counter in shared memory that every thread advances atomically: a worker never waits for the main
// thread to hand it the next file (the main thread lints too, and would answer only between files).
// A worker takes about as long to start as the main thread takes to read 50 reports, so a run that
// will need workers starts them before reading (LintWorkers.startFor). Small runs stay on the main
// thread (PARALLEL_MIN_CHARS).

/** Below this much text in all, starting workers costs more than it saves (measured by npm run bench). */
export const PARALLEL_MIN_CHARS = 400_000;

/** The worker bundle beside the CLI bundle; absent when the CLI runs from source (tests in process). */
export function workerScript(): string | null {
  const file = path.join(__dirname, 'lintWorker.js');
  return existsSync(file) ? file : null;
}

/** Whether to lint these jobs on `threads` threads. */
export function worthParallel(jobs: readonly LintJob[], threads: number): boolean {
  return threads > 1 && jobs.length > 1 && jobs.reduce((n, j) => n + j.text.length, 0) >= PARALLEL_MIN_CHARS && workerScript() !== null;
}

/** Worker threads started ahead of a lint, loading the engine while the main thread reads the files. */
export class LintWorkers {
  private constructor(private readonly workers: Worker[]) {}

  /**
   * Workers for a run of these files on `threads` threads, or undefined when it will not need any:
   * a character takes at least one byte, so files of fewer bytes than PARALLEL_MIN_CHARS in all
   * cannot hold enough text.
   */
  static startFor(files: readonly string[], threads: number): LintWorkers | undefined {
    const script = workerScript();
    if (threads < 2 || files.length < 2 || script === null) return undefined;
    let bytes = 0;
    for (const file of files) {
      try {
        bytes += statSync(file).size;
      } catch {
        // reading it will say what is wrong
      }
    }
    if (bytes < PARALLEL_MIN_CHARS) return undefined;
    // Loaded here, not at the top: a run on one thread does not pay for the module. require, not
    // import(): the launcher runs the bundle as a vm.Script, which has no dynamic import.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
    return new LintWorkers(Array.from({ length: Math.min(threads, files.length) - 1 }, () => new Worker(script)));
  }

  /** What every job gave, by job index, linted here and on at most `threads - 1` of the workers. */
  async lint(jobs: readonly LintJob[], threads: number): Promise<Map<number, LintOutcome>> {
    const task: WorkerTask = {
      jobs: [...jobs].sort((a, b) => b.text.length - a.text.length),
      next: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)),
    };
    const results = new Map<number, LintOutcome>();
    const done = this.workers.slice(0, Math.min(threads - 1, jobs.length - 1)).map((worker) => collect(worker, task, results));
    // The main thread takes files from the same queue; the workers' results wait in its event loop.
    takeJobs(task, (job) => results.set(job.index, runLintJob(job)));
    await Promise.all(done);
    return results;
  }

  /**
   * Ends every worker, without waiting for the threads to stop (a few milliseconds each, which the
   * output need not wait for); an unreferenced worker does not keep the process alive.
   */
  close(): void {
    for (const w of this.workers) {
      w.unref();
      void w.terminate();
    }
  }
}

/** Starts a worker on the queue and takes in its results until it finds the queue empty. A job that fails rejects the run. */
function collect(worker: Worker, task: WorkerTask, results: Map<number, LintOutcome>): Promise<void> {
  return new Promise((resolve, reject) => {
    worker.on('message', (reply: WorkerReply) => {
      if ('error' in reply) reject(new Error(`${reply.name}: ${reply.error}`));
      else if ('diagnostics' in reply) results.set(reply.index, reply);
      else resolve();
    });
    worker.on('error', reject);
    worker.postMessage(task);
  });
}
