import { diagnosticToJSON } from '../../engine';
import type { LintResults } from './results';

/** CLI.md's JSON: `[{"file", "diagnostics": [{"rule", "severity", "message", "range", "fixes"}]}]`, 0-based LSP ranges. */
export function formatJson({ reports }: LintResults): string {
  const files = reports.map((r) => ({ file: r.input.name, diagnostics: r.diagnostics.map((d) => diagnosticToJSON(d, r.lines)) }));
  return JSON.stringify(files, null, 2) + '\n';
}
