import type { Diagnostic, Lang, Rule } from '../../engine';
import type { LintedReport, RunProblem } from '../context';

/** What a lint format prints: the reports (diagnostics already filtered by --quiet) and the run's problems. */
export interface LintResults {
  reports: readonly LintedReport[];
  problems: readonly RunProblem[];
  lang: Lang;
  cwd: string;
  /** The rules the run chose from, for formats that describe them (SARIF). */
  registry: readonly Rule[];
}

/** A diagnostic's range as 1-based lines and columns (UTF-16 units); the end column is exclusive. */
export function oneBasedRegion(report: LintedReport, d: Diagnostic): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  const { start, end } = report.lines.rangeOf(d.span);
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
