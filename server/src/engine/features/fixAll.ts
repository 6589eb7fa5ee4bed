import type { Diagnostic, Fix, TextEdit } from '../types';

// "Fix all": one fix per diagnostic (the preferred one, else the first) gathered into a single set
// of edits that an editor can apply at once. Editors require the edits not to overlap, so a fix
// that would touch an edit already taken is left for the next round (the server offers it again
// after re-linting). Identical edits are taken once: three targets of one clause missing their
// deadline get one "年内", not three.

export interface FixAllResult {
  edits: TextEdit[];
  /** Diagnostics that the edits fix. */
  fixed: Diagnostic[];
}

export function chosenFix(d: Diagnostic): Fix | undefined {
  return d.fixes.find((f) => f.preferred) ?? d.fixes[0];
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.span.start === b.span.start && a.span.end === b.span.end && a.newText === b.newText;
}

function conflicts(a: TextEdit, b: TextEdit): boolean {
  const aEmpty = a.span.start === a.span.end;
  const bEmpty = b.span.start === b.span.end;
  if (aEmpty && bEmpty) return a.span.start === b.span.start;
  if (aEmpty) return b.span.start < a.span.start && a.span.start < b.span.end;
  if (bEmpty) return a.span.start < b.span.start && b.span.start < a.span.end;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}

export function collectFixes(diagnostics: readonly Diagnostic[], include: (d: Diagnostic) => boolean = () => true): FixAllResult {
  const edits: TextEdit[] = [];
  const fixed: Diagnostic[] = [];
  for (const d of diagnostics) {
    const fix = include(d) ? chosenFix(d) : undefined;
    if (!fix || fix.edits.length === 0) continue;
    const fresh = fix.edits.filter((e) => !edits.some((taken) => sameEdit(taken, e)));
    if (fresh.some((e) => edits.some((taken) => conflicts(taken, e)))) continue;
    edits.push(...fresh);
    fixed.push(d);
  }
  edits.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { edits, fixed };
}
