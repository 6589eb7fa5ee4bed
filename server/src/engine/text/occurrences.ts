/** How often `word` occurs in `text`, counting only up to `limit` (the rules ask "once more?", not "how often?"). */
export function occurrences(text: string, word: string, limit: number): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0 && n < limit; at = text.indexOf(word, at + 1)) n++;
  return n;
}
