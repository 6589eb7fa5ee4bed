import type { Span } from '../types';
import type { Paragraph } from '../text/segment';

const OPEN: Record<string, string> = { '“': '”', '《': '》', '〈': '〉', '「': '」', '『': '』' };

/** Spans inside “…” and 《…》 of a paragraph: numbers there belong to slogans and titles. */
export function quotedSpans(p: Paragraph): Span[] {
  const spans: Span[] = [];
  const open: Array<{ close: string; at: number }> = [];
  for (let i = 0; i < p.text.length; i++) {
    const c = p.text[i];
    const close = OPEN[c];
    if (close) open.push({ close, at: i });
    else if (open.length && c === open[open.length - 1].close) {
      const o = open.pop()!;
      if (open.length === 0) spans.push({ start: p.start + o.at, end: p.start + i + 1 });
    }
  }
  return spans;
}
