import { promises as fs, readFileSync, statSync, type Stats } from 'node:fs';

// Reports, configuration files and models are read only when they are regular files. A FIFO named
// as one would block the read until someone writes to it — forever, in the language server's only
// thread — and a device such as /dev/zero would never end. Symlinks are followed (stat, not lstat);
// a loop of them fails with ELOOP like any other unreadable path.

/** An fs-style error: `code` is EISDIR for a folder, ENOTREG for a pipe, socket or device. */
function notRegular(file: string, stats: Stats): NodeJS.ErrnoException {
  const code = stats.isDirectory() ? 'EISDIR' : 'ENOTREG';
  return Object.assign(new Error(`${code}: not a regular file, read '${file}'`), { code, path: file });
}

export async function readRegularFile(file: string): Promise<Buffer> {
  const stats = await fs.stat(file);
  if (!stats.isFile()) throw notRegular(file, stats);
  return fs.readFile(file);
}

export function readRegularFileSync(file: string): Buffer {
  const stats = statSync(file);
  if (!stats.isFile()) throw notRegular(file, stats);
  return readFileSync(file);
}
