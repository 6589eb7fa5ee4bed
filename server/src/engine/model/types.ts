import type { OutlineKind } from '../types';

/** Bumped when the shape changes; a model of another version is refused with a clear message. */
export const MODEL_FORMAT = 'workreport-model';
export const MODEL_VERSION = 1;

export interface ModelDocument {
  /** The file name within the corpus. */
  id: string;
  sha1: string;
  chars: number;
}

export interface CountedEntry {
  text: string;
  /** Occurrences in the corpus. */
  count: number;
  /** Number of documents it occurs in. */
  docs: number;
}

export interface UnitEntry extends CountedEntry {
  /** true when the corpus contributed it (not in the base lexicon). */
  learned: boolean;
}

export interface PhraseEntry {
  text: string;
  count: number;
  /** Indices into `corpus.documents`. */
  sources: number[];
}

export interface HeadingPattern {
  kind: OutlineKind;
  /** The ordinal form with N for the number: "N、", "（N）", "N是". */
  form: string;
  count: number;
}

export interface Model {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  corpus: { documents: ModelDocument[]; chars: number };
  magnitudes: string[];
  units: UnitEntry[];
  /** Head of an indicator (its last one or two characters) → unit → count. */
  indicatorUnits: Record<string, Record<string, number>>;
  /** Verb → unit → count, the fallback when the indicator is unknown. */
  verbUnits: Record<string, Record<string, number>>;
  verbs: CountedEntry[];
  qualifiers: Array<CountedEntry & { position: 'before' | 'after' }>;
  /** Deadline expressions by pattern ("到YYYY年", "年内") with counts. */
  deadlines: CountedEntry[];
  headings: HeadingPattern[];
  phrases: PhraseEntry[];
  /** AA and AABB words seen in at least two documents (常常, 家家户户). */
  reduplications: CountedEntry[];
  /** Latin tokens seen in at least two documents (5G, GDP, PM2.5). */
  latinTokens: CountedEntry[];
  identifierSuffixes: string[];
}
