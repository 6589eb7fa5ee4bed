import type { Paragraph } from '../text/segment';

// After an edit, most of a document is the text it was before: all up to the edit, and all after
// it, moved by the edit's length. Paragraphs found there take the string and the record the
// previous analysis had for them instead of a new slice, which would be hashed again to find its
// record, reading every character of the document.

/** Compared in chunks: string equality is a native comparison, a loop per character is not. */
const CHUNK = 4096;

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n) {
    const end = Math.min(n, i + CHUNK);
    if (a.slice(i, end) !== b.slice(i, end)) break;
    i = end;
  }
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let k = 0;
  while (k < limit) {
    const len = Math.min(limit, k + CHUNK);
    if (a.slice(a.length - len, a.length - k) !== b.slice(b.length - len, b.length - k)) break;
    k = len;
  }
  while (k < limit && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(b.length - 1 - k)) k++;
  return k;
}

/** What an edit kept of a text: its beginning up to `prefix`, and its end from `suffixStart` on. */
export interface TextChange {
  /** The length of the beginning the texts share. */
  prefix: number;
  /** Where the end the texts share starts in the new text (never before `prefix`). */
  suffixStart: number;
  /** The new text's length less the old one's: how far the shared end moved. */
  shift: number;
}

export function textChange(before: string, after: string): TextChange {
  const prefix = commonPrefix(before, after);
  // The suffix may not overlap the prefix in either text.
  const suffixStart = after.length - commonSuffix(before, after, Math.min(before.length, after.length) - prefix);
  return { prefix, suffixStart, shift: after.length - before.length };
}

/**
 * The paragraph strings of the previous analysis that a new text still holds. Asked in document
 * order (as segmentParagraphs does), each answer costs a step along the previous paragraphs.
 */
export class UnchangedParagraphs {
  private next = 0;

  constructor(
    private readonly change: TextChange,
    private readonly paragraphs: readonly Paragraph[],
  ) {}

  /** The previous analysis's paragraph at [start, end) of the new text, when its text is unchanged. */
  paragraphAt(start: number, end: number): Paragraph | undefined {
    const { prefix, suffixStart, shift } = this.change;
    let by: number;
    if (end <= prefix) by = 0;
    else if (start >= suffixStart) by = shift;
    else return undefined;
    const ps = this.paragraphs;
    while (this.next < ps.length && ps[this.next].start < start - by) this.next++;
    const p = ps[this.next];
    return p !== undefined && p.start === start - by && p.end === end - by ? p : undefined;
  }
}
