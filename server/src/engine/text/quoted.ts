import type { Span } from '../types';
import type { Paragraph } from './segment';

/** Opening mark → its closing mark: “” 《》 〈〉 「」 『』. */
const CLOSE_OF: Readonly<Record<string, string>> = { '“': '”', '《': '》', '〈': '〉', '「': '」', '『': '』' };
/** The marks CLOSE_OF names: the loop below visits only these, found natively. */
const QUOTE_MARK = /[“”《》〈〉「」『』]/g;

/** Spans inside “…” and 《…》 of a paragraph: numbers there belong to slogans and titles. */
export function quotedSpans(p: Paragraph): Span[] {
  return quotedSpansIn(p.text, p.start);
}

/** The outermost quoted and titled spans of `text`, marks included, as document spans (`base` is its offset). */
export function quotedSpansIn(text: string, base: number): Span[] {
  const spans: Span[] = [];
  const open: Array<{ close: string; at: number }> = [];
  QUOTE_MARK.lastIndex = 0;
  for (let m = QUOTE_MARK.exec(text); m !== null; m = QUOTE_MARK.exec(text)) {
    const c = m[0];
    const close = CLOSE_OF[c];
    if (close !== undefined) open.push({ close, at: m.index });
    else if (open.length && c === open[open.length - 1].close) {
      const o = open.pop()!;
      if (open.length === 0) spans.push({ start: base + o.at, end: base + m.index + 1 });
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
