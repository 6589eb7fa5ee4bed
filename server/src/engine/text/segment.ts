import type { ParagraphRecord, RecordSource } from '../incremental/record';
import type { Span } from '../types';

// A report is a sequence of paragraphs (one per non-blank line, as every published report is laid
// out), each a sequence of sentences (ended by 。！？), each a sequence of clauses (separated by
// ，；：). 顿号 (、) does not end a clause: it joins the items of one list ("88%、70%和96%").

export interface Clause extends Span {
  text: string;
}

export interface Sentence extends Span {
  text: string;
  clauses: Clause[];
}

export interface Paragraph extends Span {
  /** 0-based index among paragraphs. */
  index: number;
  /** 0-based line of the paragraph. */
  line: number;
  text: string;
  sentences: Sentence[];
  /** An editor's record of this paragraph text from earlier analyses (incremental/record.ts). */
  record?: ParagraphRecord;
}

/** Spaces that indent or trail a line: ASCII white space, ideographic and no-break space, BOM, ZWSP. */
function isBlank(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 0x200b || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}

/** Characters that end a sentence. */
export const SENTENCE_END = new Set(['。', '！', '？', '!', '?']);
// The same sets by UTF-16 code, for the per-character loops below.
const SENTENCE_END_CODES = new Set([0x3002, 0xff01, 0xff1f, 0x21, 0x3f]);
/** Closing marks that stay with the sentence before them (。” ends inside the quote). */
const CLOSER_CODES = new Set([0x201d, 0x2019, 0x300d, 0x300f, 0xff09, 0x29, 0x3011, 0x300b, 0x2a]);

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * A paragraph whose sentences are segmented when first read: after an edit most paragraphs are
 * never read again (their targets and findings are reused), so they are never segmented.
 */
class LazyParagraph implements Paragraph {
  private segmented: Sentence[] | undefined;

  constructor(
    readonly index: number,
    readonly line: number,
    readonly start: number,
    readonly end: number,
    readonly text: string,
    readonly record: ParagraphRecord | undefined,
  ) {}

  get sentences(): Sentence[] {
    if (this.segmented === undefined) {
      // Not remembered in the record: segmenting again is about as cheap as moving a copy, and
      // an editor's memory stays at one segmentation of the document.
      this.segmented = segmentSentences(this.text, this.start);
    }
    return this.segmented;
  }
}

/**
 * A string equal to `s` that holds its own characters. V8 makes a slice of a long string a view of
 * it, which keeps the long string alive; the concatenation is flattened into a new string first.
 */
function ownCopy(s: string): string {
  return `${s}\u0000`.slice(0, -1);
}

/** Splits the whole text into paragraphs; `lineStarts` come from the LineIndex. */
export function segmentParagraphs(text: string, lineStarts: readonly number[], memo?: RecordSource): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const unchanged = memo?.unchangedIn?.(text);
  for (let line = 0; line < lineStarts.length; line++) {
    let start = lineStarts[line];
    let end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
    while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
    while (start < end && isBlank(text.charCodeAt(start))) start++;
    if (start === end) continue;
    const kept = unchanged?.paragraphAt(start, end);
    // An editor keeps a paragraph's text, and what is read off it, for as long as the paragraph
    // stays in the document; a slice would keep the whole document of that moment alive with it.
    const body = kept?.text ?? (memo ? ownCopy(text.slice(start, end)) : text.slice(start, end));
    const record = memo?.recordFor(body, kept?.record);
    // Before the edit a paragraph is the very one the last analysis had (same place, number, line):
    // it is taken as it is, with its sentences if they were read.
    if (kept && kept.start === start && kept.index === paragraphs.length && kept.line === line) paragraphs.push(kept);
    else paragraphs.push(new LazyParagraph(paragraphs.length, line, start, end, body, record));
  }
  memo?.segmented?.(text, paragraphs);
  return paragraphs;
}

// The loops below jump from mark to mark with these (a native search) rather than test every
// character: most characters of a report end nothing, and a short CLI run executes this cold.
const SENTENCE_END_MARK = /[。！？!?]/g;
const CLAUSE_SEPARATOR_MARK = /[，；：,;:]/g;

/** Sentences of one paragraph; `base` is the paragraph's offset in the document. */
export function segmentSentences(text: string, base: number): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  SENTENCE_END_MARK.lastIndex = 0;
  for (let m = SENTENCE_END_MARK.exec(text); m !== null; m = SENTENCE_END_MARK.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    // "?" between ASCII letters or digits is not Chinese sentence punctuation.
    if (c === 0x3f && /[\w]/.test(text[i + 1] ?? '')) continue;
    let end = i + 1;
    while (end < text.length && (CLOSER_CODES.has(text.charCodeAt(end)) || SENTENCE_END_CODES.has(text.charCodeAt(end)))) end++;
    // makeSentence segments clauses with the other pattern, so this one's place is kept here.
    sentences.push(makeSentence(text, start, end, base));
    start = end;
    SENTENCE_END_MARK.lastIndex = end;
  }
  if (start < text.length) sentences.push(makeSentence(text, start, text.length, base));
  return sentences;
}

function makeSentence(text: string, start: number, end: number, base: number): Sentence {
  return new LazySentence(base + start, base + end, text.slice(start, end));
}

/** A sentence whose clauses are segmented when first read: most sentences hold no number, and no one reads their clauses. */
class LazySentence implements Sentence {
  private segmented: Clause[] | undefined;

  constructor(
    readonly start: number,
    readonly end: number,
    readonly text: string,
  ) {}

  get clauses(): Clause[] {
    return (this.segmented ??= segmentClauses(this.text, this.start));
  }
}

/** Clauses of one sentence, without their separators and the sentence's final mark. */
export function segmentClauses(text: string, base: number): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  const push = (end: number) => {
    let e = end;
    while (e > start && SENTENCE_END_CODES.has(text.charCodeAt(e - 1))) e--;
    if (e > start) clauses.push({ start: base + start, end: base + e, text: text.slice(start, e) });
  };
  CLAUSE_SEPARATOR_MARK.lastIndex = 0;
  for (let m = CLAUSE_SEPARATOR_MARK.exec(text); m !== null; m = CLAUSE_SEPARATOR_MARK.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    // 1,000 and 10:30 keep their ASCII separators.
    if ((c === 0x2c || c === 0x3a) && isDigitCode(text.charCodeAt(i - 1)) && isDigitCode(text.charCodeAt(i + 1))) continue;
    push(i);
    start = i + 1;
  }
  push(text.length);
  return clauses;
}
