// When to re-analyse a document after it changed. The first edit after a pause is analysed at once
// (leading edge), so a single keystroke gets its diagnostics as fast as the analysis allows; edits
// that come faster than QUIET_MS apart are coalesced and analysed DEBOUNCE_MS after the last one.
// A new edit cancels the job of the previous one; jobs check their token at every step.

export interface Job {
  readonly uri: string;
  cancelled: boolean;
}

export interface Timing {
  /** Edits closer together than this are a burst. */
  quietMs: number;
  /** In a burst, wait this long after the last edit. */
  debounceMs: number;
}

export const DEFAULT_TIMING: Timing = { quietMs: 150, debounceMs: 100 };

export class Scheduler {
  private pending = new Map<string, { job: Job; cancelTimer: () => void }>();
  private running = new Map<string, Job>();
  private lastEdit = new Map<string, number>();

  constructor(
    private readonly run: (job: Job) => Promise<void>,
    private readonly timing: Timing = DEFAULT_TIMING,
  ) {}

  /** After an edit: debounced during bursts of typing. */
  edited(uri: string): void {
    const now = performance.now();
    const last = this.lastEdit.get(uri);
    this.lastEdit.set(uri, now);
    this.start(uri, last !== undefined && now - last < this.timing.quietMs ? this.timing.debounceMs : 0);
  }

  /** On open or after a configuration change: at once. */
  now(uri: string): void {
    this.start(uri, 0);
  }

  cancel(uri: string): void {
    const p = this.pending.get(uri);
    if (p) {
      p.job.cancelled = true;
      p.cancelTimer();
      this.pending.delete(uri);
    }
    const r = this.running.get(uri);
    if (r) r.cancelled = true;
  }

  forget(uri: string): void {
    this.cancel(uri);
    this.lastEdit.delete(uri);
  }

  private start(uri: string, delay: number): void {
    this.cancel(uri);
    const job: Job = { uri, cancelled: false };
    const go = () => {
      this.pending.delete(uri);
      this.running.set(uri, job);
      void this.run(job).finally(() => {
        if (this.running.get(uri) === job) this.running.delete(uri);
      });
    };
    // At once means after the messages already queued (a newer edit cancels this job), not after
    // a timer: setTimeout(0) waits a whole millisecond or two, on every keystroke.
    if (delay === 0) {
      const immediate = setImmediate(go);
      this.pending.set(uri, { job, cancelTimer: () => clearImmediate(immediate) });
    } else {
      const timer = setTimeout(go, delay);
      this.pending.set(uri, { job, cancelTimer: () => clearTimeout(timer) });
    }
  }
}

/** Lets queued messages (a newer edit, a cancellation) be handled before the next step. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
