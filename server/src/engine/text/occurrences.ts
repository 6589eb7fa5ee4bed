// Some rules ask whether the document writes a word elsewhere ("a slip is not repeated"). Those
// answers depend on the whole text, so a re-lint after an edit must know which words were asked
// about, and where: while a log is open, every question is written to it, with the offset of the
// text that asked (incremental/relint.ts lints that place again when the edit writes or removes
// the word). A question asked with no place makes a re-lint run the rule over the whole document.

/** Per word asked about: the offsets that asked, or null when one asked from no particular place. */
export type OccurrenceLog = Map<string, number[] | null>;

let log: OccurrenceLog | null = null;

/**
 * How often `word` occurs in `text`, counting only up to `limit` (the rules ask "once more?", not
 * "how often?"). `askedAt`: the offset of the text whose judgement depends on the answer.
 */
export function occurrences(text: string, word: string, limit: number, askedAt?: number): number {
  if (log) {
    const places = log.get(word);
    if (askedAt === undefined) log.set(word, null);
    else if (places === undefined) log.set(word, [askedAt]);
    else if (places !== null) places.push(askedAt);
  }
  let n = 0;
  for (let at = text.indexOf(word); at >= 0 && n < limit; at = text.indexOf(word, at + 1)) n++;
  return n;
}

/** Runs `run`, writing every question it asks `occurrences` into `into`. */
export function logOccurrences<T>(into: OccurrenceLog, run: () => T): T {
  const outer = log;
  log = into;
  try {
    return run();
  } finally {
    log = outer;
  }
}
