import type { Diagnostic, Fix, RelatedInfo, Span } from '../types';

// The characters an edit changed, and where it moved the text around them: findings kept from
// before an edit are moved with the text (incremental/relint.ts).

/** The changed characters: from `start` to `oldEnd` in the old text, to `newEnd` in the new one. */
export interface EditedRange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** An offset of the old text in the new one; -1 inside the changed characters. */
export function moveOffset(o: number, edit: EditedRange): number {
  return o < edit.start ? o : o >= edit.oldEnd ? o + edit.newEnd - edit.oldEnd : -1;
}

/** A finding of a rule whose input the edit did not touch, with every place moved as the text moved. */
export function moveFinding(d: Diagnostic, edit: EditedRange): Diagnostic {
  if (edit.newEnd === edit.oldEnd) return d;
  return withSpans(d, (s) => ({ start: moveOffset(s.start, edit), end: s.end <= edit.start ? s.end : s.end + edit.newEnd - edit.oldEnd }));
}

/**
 * A finding with every span (its own, its fixes', its related places') mapped by `move`. Written out
 * rather than spread: after an edit every finding below it is moved, hundreds in a long report.
 */
export function withSpans(d: Diagnostic, move: (s: Span) => Span): Diagnostic {
  const fixes: Fix[] = [];
  for (const f of d.fixes) {
    const edits = f.edits.map((e) => ({ span: move(e.span), newText: e.newText }));
    fixes.push(f.preferred === undefined ? { title: f.title, edits } : { title: f.title, edits, preferred: f.preferred });
  }
  const moved: Diagnostic = { rule: d.rule, severity: d.severity, message: d.message, span: move(d.span), fixes };
  if (d.related) moved.related = d.related.map((r): RelatedInfo => ({ span: move(r.span), message: r.message }));
  return moved;
}
