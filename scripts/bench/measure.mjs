// Timing helpers shared by the bench sections: medians and percentiles, a timed child process, and
// the alternation that puts every contender through the same machine noise.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export const round = (x, digits = 1) => (x === undefined || x === null || Number.isNaN(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/** The p-th percentile by nearest rank (p = 50 is the median of an odd count). */
export function percentile(xs, p) {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
export function median(xs) {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function timeSync(fn) {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/**
 * Runs a command to its exit and returns the wall time (spawn to exit). Exit codes other than those
 * in `ok` (a linter exits 1 when it finds problems) are a broken contender: the bench stops there
 * rather than report the speed of an error message.
 */
export function timeProcess(label, command, argv, { cwd, ok = [0, 1], stdout = 'ignore' } = {}) {
  const t0 = performance.now();
  const r = spawnSync(command, argv, { cwd, stdio: ['ignore', stdout, 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.error || !ok.includes(r.status)) {
    const why = r.error ? r.error.message : `exit ${r.status ?? r.signal}`;
    throw new Error(`${label}: ${why}\n  ${[command, ...argv].join(' ')}\n  ${String(r.stderr ?? '').trim().slice(0, 2000)}`);
  }
  return { ms, stdout: r.stdout };
}

/**
 * Runs every contender once per round, the starting contender rotating from round to round, so that
 * a burst of load from elsewhere on the machine falls on all of them. A contender with `maxRuns`
 * (a slow peer) sits out the later rounds; one with `warmUp` runs once unmeasured first (code that
 * runs in this process, where the first round would otherwise pay for compilation). Returns the
 * times per contender name.
 */
export function alternate(contenders, runs) {
  const times = Object.fromEntries(contenders.map((c) => [c.name, []]));
  for (const c of contenders) if (c.warmUp) c.run();
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[(k + r) % contenders.length];
      if (c.maxRuns !== undefined && times[c.name].length >= c.maxRuns) continue;
      times[c.name].push(c.run());
    }
  }
  return times;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
