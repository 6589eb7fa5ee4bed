// Command-line operands → the list of report files to read, deterministic and de-duplicated.
// The file system is read synchronously: a CLI has nothing else to do meanwhile, and each awaited
// call would cost a round trip through libuv's thread pool (and loading fs/promises at all).
import { readdirSync, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import { ignoreMatcher } from '../../node/ignore';

export type ExpandedInput =
  | {
      kind: 'file';
      path: string /* as given relative to cwd, normalised with forward slashes */;
      /** Named on the command line, not found by expanding a folder or glob (ignorePatterns spare it). */
      named: boolean;
    }
  | { kind: 'stdin' };

export interface ExpandProblem {
  operand: string;
  reason: 'not-found' | 'no-match' | 'unreadable' | 'cannot-read';
  /** For cannot-read: the fs error code (ELOOP for a loop of symbolic links, ENAMETOOLONG, …). */
  code?: string;
}

export interface ExpandOptions {
  cwd: string;
  extensions?: string[]; // default ['.txt', '.md', '.wr']
  ignore?: string[]; // glob patterns relative to cwd; applied to directory and glob expansion
}

const DEFAULT_EXTENSIONS = ['.txt', '.md', '.wr'];
const GLOB_CHARS = /[*?[\]{}]/;

export async function expandOperands(
  operands: string[],
  opts: ExpandOptions,
): Promise<{ inputs: ExpandedInput[]; problems: ExpandProblem[] }> {
  const extensions = (opts.extensions ?? DEFAULT_EXTENSIONS).map((e) => e.toLowerCase());
  const inputs: ExpandedInput[] = [];
  const problems: ExpandProblem[] = [];
  const seen = new Set<string>(); // absolute paths, so `a.txt` and `./a.txt` count once
  const ignored = opts.ignore?.length ? ignoreMatcher(opts.ignore) : undefined;

  const add = (p: string, named: boolean): void => {
    const key = path.resolve(opts.cwd, p);
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push({ kind: 'file', path: toSlashes(p), named });
  };
  const addExpanded = (found: string[]): void => {
    if (ignored) found = found.filter((p) => !ignored(toSlashes(path.relative(opts.cwd, path.resolve(opts.cwd, p)))));
    found.sort(compareCodePoints).forEach((p) => add(p, false));
  };

  let stdinSeen = false;
  for (const operand of operands) {
    if (operand === '-') {
      if (!stdinSeen) inputs.push({ kind: 'stdin' });
      stdinSeen = true;
      continue;
    }
    const given = path.normalize(operand);
    const stat = statOrError(path.resolve(opts.cwd, given));
    if (!(stat instanceof Error)) {
      if (!stat.isDirectory()) {
        add(given, true); // named explicitly: taken whatever its extension
        continue;
      }
      const found: string[] = [];
      walk(opts.cwd, given, extensions, found, problems);
      addExpanded(found);
      continue;
    }
    if (GLOB_CHARS.test(operand)) {
      const matches = await glob(toSlashes(operand), {
        cwd: opts.cwd,
        absolute: path.isAbsolute(operand), // absolute operands stay absolute
        onlyFiles: true,
        expandDirectories: false,
        followSymbolicLinks: false, // symlink loops cannot hang the walk
        ignore: ['**/node_modules/**', ...(opts.ignore ?? [])],
      });
      if (matches.length === 0) problems.push({ operand, reason: 'no-match' });
      matches.sort(compareCodePoints).forEach((p) => add(p, false));
      continue;
    }
    if (stat.code === 'EACCES') problems.push({ operand, reason: 'unreadable' });
    else if (stat.code === 'ENOENT' || stat.code === 'ENOTDIR') problems.push({ operand, reason: 'not-found' });
    else problems.push({ operand, reason: 'cannot-read', code: stat.code ?? stat.message });
  }
  return { inputs, problems };
}

/** Recursive directory walk. Symlinked directories are not followed (no loops); symlinked files are. */
function walk(cwd: string, dir: string, extensions: string[], out: string[], problems: ExpandProblem[]): void {
  let entries;
  try {
    entries = readdirSync(path.resolve(cwd, dir), { withFileTypes: true });
  } catch {
    problems.push({ operand: toSlashes(dir), reason: 'unreadable' });
    return;
  }
  for (const entry of entries) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      walk(cwd, rel, extensions, out, problems);
      continue;
    }
    if (!extensions.includes(path.extname(entry.name).toLowerCase())) continue;
    if (entry.isFile()) {
      out.push(rel);
    } else if (entry.isSymbolicLink()) {
      // Dangling links (e.g. editor lock files) are skipped silently; a loop of links is reported.
      const target = statOrError(path.resolve(cwd, rel));
      if (target instanceof Error) {
        if (target.code === 'ELOOP') problems.push({ operand: toSlashes(rel), reason: 'cannot-read', code: 'ELOOP' });
      } else if (target.isFile()) out.push(rel);
    }
  }
}

function statOrError(file: string): Stats | NodeJS.ErrnoException {
  try {
    return statSync(file);
  } catch (e) {
    return e as NodeJS.ErrnoException;
  }
}

function toSlashes(p: string): string {
  return path.sep === '\\' ? p.replace(/\\/g, '/') : p;
}

/** Code-point order (plain `<` compares UTF-16 units, which misorders astral characters). */
function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}
