import type { Position, Range, Span } from '../types';

/**
 * Converts UTF-16 offsets to LSP positions and back. \n, \r\n and a lone \r all end a line, as in
 * LSP, so CR-only and mixed files get the same line numbers as the editor shows.
 */
export class LineIndex {
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];

  /** `lineStarts`: the line starts of this same text, found before (by the thread that linted it). */
  constructor(
    readonly text: string,
    lineStarts?: number[],
  ) {
    this.lineStarts = lineStarts ?? LineIndex.lineStartsOf(text);
  }

  /**
   * The lines of `text`, which an edit made of `before`'s text keeping its beginning and its end
   * (`change`): lines that start in the kept parts are those of `before` (moved, after the edit);
   * only the edited part is read for line breaks.
   */
  static afterEdit(text: string, before: LineIndex, change: { prefix: number; suffixStart: number; shift: number }): LineIndex {
    const { prefix, suffixStart, shift } = change;
    const old = before.lineStarts;
    const starts: number[] = [];
    // A line starts at x after \n, or after a \r that no \n follows: it depends on text[x - 1] and
    // text[x], both kept for x < prefix, and both in the kept end for x > suffixStart.
    let i = 0;
    while (i < old.length && old[i] < prefix) starts.push(old[i++]);
    if (prefix === 0) starts.push(0);
    for (let b = Math.max(0, prefix - 1); b < suffixStart; b++) {
      const c = text.charCodeAt(b);
      if (c === 10 || (c === 13 && text.charCodeAt(b + 1) !== 10)) starts.push(b + 1);
    }
    const keptEnd = suffixStart - shift;
    while (i < old.length && old[i] <= keptEnd) i++;
    while (i < old.length) starts.push(old[i++] + shift);
    return new LineIndex(text, starts);
  }

  private static lineStartsOf(text: string): number[] {
    const starts = [0];
    // indexOf finds line breaks natively, far faster than a loop over every character.
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf >= 0 || cr >= 0) {
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        const end = lf === cr + 1 ? cr + 2 : cr + 1; // \r\n is one break
        starts.push(end);
        cr = text.indexOf('\r', end);
        if (lf >= 0 && lf < end) lf = text.indexOf('\n', end);
      } else {
        starts.push(lf + 1);
        lf = text.indexOf('\n', lf + 1);
      }
    }
    return starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[pos.line];
    const end = this.lineEnd(pos.line);
    return Math.min(start + Math.max(0, pos.character), end);
  }

  /** Offset just before the line break of `line`. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  spanOf(range: Range): Span {
    return { start: this.offsetAt(range.start), end: this.offsetAt(range.end) };
  }
}
