import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../../engine';
import { runLintJob, type LintJob } from './lintJob';

// Lints many files on several threads: the main thread and `jobs - 1` workers take files from one
// queue, largest first, so that no thread is left with a big file at the end. Each worker pays for
// loading the engine and warming it up, so small runs stay on the main thread (see PARALLEL_MIN_CHARS).

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
  const queue = [...jobs].sort((a, b) => b.text.length - a.text.length);
  const results = new Map<number, Diagnostic[]>();
  const script = workerScript()!;
  // Loaded here, not at the top: a run on one thread does not pay for the module. require, not
  // import(): the launcher runs the bundle as a vm.Script, which has no dynamic import.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  const workers = Array.from({ length: Math.min(threads - 1, queue.length - 1) }, () => new Worker(script));
  try {
    const done = workers.map((worker) => drain(worker, queue, results));
    // The main thread works too, yielding between files so that workers' results are taken in.
    for (let job = queue.shift(); job; job = queue.shift()) {
      results.set(job.index, runLintJob(job));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(done);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/** Feeds one worker from the queue until it is empty. */
function drain(worker: Worker, queue: LintJob[], results: Map<number, Diagnostic[]>): Promise<void> {
  return new Promise((resolve, reject) => {
    const next = () => {
      current = queue.shift();
      if (current) worker.postMessage(current);
      else resolve();
    };
    let current: LintJob | undefined;
    worker.on('message', (m: { index: number; diagnostics?: Diagnostic[]; error?: string }) => {
      if (m.error !== undefined) return reject(new Error(`${current?.name}: ${m.error}`));
      results.set(m.index, m.diagnostics!);
      next();
    });
    worker.on('error', reject);
    next();
  });
}
