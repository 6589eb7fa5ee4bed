/** Counts occurrences and the documents they occur in. */
export class DocCounter {
  private readonly counts = new Map<string, { count: number; docs: Set<number> }>();

  add(key: string, doc: number, n = 1): void {
    let e = this.counts.get(key);
    if (!e) this.counts.set(key, (e = { count: 0, docs: new Set() }));
    e.count += n;
    e.docs.add(doc);
  }

  count(key: string): number {
    return this.counts.get(key)?.count ?? 0;
  }

  docs(key: string): number {
    return this.counts.get(key)?.docs.size ?? 0;
  }

  /** Entries sorted by count (descending), then text: a stable order, so models are byte-identical. */
  entries(minDocs = 1): Array<{ text: string; count: number; docs: number; sources: number[] }> {
    return [...this.counts]
      .filter(([, e]) => e.docs.size >= minDocs)
      .map(([text, e]) => ({ text, count: e.count, docs: e.docs.size, sources: [...e.docs].sort((a, b) => a - b) }))
      .sort(byCountThenText);
  }
}

export function byCountThenText(a: { text: string; count: number }, b: { text: string; count: number }): number {
  return b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
}

/** Nested counts key → value → n, with keys and values sorted for stable output. */
export class PairCounter {
  private readonly pairs = new Map<string, Map<string, number>>();

  add(key: string, value: string): void {
    let m = this.pairs.get(key);
    if (!m) this.pairs.set(key, (m = new Map()));
    m.set(value, (m.get(value) ?? 0) + 1);
  }

  toJSON(minTotal = 1): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const key of [...this.pairs.keys()].sort()) {
      const m = this.pairs.get(key)!;
      const total = [...m.values()].reduce((a, b) => a + b, 0);
      if (total < minTotal) continue;
      const sorted = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      out[key] = Object.fromEntries(sorted);
    }
    return out;
  }
}
