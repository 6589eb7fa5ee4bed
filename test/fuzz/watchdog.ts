// Runs engineWorker.ts in a worker thread and gives each input a deadline: an input the engine
// does not finish within it fails as a hang, and the worker is replaced for the next input. The
// deadline is generous (many times what a case takes); it catches loops, not slowness.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

type Answer = { ok: true } | { ok: false; error: string };

export class EngineWatchdog {
  private worker: Worker | undefined;

  private spawn(): Worker {
    // tsx is registered in the worker too, so that it runs the TypeScript sources under test.
    const file = path.join(__dirname, 'engineWorker.ts');
    return new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { eval: true });
  }

  /** Checks `text`; rejects with the invariant that broke, or a hang after `timeoutMs`. */
  check(text: string, timeoutMs: number, options: { fixes?: boolean } = {}): Promise<void> {
    const worker = (this.worker ??= this.spawn());
    return new Promise((resolve, reject) => {
      const done = (f: () => void) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        f();
      };
      const onMessage = (a: Answer) => done(() => (a.ok ? resolve() : reject(new Error(a.error))));
      const onError = (e: Error) => {
        this.worker = undefined;
        done(() => reject(e));
      };
      const timer = setTimeout(() => {
        this.worker = undefined;
        void worker.terminate();
        done(() => reject(new Error(`the engine did not finish within ${timeoutMs / 1000} s on a text of ${text.length} characters: ${JSON.stringify(text.slice(0, 300))}`)));
      }, timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ text, fixes: options.fixes ?? true });
    });
  }

  async stop(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
