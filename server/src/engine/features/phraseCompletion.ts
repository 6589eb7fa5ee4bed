import type { OutlineNode, Span } from '../types';
import type { Model, PhraseEntry } from '../model/types';
import { nodePathAt } from '../structure/outline';
import { cjkWordBefore } from './cjkWord';
import { phraseIndexOf, phraseSources } from './phraseIndex';

// Completion of standard phrases. Whatever of the current CJK run the user has typed may be the
// start of a phrase: for "统筹推进高质量" the phrase "高质量发展" continues its last three
// characters. Longer typed prefixes are more specific and rank first; among phrases that continue
// the same prefix, the model's frequency and the phrase's fit to the current section decide.

export interface PhraseSuggestion {
  phrase: PhraseEntry;
  /** The typed text the phrase continues; inserting the phrase replaces it. */
  replace: Span;
  typed: string;
  /** Names of the reports the phrase was learned from. */
  sources: string[];
  /** Frequency and section fit; higher is better. Suggestions are already sorted. */
  score: number;
  /** Share (0–1) of the phrase's character pairs that occur in the current section. */
  fit: number;
}

export interface SuggestOptions {
  /** Text of the outline section around the cursor: phrases that share its vocabulary fit better. */
  sectionText?: string;
  limit?: number;
}

/** How much a perfect section fit weighs against frequency (ln of the count). */
const FIT_WEIGHT = 2;

export function suggestPhrases(model: Model, text: string, offset: number, options: SuggestOptions = {}): PhraseSuggestion[] {
  const index = phraseIndexOf(model);
  const limit = options.limit ?? 50;
  const sectionPairs = characterPairs(options.sectionText ?? '');
  const fitOf = (p: PhraseEntry) => fit(p.text, sectionPairs);
  const scoreOf = (p: PhraseEntry, f: number) => Math.log1p(p.count) + 0.5 * Math.log1p(p.sources.length) + FIT_WEIGHT * f;
  const make = (phrase: PhraseEntry, replace: Span): PhraseSuggestion => {
    const f = fitOf(phrase);
    return { phrase, replace, typed: text.slice(replace.start, replace.end), sources: phraseSources(index, phrase), score: scoreOf(phrase, f), fit: f };
  };

  const word = cjkWordBefore(text, offset);
  const prefixes: Span[] = [];
  // After an opening quote the phrase may be a slogan: “十五五”时期.
  if (text[word.start - 1] === '“') prefixes.push({ start: word.start - 1, end: word.end });
  // One character continues a phrase only when it is all that was typed: the last character of a
  // longer run is more likely the middle of a word ("…失业" does not start "业务…").
  const shortest = word.end - word.start === 1 ? 1 : 2;
  for (let len = Math.min(word.end - word.start, index.maxLength - 1); len >= shortest; len--) {
    const start = word.end - len;
    if (isLowSurrogate(text.charCodeAt(start))) continue;
    prefixes.push({ start, end: word.end });
  }

  if (prefixes.length === 0) {
    // Nothing typed: the phrases that suit this section best.
    return model.phrases
      .map((p) => make(p, { start: offset, end: offset }))
      .sort(bySpecificityThenScore)
      .slice(0, limit);
  }

  const seen = new Set<string>();
  const found: PhraseSuggestion[] = [];
  for (const span of prefixes) {
    const typed = text.slice(span.start, span.end);
    for (const phrase of index.byFirst.get(typed[0]) ?? []) {
      if (phrase.text.length <= typed.length || seen.has(phrase.text) || !phrase.text.startsWith(typed)) continue;
      seen.add(phrase.text);
      found.push(make(phrase, span));
    }
  }
  return found.sort(bySpecificityThenScore).slice(0, limit);
}

function bySpecificityThenScore(a: PhraseSuggestion, b: PhraseSuggestion): number {
  return b.typed.length - a.typed.length || b.score - a.score || (a.phrase.text < b.phrase.text ? -1 : a.phrase.text > b.phrase.text ? 1 : 0);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function characterPairs(text: string): Set<string> {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) pairs.add(text.substr(i, 2));
  return pairs;
}

function fit(phrase: string, sectionPairs: Set<string>): number {
  if (sectionPairs.size === 0 || phrase.length < 2) return 0;
  let hits = 0;
  for (let i = 0; i + 1 < phrase.length; i++) if (sectionPairs.has(phrase.substr(i, 2))) hits++;
  return hits / (phrase.length - 1);
}

/** Sections long enough to have a vocabulary; runs, bullets and leads are too short. */
const SECTION_KINDS = new Set(['part', 'section', 'item', 'subitem']);
/** Enough text for a section's vocabulary, bounded so that completion stays cheap in long parts. */
const SECTION_WINDOW = 6000;

/** The text of the innermost section around `offset` (near the cursor when the section is long). */
export function sectionTextAt(text: string, outline: readonly OutlineNode[], offset: number): string {
  const path = nodePathAt(outline, Math.max(0, offset - 1));
  const section = [...path].reverse().find((n) => SECTION_KINDS.has(n.kind));
  if (!section) return '';
  const start = Math.max(section.span.start, offset - SECTION_WINDOW / 2);
  const end = Math.min(section.span.end, start + SECTION_WINDOW);
  // The heading names the section's theme: keep it even when the window starts below it.
  return (start > section.span.start ? `${section.name}\n` : '') + text.slice(start, end);
}
