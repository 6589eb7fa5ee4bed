import { readFileSync, statSync, type Stats } from 'node:fs';

// Reports, configuration files and models are read only when they are regular files. A FIFO named
// as one would block the read until someone writes to it — forever, in the language server's only
// thread — and a device such as /dev/zero would never end. Symlinks are followed (stat, not lstat);
// a loop of them fails with ELOOP like any other unreadable path.

/** An fs-style error: `code` is EISDIR for a folder, ENOTREG for a pipe, socket or device. */
function notRegular(file: string, stats: Stats): NodeJS.ErrnoException {
  const code = stats.isDirectory() ? 'EISDIR' : 'ENOTREG';
  return Object.assign(new Error(`${code}: not a regular file, read '${file}'`), { code, path: file });
}

export function readRegularFileSync(file: string): Buffer {
  const stats = statSync(file);
  if (!stats.isFile()) throw notRegular(file, stats);
  return readFileSync(file);
}

/** Why `file` cannot be read as a regular file (an fs error code, EISDIR or ENOTREG), or null when it can. */
export function regularFileProblem(file: string): string | null {
  try {
    const stats = statSync(file);
    return stats.isFile() ? null : notRegular(file, stats).code!;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  }
}
