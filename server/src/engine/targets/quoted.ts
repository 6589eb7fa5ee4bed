import type { Span } from '../types';
import type { Paragraph } from '../text/segment';

/** Opening mark → its closing mark, by UTF-16 code: “” 《》 〈〉 「」 『』. */
const CLOSE_OF = new Map<number, number>([
  [0x201c, 0x201d],
  [0x300a, 0x300b],
  [0x3008, 0x3009],
  [0x300c, 0x300d],
  [0x300e, 0x300f],
]);

/** Spans inside “…” and 《…》 of a paragraph: numbers there belong to slogans and titles. */
export function quotedSpans(p: Paragraph): Span[] {
  const spans: Span[] = [];
  const open: Array<{ close: number; at: number }> = [];
  const text = p.text;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2000) continue;
    const close = CLOSE_OF.get(c);
    if (close !== undefined) open.push({ close, at: i });
    else if (open.length && c === open[open.length - 1].close) {
      const o = open.pop()!;
      if (open.length === 0) spans.push({ start: p.start + o.at, end: p.start + i + 1 });
    }
  }
  return spans;
}

/** Whether `offset` lies inside one of the (sorted, disjoint) spans. */
export function insideAny(spans: readonly Span[], offset: number): boolean {
  for (const s of spans) {
    if (offset < s.start) return false;
    if (offset < s.end) return true;
  }
  return false;
}
