import type { LintJob, LintOutcome } from './lintJob';

// The queue of a parallel lint run, shared by the main thread and the workers: the jobs in the order
// to take them, and the index of the next one in shared memory. Every thread takes the next job with
// an atomic add, so the threads divide the work among themselves without messages.

export interface WorkerTask {
  jobs: LintJob[];
  /** One element: the index in `jobs` of the next job to take. */
  next: Int32Array;
}

/** What a worker sends back: a job's diagnostics, a job's failure, or that the queue is empty. */
export type WorkerReply = ({ index: number } & LintOutcome) | { index: number; name: string; error: string } | { done: true };

/** Runs `lint` on jobs taken from the queue until it is empty. */
export function takeJobs(task: WorkerTask, lint: (job: LintJob) => void): void {
  for (let i = Atomics.add(task.next, 0, 1); i < task.jobs.length; i = Atomics.add(task.next, 0, 1)) lint(task.jobs[i]);
}
