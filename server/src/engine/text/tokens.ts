import type { ReportAnalysis } from '../analyze';
import type { Span } from '../types';
import { contentOf, type ContentParagraph } from './content';
import { quotedSpansIn } from './quoted';

// Each content paragraph sorted into runs: Chinese characters, Latin letters, digits, spaces, and
// single punctuation marks. The punctuation, spacing, number and Latin rules read these runs, so
// the text is classified once, not once per rule. Most paragraphs hold nothing those rules look
// for (no digit, letter, space or half-width mark), so a paragraph is tokenized only when a rule
// first reads its tokens; rules that look words up find them natively and ask for the one token
// around each (tokenAround), which is read off the text there.

export type TokenKind = 'han' | 'latin' | 'digit' | 'space' | 'mark';

export interface Token {
  kind: TokenKind;
  /** Document offsets (UTF-16). */
  start: number;
  end: number;
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
  if (isHighSurrogate(c) && isLowSurrogate(text.charCodeAt(i + 1))) return (c >= 0xd840 && c <= 0xd8bf ? HAN : MARK) | PAIR;
  return MARK;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Where the character that holds code unit `i` starts: one unit back for the low half of a pair. */
function characterStart(text: string, i: number): number {
  return i > 0 && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1)) ? i - 1 : i;
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
/** A digit, a Latin letter or a space: a paragraph without any has no digit, Latin or space token. */
const RUN_CHARACTER = /[0-9\uff10-\uff19A-Za-z\uff21-\uff3a\uff41-\uff5a \t\u3000\u00a0\u2000-\u200b]/;

/** The end of the run of `kind` that starts at `start`. */
function runEnd(text: string, start: number, kind: number): number {
  const run = RUN_OF[kind];
  run.lastIndex = start;
  run.test(text);
  return run.lastIndex;
}

interface Runs {
  tokens: Token[];
  digits: number[];
  latins: number[];
  spaces: number[];
}

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
      end = runEnd(text, i, kind);
      if (kind === DIGIT) digits.push(tokens.length);
      else if (kind === LATIN) latins.push(tokens.length);
      else if (kind === SPACE) spaces.push(tokens.length);
    }
    tokens.push({ kind: KINDS[kind], start: base + i, end: base + end });
    i = end;
  }
  return { tokens, digits, latins, spaces };
}

const NONE: readonly number[] = [];

/**
 * The runs of one content paragraph, built when first read. Read `tokens` only where the rule has
 * something to judge (a digit, a mark it found): reading them tokenizes the paragraph.
 */
export class TokenizedParagraph {
  private runs: Runs | undefined;
  private quotedSpans: Span[] | undefined;
  private holdsRuns: boolean | undefined;

  constructor(
    readonly content: ContentParagraph,
    /** The paragraph's text from its content start: `tokens` cover it, and rules search it natively. */
    readonly text: string,
  ) {}

  /** Runs of han/latin/digit/space; every other character is a 'mark' token of its own. */
  get tokens(): Token[] {
    return this.tokenized().tokens;
  }

  /**
   * Indices into `tokens` of the digit, Latin and space runs. They are rare (one token in thirty):
   * rules that start from a number, a Latin word or a space visit these, not every token.
   */
  get digits(): readonly number[] {
    return this.hasRuns() ? this.tokenized().digits : NONE;
  }

  get latins(): readonly number[] {
    return this.hasRuns() ? this.tokenized().latins : NONE;
  }

  get spaces(): readonly number[] {
    return this.hasRuns() ? this.tokenized().spaces : NONE;
  }

  /** Outermost “…” 《…》 〈…〉 「…」 『…』 spans, marks included: names and slogans. */
  get quoted(): Span[] {
    return (this.quotedSpans ??= quotedSpansIn(this.text, this.content.start));
  }

  /** The token that holds document offset `offset`: the same token `tokens` has there, without tokenizing the paragraph. */
  tokenAround(offset: number): Token {
    if (this.runs) return this.runs.tokens[tokenAt(this.runs.tokens, offset)];
    const { text } = this;
    const base = this.content.start;
    const i = characterStart(text, offset - base);
    const k = classify(text, i);
    const kind = k & 7;
    if (kind === MARK) return { kind: 'mark', start: base + i, end: base + i + (k & PAIR ? 2 : 1) };
    // Back to where the run starts: the characters before it are of another kind.
    let start = i;
    while (start > 0) {
      const before = characterStart(text, start - 1);
      if ((classify(text, before) & 7) !== kind) break;
      start = before;
    }
    return { kind: KINDS[kind], start: base + start, end: base + runEnd(text, start, kind) };
  }

  /** Whether the paragraph has a digit, Latin or space run: most have none, and need no tokens for those rules. */
  private hasRuns(): boolean {
    return this.runs !== undefined || (this.holdsRuns ??= RUN_CHARACTER.test(this.text));
  }

  private tokenized(): Runs {
    return (this.runs ??= tokenize(this.text, this.content.start));
  }
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
      return new TokenizedParagraph(content, p.text.slice(content.start - p.start));
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
