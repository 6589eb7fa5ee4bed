import type { Model, PhraseEntry } from '../model/types';

// The model's standard phrases indexed by their first character, most frequent first, so that
// completion (phrases that continue what was typed) and hover (the phrase under the cursor) look at a
// handful of candidates instead of all of them.

export interface PhraseIndex {
  byFirst: Map<string, PhraseEntry[]>;
  maxLength: number;
  /** File names of the model's corpus, by the index the phrases' `sources` use. */
  documents: string[];
}

const indexes = new WeakMap<Model, PhraseIndex>();

export function phraseIndexOf(model: Model): PhraseIndex {
  let index = indexes.get(model);
  if (!index) {
    const byFirst = new Map<string, PhraseEntry[]>();
    let maxLength = 0;
    for (const p of model.phrases) {
      if (p.text.length === 0) continue;
      let list = byFirst.get(p.text[0]);
      if (!list) byFirst.set(p.text[0], (list = []));
      list.push(p);
      maxLength = Math.max(maxLength, p.text.length);
    }
    for (const list of byFirst.values()) list.sort((a, b) => b.count - a.count || b.sources.length - a.sources.length || (a.text < b.text ? -1 : 1));
    index = { byFirst, maxLength, documents: model.corpus.documents.map((d) => d.id) };
    indexes.set(model, index);
  }
  return index;
}

export interface PhraseAt {
  phrase: PhraseEntry;
  start: number;
  end: number;
}

/** The longest standard phrase written in `text` that covers `offset`, if any. */
export function phraseAt(model: Model, text: string, offset: number): PhraseAt | null {
  const index = phraseIndexOf(model);
  let best: PhraseAt | null = null;
  for (let start = offset; start >= 0 && start > offset - index.maxLength; start--) {
    for (const phrase of index.byFirst.get(text[start]) ?? []) {
      const end = start + phrase.text.length;
      if (end <= offset || !text.startsWith(phrase.text, start)) continue;
      if (!best || phrase.text.length > best.phrase.text.length) best = { phrase, start, end };
    }
  }
  return best;
}

/** The names of the reports a phrase was learned from. */
export function phraseSources(index: PhraseIndex, phrase: PhraseEntry): string[] {
  return phrase.sources.map((i) => index.documents[i] ?? `#${i}`);
}
