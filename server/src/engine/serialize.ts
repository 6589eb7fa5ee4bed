import type { Deadline, Diagnostic, OutlineKind, OutlineNode, Range, Target } from './types';
import type { LineIndex } from './text/lineIndex';

// The JSON contracts of TARGETS.md and CLI.md: what `workreport … --format json` prints and what the
// language server's custom requests return, so that the CLI and the editor always agree.

export interface TargetJSON {
  indicator: string;
  verb: string | null;
  value: string;
  unit: string | null;
  qualifier: string | null;
  deadline: { text: string; source: Deadline['source']; range?: Range } | null;
  range: Range;
  section: string | null;
  sentence: string;
  problems: string[];
}

export interface OutlineSymbolJSON {
  name: string;
  kind: OutlineKind;
  range: Range;
  selectionRange: Range;
  /** Targets held by the symbol and its children. */
  targets: number;
  children: OutlineSymbolJSON[];
}

export interface DiagnosticJSON {
  rule: string;
  severity: Diagnostic['severity'];
  message: string;
  range: Range;
  fixes: Array<{ title: string; preferred?: boolean; edits: Array<{ range: Range; newText: string }> }>;
}

export function targetToJSON(t: Target, lines: LineIndex): TargetJSON {
  return {
    indicator: t.indicator,
    verb: t.verb,
    value: t.value,
    unit: t.unit,
    qualifier: t.qualifier,
    deadline: t.deadline
      ? { text: t.deadline.text, source: t.deadline.source, ...(t.deadline.span ? { range: lines.rangeOf(t.deadline.span) } : {}) }
      : null,
    range: lines.rangeOf(t.span),
    section: t.section?.name ?? null,
    sentence: t.sentence,
    problems: [...t.problems],
  };
}

export function outlineToJSON(nodes: readonly OutlineNode[], targets: readonly Target[], lines: LineIndex): OutlineSymbolJSON[] {
  return nodes.map((n) => ({
    name: n.name,
    kind: n.kind,
    range: lines.rangeOf(n.span),
    selectionRange: lines.rangeOf(n.nameSpan),
    targets: countTargetsIn(n, targets),
    children: outlineToJSON(n.children, targets, lines),
  }));
}

/** Targets inside a node; `targets` are in document order, so two binary searches suffice. */
export function countTargetsIn(n: OutlineNode, targets: readonly Target[]): number {
  return firstAtOrAfter(targets, n.span.end) - firstAtOrAfter(targets, n.span.start);
}

function firstAtOrAfter(targets: readonly Target[], offset: number): number {
  let lo = 0;
  let hi = targets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (targets[mid].span.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function diagnosticToJSON(d: Diagnostic, lines: LineIndex): DiagnosticJSON {
  return {
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    range: lines.rangeOf(d.span),
    fixes: d.fixes.map((f) => ({
      title: f.title,
      ...(f.preferred ? { preferred: true } : {}),
      edits: f.edits.map((e) => ({ range: lines.rangeOf(e.span), newText: e.newText })),
    })),
  };
}
