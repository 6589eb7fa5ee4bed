import type { ReportAnalysis } from '../analyze';
import type { Span } from '../types';
import { contentOf, type ContentParagraph } from './content';
import { quotedSpansIn } from './quoted';

// One pass over each content paragraph that sorts its characters into runs: Chinese characters,
// Latin letters, digits, spaces, and single punctuation marks. The punctuation, spacing, Latin and
// duplication rules all read these runs, so the text is classified once, not once per rule.

export type TokenKind = 'han' | 'latin' | 'digit' | 'space' | 'mark';

export interface Token {
  kind: TokenKind;
  /** Document offsets (UTF-16). */
  start: number;
  end: number;
}

export interface TokenizedParagraph {
  content: ContentParagraph;
  /** The paragraph's text from its content start: `tokens` cover it, and rules search it natively. */
  text: string;
  /** Runs of han/latin/digit/space; every other character is a 'mark' token of its own. */
  tokens: Token[];
  /** Outermost “…” 《…》 〈…〉 「…」 『…』 spans, marks included: names and slogans, read off the mark tokens. */
  quoted: Span[];
  /**
   * Indices into `tokens` of the digit, Latin and space runs. They are rare (one token in thirty):
   * rules that start from a number, a Latin word or a space visit these, not every token.
   */
  digits: number[];
  latins: number[];
  spaces: number[];
}

/** Characters between ideographs that still read as spaces: ideographic space, no-break space. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b);
}

function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

function isLatinCode(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}

function isDigitCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

const KINDS: readonly TokenKind[] = ['han', 'latin', 'digit', 'space', 'mark'];
const HAN = 0;
const LATIN = 1;
const DIGIT = 2;
const SPACE = 3;
const MARK = 4;
/** A pair outside the BMP: an ideograph of CJK extensions B–G (U+20000–U+3FFFF) or another mark. */
const PAIR = 8;

/** The kind of the character at `i` as an index into KINDS, plus PAIR when it is a surrogate pair. */
function classify(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (isHanCode(c)) return HAN;
  if (isLatinCode(c)) return LATIN;
  if (isDigitCode(c)) return DIGIT;
  if (isSpace(c)) return SPACE;
  if (c >= 0xd800 && c <= 0xdbff) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return (c >= 0xd840 && c <= 0xd8bf ? HAN : MARK) | PAIR;
  }
  return MARK;
}

/**
 * A run of each kind from where it starts (sticky), for HAN, latin, digit and space: `test` finds
 * the run's end natively and allocates nothing, where a loop would classify every character.
 */
const RUN_OF: readonly RegExp[] = [
  /(?:[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\ud840-\ud8bf][\udc00-\udfff])+/y,
  /[A-Za-z\uff21-\uff3a\uff41-\uff5a]+/y,
  /[0-9\uff10-\uff19]+/y,
  /[ \t\u3000\u00a0\u2000-\u200b]+/y,
];

type Runs = Pick<TokenizedParagraph, 'tokens' | 'digits' | 'latins' | 'spaces'>;

function tokenize(text: string, base: number): Runs {
  const tokens: Token[] = [];
  const digits: number[] = [];
  const latins: number[] = [];
  const spaces: number[] = [];
  let i = 0;
  while (i < text.length) {
    const k = classify(text, i);
    const kind = k & 7;
    let end = i + (k & PAIR ? 2 : 1);
    if (kind !== MARK) {
      const run = RUN_OF[kind];
      run.lastIndex = i;
      run.test(text);
      end = run.lastIndex;
      if (kind === DIGIT) digits.push(tokens.length);
      else if (kind === LATIN) latins.push(tokens.length);
      else if (kind === SPACE) spaces.push(tokens.length);
    }
    tokens.push({ kind: KINDS[kind], start: base + i, end: base + end });
    i = end;
  }
  return { tokens, digits, latins, spaces };
}

/** A token of Chinese text: a Chinese character, or a full-width or Chinese mark (，“ — …). */
export function isChinese(text: string, t: Token | undefined): boolean {
  if (!t) return false;
  if (t.kind === 'han') return true;
  if (t.kind !== 'mark') return false;
  const c = text.charCodeAt(t.start);
  return (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2014 && c <= 0x2026);
}

const cache = new WeakMap<ReportAnalysis, TokenizedParagraph[]>();

/** The tokens of every content paragraph (from its content start, so a leading page marker is left out). */
export function tokensOf(analysis: ReportAnalysis): TokenizedParagraph[] {
  let result = cache.get(analysis);
  if (!result) {
    result = contentOf(analysis).map((content) => {
      const p = content.paragraph;
      const text = p.text.slice(content.start - p.start);
      return { content, text, ...tokenize(text, content.start), quoted: quotedSpansIn(text, content.start) };
    });
    cache.set(analysis, result);
  }
  return result;
}

/** Drops what tokensOf built for an analysis (see lintReport). */
export function forgetTokens(analysis: ReportAnalysis): void {
  cache.delete(analysis);
}

/** The index of the token that holds document offset `offset` (tokens are contiguous and sorted), or -1. */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid];
    if (offset < t.start) hi = mid - 1;
    else if (offset >= t.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * The document offsets where `pattern` (global) matches in a tokenized paragraph: most rules care
 * about a few marks, and a native search finds them without visiting every token.
 */
export function offsetsOf(paragraph: TokenizedParagraph, pattern: RegExp): number[] {
  const { text } = paragraph;
  const base = paragraph.content.start;
  const found: number[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) found.push(base + m.index);
  return found;
}
