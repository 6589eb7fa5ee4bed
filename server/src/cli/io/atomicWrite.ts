import { promises as fs } from 'node:fs';
import * as path from 'node:path';

// node:crypto is required where it is used, not at the top: loading it is a tenth of a short CLI run.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const crypto = (): typeof import('node:crypto') => require('node:crypto');

/**
 * Replaces `file` with `bytes` so that a reader sees the old content or the new, never a part: the
 * bytes go to a temporary file in the same folder (same file system, so rename is atomic), are
 * flushed, then renamed over the target. A symlink is followed, so the link stays a link. The
 * target's permission bits are kept (and its owner, when run as root). On any failure the
 * temporary file is removed, the target is untouched, and the error is thrown.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const target = await fs.realpath(file).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return path.resolve(file); // a new file (--output)
    throw e;
  });
  const existing = await fs.stat(target).catch(() => undefined);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${crypto().randomBytes(4).toString('hex')}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx', existing ? existing.mode & 0o7777 : 0o666);
    await handle.writeFile(bytes);
    if (existing) {
      await handle.chmod(existing.mode & 0o7777); // open's mode is filtered by the umask
      if (process.getuid?.() === 0) await handle.chown(existing.uid, existing.gid);
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, target);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
}
