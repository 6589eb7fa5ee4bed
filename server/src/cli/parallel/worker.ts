import { parentPort } from 'node:worker_threads';
import { runLintJob, type LintJob } from './lintJob';

// The entry of a lint worker thread (bundled as dist/lintWorker.js): a job in, its diagnostics out.
// A failure is sent back rather than thrown, so that the main thread reports it with the file.

parentPort?.on('message', (job: LintJob) => {
  try {
    parentPort!.postMessage({ index: job.index, diagnostics: runLintJob(job) });
  } catch (e) {
    parentPort!.postMessage({ index: job.index, error: (e as Error)?.stack ?? String(e) });
  }
});
