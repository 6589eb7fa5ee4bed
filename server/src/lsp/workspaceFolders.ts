import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

// The workspace folders the editor opened, as file-system paths: the scope a model path must stay
// in when the workspace is not trusted, and where a relative model setting is resolved.

/** The file-system path of a file: URI, or null for untitled and other schemes. */
export function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** Resolves symlinks where the path exists, so that a link cannot lead out of the workspace. */
function real(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export class WorkspaceFolders {
  private folders: string[] = [];

  set(uris: readonly string[]): void {
    this.folders = uris.map(uriToPath).filter((p): p is string => p !== null).map((p) => path.resolve(p));
  }

  add(uris: readonly string[], removed: readonly string[] = []): void {
    const gone = new Set(removed.map(uriToPath).filter((p): p is string => p !== null).map((p) => path.resolve(p)));
    const kept = this.folders.filter((f) => !gone.has(f));
    const added = uris.map(uriToPath).filter((p): p is string => p !== null).map((p) => path.resolve(p));
    this.folders = [...new Set([...kept, ...added])];
  }

  get paths(): readonly string[] {
    return this.folders;
  }

  /** The innermost workspace folder that holds `file`. */
  folderOf(file: string): string | undefined {
    return this.folders.filter((f) => isInside(path.resolve(file), f)).sort((a, b) => b.length - a.length)[0];
  }

  /** `file` lies inside a workspace folder, symlinks resolved on both sides. */
  contains(file: string): boolean {
    const target = real(file);
    return this.folders.some((f) => isInside(target, real(f)));
  }
}
