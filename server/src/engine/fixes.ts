import type { TextEdit } from './types';

/**
 * Applies edits to a text. Edits that overlap an earlier one are skipped (the next lint run offers
 * them again), so a fix never touches text outside its own range.
 */
export function applyFixes(text: string, edits: readonly TextEdit[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let at = 0;
  let applied = 0;
  for (const e of sorted) {
    if (e.span.start < at) continue;
    out += text.slice(at, e.span.start) + e.newText;
    at = e.span.end;
    applied++;
  }
  return { text: out + text.slice(at), applied };
}
