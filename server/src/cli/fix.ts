import { applyFixes, type Diagnostic, type Fix, type ReportAnalysis, type Rule, type TextEdit } from '../engine';
import type { DecodedText } from './io/decode';

// --fix: the fixes of rules whose metadata marks them safe, applied pass after pass (a fix may
// reveal another problem) until nothing more applies. Only text inside fix ranges changes.

/** Enough for fixes that uncover one another; a rule whose fixes never settle stops here. */
export const MAX_FIX_PASSES = 10;

export interface Linted {
  analysis: ReportAnalysis;
  diagnostics: Diagnostic[];
}

export interface FixOutcome extends Linted {
  text: string;
  /** Fixes applied over all passes. */
  applied: number;
  /** The lint of the text before any fix, for when the fixed text cannot be written. */
  before: Linted;
}

export function applySafeFixes(text: string, eol: DecodedText['eol'], lint: (text: string) => Linted, registry: readonly Rule[]): FixOutcome {
  const safe = new Set(registry.filter((r) => r.meta.safeFix).map((r) => r.meta.id));
  const before = lint(text);
  let current = before;
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const candidates = current.diagnostics.filter((d) => safe.has(d.rule)).map(chosenFix).filter((f): f is Fix => f !== undefined);
    const fixes = nonOverlapping(candidates);
    const edits = fixes.flatMap((f) => f.edits.map((e) => withLineEnding(e, eol)));
    const next = applyFixes(text, edits).text;
    if (next === text) break;
    applied += fixes.length;
    text = next;
    current = lint(text);
  }
  return { text, applied, before, ...current };
}

/** The fix a tool may apply without asking: the preferred one, else the first. */
function chosenFix(d: Diagnostic): Fix | undefined {
  return d.fixes.find((f) => f.preferred) ?? d.fixes[0];
}

/** Whole fixes, in text order, skipping any that touches one already taken (the next pass offers it again). */
function nonOverlapping(fixes: readonly Fix[]): Fix[] {
  const taken: TextEdit[] = [];
  const clash = (a: TextEdit, b: TextEdit) => a.span.start === b.span.start || (a.span.start < b.span.end && b.span.start < a.span.end);
  const sorted = [...fixes].sort((a, b) => first(a) - first(b));
  return sorted.filter((f) => {
    if (f.edits.some((e) => taken.some((t) => clash(e, t)))) return false;
    taken.push(...f.edits);
    return true;
  });
}

function first(f: Fix): number {
  return Math.min(...f.edits.map((e) => e.span.start));
}

/** A line break a fix inserts follows the file's own line ending, so a CRLF file stays CRLF. */
function withLineEnding(edit: TextEdit, eol: DecodedText['eol']): TextEdit {
  if (eol !== '\r\n' && eol !== '\r') return edit;
  return { span: edit.span, newText: edit.newText.replace(/\r\n|\r|\n/g, eol) };
}
