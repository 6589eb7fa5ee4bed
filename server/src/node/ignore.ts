import picomatch from 'picomatch';

/**
 * A test for paths (relative, with forward slashes) against ignore globs. A pattern that names a
 * folder ignores what it holds ("drafts" ignores drafts/a.txt); a later `!pattern` brings matching
 * paths back, as in .gitignore. Dot files match like any other.
 */
export function ignoreMatcher(patterns: readonly string[]): (relative: string) => boolean {
  const compiled = patterns.map((p) => {
    const negated = p.startsWith('!');
    const glob = (negated ? p.slice(1) : p).replace(/^\.\//, '').replace(/\/+$/, '');
    return { negated, test: picomatch(glob, { dot: true }) };
  });
  return (relative) => {
    const parts = relative.split('/');
    const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    let ignored = false;
    for (const { negated, test } of compiled) if (candidates.some((c) => test(c))) ignored = !negated;
    return ignored;
  };
}
