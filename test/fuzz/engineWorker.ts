// The worker thread of the engine fuzz tests: checks one text at a time against every invariant
// and answers with the error, if any. Run as a worker so that the test thread can stop it when an
// input makes the engine hang (a busy loop never lets a timer in the same thread fire).
import { parentPort } from 'node:worker_threads';
import { seedModel } from '../helpers';
import { checkDocument } from './invariants';

const model = seedModel();
parentPort!.on('message', ({ text, fixes }: { text: string; fixes: boolean }) => {
  try {
    checkDocument(text, model, { fixes });
    parentPort!.postMessage({ ok: true });
  } catch (e) {
    parentPort!.postMessage({ ok: false, error: (e as Error)?.stack ?? String(e) });
  }
});
