import type { Model } from './types';
import { COUNT_UNITS } from './baseLexicon';

/** A string set with longest-match lookup at a position, the shape every scanner here needs. */
export class WordSet {
  private readonly words: Set<string>;
  readonly maxLength: number;

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    let max = 0;
    for (const w of this.words) max = Math.max(max, w.length);
    this.maxLength = max;
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  /** The longest word that starts at `at` in `text`. */
  longestAt(text: string, at: number): string | null {
    for (let len = Math.min(this.maxLength, text.length - at); len > 0; len--) {
      const w = text.substr(at, len);
      if (this.words.has(w)) return w;
    }
    return null;
  }

  /** The longest word that ends at `end` in `text` (exclusive end). */
  longestEndingAt(text: string, end: number): string | null {
    for (let len = Math.min(this.maxLength, end); len > 0; len--) {
      const w = text.substr(end - len, len);
      if (this.words.has(w)) return w;
    }
    return null;
  }
}

/** The model in the shape the analyser reads: sets for scanning, maps for ranking. */
export interface Lexicon {
  model: Model;
  magnitudes: WordSet;
  units: WordSet;
  verbs: WordSet;
  preQualifiers: WordSet;
  postQualifiers: WordSet;
  identifierSuffixes: WordSet;
  countUnits: Set<string>;
  latinTokens: Set<string>;
  reduplications: Set<string>;
}

const compiled = new WeakMap<Model, Lexicon>();

export function lexiconOf(model: Model): Lexicon {
  let lex = compiled.get(model);
  if (!lex) {
    lex = {
      model,
      magnitudes: new WordSet(model.magnitudes),
      units: new WordSet(model.units.map((u) => u.text)),
      verbs: new WordSet(model.verbs.map((v) => v.text)),
      preQualifiers: new WordSet(model.qualifiers.filter((q) => q.position === 'before').map((q) => q.text)),
      postQualifiers: new WordSet(model.qualifiers.filter((q) => q.position === 'after').map((q) => q.text)),
      identifierSuffixes: new WordSet(model.identifierSuffixes),
      countUnits: new Set(COUNT_UNITS),
      latinTokens: new Set(model.latinTokens.map((t) => t.text)),
      reduplications: new Set(model.reduplications.map((t) => t.text)),
    };
    compiled.set(model, lex);
  }
  return lex;
}
