import { parentPort } from 'node:worker_threads';
import { runLintJob } from './lintJob';
import { takeJobs, type WorkerReply, type WorkerTask } from './queue';

// The entry of a lint worker thread (bundled as dist/lintWorker.js): takes jobs from the shared
// queue until it is empty, sending each job's diagnostics as it goes. A failure is sent back rather
// than thrown, so that the main thread reports it with the file.

parentPort?.once('message', (task: WorkerTask) => {
  const reply = (r: WorkerReply) => parentPort!.postMessage(r);
  try {
    takeJobs(task, (job) => {
      try {
        reply({ index: job.index, ...runLintJob(job) });
      } catch (e) {
        reply({ index: job.index, name: job.name, error: (e as Error)?.stack ?? String(e) });
        throw e;
      }
    });
  } catch {
    // reported above; the main thread ends the run
  }
  reply({ done: true });
});
