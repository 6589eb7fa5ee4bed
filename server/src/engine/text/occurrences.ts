// Some rules ask whether the document writes a word elsewhere ("a slip is not repeated"). Those
// answers depend on the whole text, so a re-lint after an edit must know which words were asked
// about: while a log is open, every word asked about is written to it (incremental/relint.ts).

let log: Set<string> | null = null;

/** How often `word` occurs in `text`, counting only up to `limit` (the rules ask "once more?", not "how often?"). */
export function occurrences(text: string, word: string, limit: number): number {
  log?.add(word);
  let n = 0;
  for (let at = text.indexOf(word); at >= 0 && n < limit; at = text.indexOf(word, at + 1)) n++;
  return n;
}

/** Runs `run`, writing every word it asks `occurrences` about into `words`. */
export function logOccurrences<T>(words: Set<string>, run: () => T): T {
  const outer = log;
  log = words;
  try {
    return run();
  } finally {
    log = outer;
  }
}
