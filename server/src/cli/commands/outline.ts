import { outlineToJSON, type OutlineSymbolJSON } from '../../engine';
import { writeOutput, type CliIO, type CommonOptions } from '../context';
import { analyseOperands } from '../pipeline';
import { msg } from '../messages';

export interface OutlineOptions extends CommonOptions {
  format: 'tree' | 'json';
  output?: string;
}

export async function runOutline(paths: string[], options: OutlineOptions, io: CliIO): Promise<number> {
  const { reports, problems } = await analyseOperands(paths, options, io);
  const files = reports.map((r) => ({ file: r.input.name, symbols: outlineToJSON(r.analysis.outline, r.analysis.targets, r.analysis.lines) }));
  const text =
    options.format === 'json'
      ? JSON.stringify(files, null, 2) + '\n'
      : files.map((f) => `${f.file}\n${tree(f.symbols, '', options)}`).join('\n');
  const written = await writeOutput(text, options.output, io, options.lang);
  return problems.length || !written ? 2 : 0;
}

/** An indented tree: `├─ part 二、2025年工作安排  (12 targets)`. */
function tree(symbols: readonly OutlineSymbolJSON[], indent: string, options: OutlineOptions): string {
  let out = '';
  symbols.forEach((s, i) => {
    const last = i === symbols.length - 1;
    const count = s.targets ? `  (${msg(options.lang, 'targetsCount', { count: s.targets })})` : '';
    out += `${indent}${last ? '└─' : '├─'} ${s.kind} ${s.name}${count}  [${s.range.start.line + 1}]\n`;
    out += tree(s.children, indent + (last ? '   ' : '│  '), options);
  });
  return out;
}
