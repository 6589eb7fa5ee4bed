import { byCountThenText } from './counter';
import type { PhraseEntry } from './types';

// Standard phrases are the character n-grams that recur across documents ("坚持稳中求进工作总基调").
// Counting is Apriori-style: an n-gram is counted only where both its (n−1)-grams are frequent, so
// a large corpus stays cheap; at the end only the longest form of each phrase is kept.

const MIN_LENGTH = 4;
const MAX_LENGTH = 24;
const MAX_PHRASES = 4000;
/** Runs of Chinese text (with the quotes of slogans) between punctuation and digits. */
const RUN = /[\u4e00-\u9fff“”]+/g;

interface Gram {
  count: number;
  docs: Set<number>;
}

export function minePhrases(documents: readonly string[], minDocs = 2): PhraseEntry[] {
  const runs = documents.map((text) => (text.match(RUN) ?? []).filter((r) => r.length >= MIN_LENGTH));
  let frequent = new Map<string, Gram>();
  const kept = new Map<string, Gram>();
  for (let n = MIN_LENGTH; n <= MAX_LENGTH; n++) {
    const grams = new Map<string, Gram>();
    runs.forEach((docRuns, doc) => {
      for (const run of docRuns) {
        for (let i = 0; i + n <= run.length; i++) {
          if (n > MIN_LENGTH && !(frequent.has(run.substr(i, n - 1)) && frequent.has(run.substr(i + 1, n - 1)))) continue;
          const g = run.substr(i, n);
          let e = grams.get(g);
          if (!e) grams.set(g, (e = { count: 0, docs: new Set() }));
          e.count++;
          e.docs.add(doc);
        }
      }
    });
    frequent = new Map([...grams].filter(([, e]) => e.docs.size >= minDocs));
    if (frequent.size === 0) break;
    for (const [g, e] of frequent) kept.set(g, e);
  }
  // Drop a phrase that only ever occurs inside a longer kept phrase (same count).
  const subsumed = new Set<string>();
  for (const [g, e] of kept) {
    for (const sub of [g.slice(1), g.slice(0, -1)]) if (kept.get(sub)?.count === e.count) subsumed.add(sub);
  }
  const result: PhraseEntry[] = [];
  for (const [text, e] of kept) {
    if (subsumed.has(text) || /^[”]|[“]$/.test(text) || unbalancedQuotes(text)) continue;
    result.push({ text, count: e.count, sources: [...e.docs].sort((a, b) => a - b) });
  }
  return result.sort(byCountThenText).slice(0, MAX_PHRASES);
}

function unbalancedQuotes(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '“') depth++;
    else if (c === '”' && --depth < 0) return true;
  }
  return depth !== 0;
}

