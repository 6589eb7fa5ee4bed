import type { Lang, TargetJSON } from '../../engine';
import { msg, type CliMessage } from '../messages';
import { displayWidth, padEnd } from './width';

export interface TargetRow extends TargetJSON {
  file: string;
}

interface Column {
  title: CliMessage;
  cell: (t: TargetRow) => string;
}

const COLUMNS: Column[] = [
  { title: 'colFile', cell: (t) => t.file },
  { title: 'colLine', cell: (t) => String(t.range.start.line + 1) },
  { title: 'colSection', cell: (t) => t.section ?? '' },
  { title: 'colIndicator', cell: (t) => t.indicator },
  { title: 'colValue', cell: (t) => t.value },
  { title: 'colUnit', cell: (t) => t.unit ?? '' },
  { title: 'colQualifier', cell: (t) => t.qualifier ?? '' },
  { title: 'colDeadline', cell: (t) => (t.deadline ? `${t.deadline.text} (${t.deadline.source})` : '') },
  { title: 'colProblems', cell: (t) => t.problems.join(' ') },
];

function columns(withFile: boolean): Column[] {
  return withFile ? COLUMNS : COLUMNS.filter((c) => c.title !== 'colFile');
}

/** Section names are whole sentences; the table shows their start. */
function shorten(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > max - 1) return out + '…';
    out += ch;
  }
  return out;
}

export function formatTargetsTable(rows: readonly TargetRow[], lang: Lang, withFile: boolean): string {
  const cols = columns(withFile);
  const cells = rows.map((r) => cols.map((c) => (c.title === 'colSection' ? shorten(c.cell(r), 24) : c.cell(r))));
  const header = cols.map((c) => msg(lang, c.title));
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...cells.map((row) => displayWidth(row[i]))));
  const line = (row: string[]) => row.map((cell, i) => padEnd(cell, widths[i])).join('  ').trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
  out.push('', msg(lang, 'targetsCount', { count: rows.length }));
  return out.join('\n') + '\n';
}

/** RFC 4180: CRLF line ends; fields with a comma, quote or line break are quoted, quotes doubled. */
export function formatTargetsCsv(rows: readonly TargetRow[], lang: Lang): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const header = [...COLUMNS.map((c) => msg(lang, c.title)), 'verb', 'deadline_source', 'sentence'];
  const lines = [header.map(quote).join(',')];
  for (const r of rows) {
    const cells = [...COLUMNS.map((c) => c.cell(r)), r.verb ?? '', r.deadline?.source ?? ''];
    cells[COLUMNS.findIndex((c) => c.title === 'colDeadline')] = r.deadline?.text ?? '';
    lines.push([...cells, r.sentence].map(quote).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

export function formatTargetsMarkdown(rows: readonly TargetRow[], lang: Lang, withFile: boolean): string {
  const cols = columns(withFile);
  const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const out = [
    `| ${cols.map((c) => msg(lang, c.title)).join(' | ')} |`,
    `|${cols.map(() => ' --- ').join('|')}|`,
    ...rows.map((r) => `| ${cols.map((c) => escape(c.cell(r))).join(' | ')} |`),
  ];
  return out.join('\n') + '\n';
}
