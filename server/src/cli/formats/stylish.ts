import type { Lang } from '../../engine';
import type { LintedReport } from '../context';
import { msg } from '../messages';
import { displayWidth, padEnd } from './width';

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', underline: '\x1b[4m', reset: '\x1b[0m' };
const SEVERITY_NAMES = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
};

/** Grouped by file: `line:col  severity  message  rule-id`, then a summary line (ESLint's stylish). */
export function formatStylish(reports: readonly LintedReport[], { lang, color }: { lang: Lang; color: boolean }): string {
  const paint = (code: keyof typeof COLORS, s: string) => (color ? COLORS[code] + s + COLORS.reset : s);
  const out: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const r of reports) {
    if (r.diagnostics.length === 0) continue;
    out.push(paint('underline', r.input.name));
    const rows = r.diagnostics.map((d) => {
      counts[d.severity]++;
      const p = r.lines.positionAt(d.span.start);
      return { where: `${p.line + 1}:${p.character + 1}`, severity: d.severity, message: d.message, rule: d.rule };
    });
    const whereWidth = Math.max(...rows.map((x) => x.where.length));
    const sevWidth = Math.max(...rows.map((x) => displayWidth(SEVERITY_NAMES[x.severity][lang])));
    const msgWidth = Math.max(...rows.map((x) => displayWidth(x.message)));
    for (const x of rows) {
      const sev = padEnd(SEVERITY_NAMES[x.severity][lang], sevWidth);
      out.push(`  ${paint('dim', x.where.padEnd(whereWidth))}  ${paint(x.severity, sev)}  ${padEnd(x.message, msgWidth)}  ${paint('dim', x.rule)}`);
    }
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return '';
  const plural = (n: number, word: string) => (n === 1 ? word : `${word}s`);
  const summary = msg(lang, 'summary', {
    total, errors: counts.error, warnings: counts.warning, infos: counts.info,
    problems: plural(total, 'problem'), errorWord: plural(counts.error, 'error'), warningWord: plural(counts.warning, 'warning'), infoWord: plural(counts.info, 'info'),
  });
  out.push(paint('bold', paint(counts.error ? 'error' : counts.warning ? 'warning' : 'info', `✖ ${summary}`)));
  return out.join('\n') + '\n';
}
