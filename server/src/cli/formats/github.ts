import type { Severity } from '../../engine';
import { displayPath } from '../context';
import { oneBasedRegion, type LintResults } from './results';

// GitHub Actions workflow commands: one `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=rule-id::message`
// per diagnostic, which the runner turns into annotations on the pull request. Columns are 1-based
// UTF-16 units with an exclusive end, as in SARIF; GitHub accepts columns only for a one-line range.

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function formatGithub({ reports, problems, cwd }: LintResults): string {
  const out: string[] = [];
  for (const report of reports) {
    const file = report.input.path === null ? null : displayPath(report.input.path, cwd);
    for (const d of report.diagnostics) {
      const r = oneBasedRegion(report, d);
      const props: Array<[string, string | number]> = [];
      if (file !== null) props.push(['file', file]);
      props.push(['line', r.startLine]);
      if (r.startLine === r.endLine) props.push(['col', r.startColumn], ['endLine', r.endLine], ['endColumn', r.endColumn]);
      else props.push(['endLine', r.endLine]);
      props.push(['title', d.rule]);
      out.push(command(COMMANDS[d.severity], props, d.message));
    }
  }
  // Unreadable files and bad configs fail the run: annotate them too, so the failure is visible on the PR.
  for (const p of problems) out.push(command('error', p.file && p.file !== '<stdin>' ? [['file', p.file], ['title', 'workreport']] : [['title', 'workreport']], p.message));
  return out.length ? out.join('\n') + '\n' : '';
}

function command(name: string, props: Array<[string, string | number]>, message: string): string {
  const properties = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${name} ${properties}::${escapeData(message)}`;
}

/** The runner's escaping for a command's message (actions/toolkit `escapeData`). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The runner's escaping for a property value, where `:` and `,` are separators (`escapeProperty`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
