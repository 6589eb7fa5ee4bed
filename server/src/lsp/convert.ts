import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type DiagnosticRelatedInformation, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import { ruleDocUrl, type Diagnostic, type Lang, type Severity, type TextEdit } from '../engine';
import { deadlineOrigin, shortName } from '../engine/features';
import type { ExtractedTarget } from '../engine/targets/extract';
import type { Analysed } from './analyses';
import { message } from './messages';

// Engine results in LSP shapes: spans become ranges, rule ids become codes with a link to the rule's
// documentation, and diagnostics on a target say where its deadline came from (or which heading
// has none) as related information.

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLspEdits(edits: readonly TextEdit[], entry: Analysed): LspTextEdit[] {
  return edits.map((e) => ({ range: entry.analysis.lines.rangeOf(e.span), newText: e.newText }));
}

/** Converts an analysis's diagnostics; targets are looked up once for the whole list. */
export function diagnosticConverter(entry: Analysed, lang: Lang): (d: Diagnostic) => LspDiagnostic {
  const { analysis, uri } = entry;
  const byStart = new Map<number, ExtractedTarget>();
  for (const t of analysis.targets) {
    byStart.set(t.valueSpan.start, t);
    byStart.set(t.span.start, t);
  }
  return (d) => {
    const related: DiagnosticRelatedInformation[] = (d.related ?? []).map((r) => ({ location: { uri, range: analysis.lines.rangeOf(r.span) }, message: r.message }));
    const target = byStart.get(d.span.start);
    if (target) related.push(...targetContext(target, entry, lang));
    return {
      range: analysis.lines.rangeOf(d.span),
      severity: SEVERITY[d.severity],
      code: d.rule,
      codeDescription: { href: ruleDocUrl(d.rule) },
      source: 'workreport',
      message: d.message,
      ...(related.length ? { relatedInformation: related } : {}),
    };
  };
}

/** The heading or paragraph opening a target's deadline was inherited from, or the heading without one. */
function targetContext(t: ExtractedTarget, entry: Analysed, lang: Lang): DiagnosticRelatedInformation[] {
  const { analysis, uri } = entry;
  const at = (span: { start: number; end: number }) => ({ uri, range: analysis.lines.rangeOf(span) });
  if (t.deadline) {
    if (t.deadline.source === 'clause' || t.deadline.source === 'sentence') return [];
    const origin = deadlineOrigin(t, analysis, lang);
    if (!origin?.span) return [];
    return [{ location: at(origin.span), message: message(lang, 'deadlineFrom', { text: t.deadline.text, origin: origin.description }) }];
  }
  if (!t.section) return [];
  return [{ location: at(t.section.nameSpan), message: message(lang, 'headingWithoutPeriod', { name: shortName(t.section.name) }) }];
}
