import type { CliIO } from './context';
import { truncateToWidth } from './formats/width';

// Progress for long runs: one line on stderr, rewritten in place, only when stderr is a terminal
// (a CI log or a pipe gets nothing) and only once the run is long: more than LONG_RUN_FILES files,
// or still going after LONG_RUN_MS.

const LONG_RUN_FILES = 50;
const LONG_RUN_MS = 1000;
const REDRAW_MS = 100;

export interface Progress {
  /** Called before each file is processed. */
  tick(file: string): void;
  /** Clears the line; call when the run ends, before any output that could land on the terminal. */
  done(): void;
}

export function startProgress(io: Pick<CliIO, 'stderr'>, total: number, now: () => number = Date.now): Progress {
  if (!io.stderr.isTTY) return { tick() {}, done() {} };
  const started = now();
  let done = 0;
  let lastDraw = -Infinity;
  let shown = false;
  return {
    tick(file) {
      done++;
      const t = now();
      if (total <= LONG_RUN_FILES && t - started < LONG_RUN_MS) return;
      if (t - lastDraw < REDRAW_MS && done < total) return;
      lastDraw = t;
      const columns = Math.max(30, (io.stderr.columns || 80) - 1); // 0 when the terminal does not say
      const count = `${done}/${total} `;
      // The end of a long path names the file: keep that.
      io.stderr.write(`\r\x1b[K${count}${truncateToWidth(file, columns - count.length, 'end')}`);
      shown = true;
    },
    done() {
      if (shown) io.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}
