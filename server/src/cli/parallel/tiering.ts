import { availableParallelism } from 'node:os';
import * as v8 from 'node:v8';

// How a lint run uses the cores: how many threads, and whether V8's optimising compiler
// (TurboFan) runs. A CLI run is one pass over cold code, and TurboFan spends a core on compiles
// that a pass this short barely profits from: with it, one lint thread keeps 1.5 cores busy and a
// second lint thread only competes with the compiler. Without it, every thread lints on a core of
// its own (interpreter and baseline code). On the national corpus (3.3 MB, 52 files, 2 cores):
// one thread with TurboFan 1.29 s, one without 1.10 s, two without 0.99 s. A thread with a lot of
// text runs long enough for optimised code to pay (one 10 MB report: 2.0 s with TurboFan, 3.0 s
// without), so such runs keep it. Measured by npm run bench; see docs/performance.md, "Cold runs".

/** Text on one thread from which TurboFan's compiles pay for themselves (measured between 1.1 M and 3.3 M characters). */
export const LONG_RUN_CHARS = 2_000_000;

export interface LintPlan {
  threads: number;
  /** Whether the lint runs with TurboFan (V8's default); false turns it off for the lint only. */
  turbofan: boolean;
}

/** The characters the busiest thread lints: its share of the text, and at least the largest file. */
function charsPerThread(sizes: readonly number[], threads: number): number {
  let total = 0;
  let largest = 0;
  for (const s of sizes) {
    total += s;
    largest = Math.max(largest, s);
  }
  return Math.max(largest, Math.ceil(total / threads));
}

/**
 * Threads and compiler for files of these sizes (characters). `jobs` is --jobs when given. By
 * default every core lints when the run is short; a long run keeps TurboFan and leaves it a core.
 */
export function planLint(sizes: readonly number[], jobs: number | undefined, cores = availableParallelism()): LintPlan {
  const threads = jobs ?? cores;
  if (charsPerThread(sizes, threads) < LONG_RUN_CHARS) return { threads, turbofan: false };
  return { threads: jobs ?? Math.max(1, cores - 1), turbofan: true };
}

/** V8 versions known to have the --turbofan flag (an unknown flag makes V8 print an error). */
function hasTurbofanFlag(): boolean {
  const major = Number(process.versions.v8.split('.')[0]);
  return major >= 11 && major <= 13;
}

/**
 * Runs `lint` with TurboFan off when the plan says so, and turns it back on after: the rest of the
 * process, and the code cache that the launcher writes at exit (V8 ties a cache to the flags it was
 * made with), see V8's defaults. Workers share the flag: V8's flags belong to the process.
 */
export async function withTiering<T>(plan: LintPlan, lint: () => Promise<T>): Promise<T> {
  if (plan.turbofan || !hasTurbofanFlag()) return lint();
  v8.setFlagsFromString('--no-turbofan');
  try {
    return await lint();
  } finally {
    v8.setFlagsFromString('--turbofan');
  }
}
