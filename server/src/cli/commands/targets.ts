import { targetToJSON, type TargetJSON } from '../../engine';
import { writeOutput, type CliIO, type CommonOptions } from '../context';
import { analyseOperands } from '../pipeline';
import { formatTargetsCsv, formatTargetsMarkdown, formatTargetsTable, type TargetRow } from '../formats/targetTables';

export interface TargetsOptions extends CommonOptions {
  format: 'table' | 'json' | 'csv' | 'markdown';
  problemsOnly?: boolean;
  output?: string;
}

export async function runTargets(paths: string[], options: TargetsOptions, io: CliIO): Promise<number> {
  const { reports, problems } = await analyseOperands(paths, options, io);
  const files = reports.map((r) => ({
    file: r.input.name,
    period: r.analysis.period?.text ?? null,
    targets: r.analysis.targets
      .map((t) => targetToJSON(t, r.analysis.lines))
      .filter((t: TargetJSON) => !options.problemsOnly || t.problems.length > 0),
  }));
  let text: string;
  if (options.format === 'json') text = JSON.stringify(files, null, 2) + '\n';
  else {
    const rows: TargetRow[] = files.flatMap((f) => f.targets.map((t) => ({ file: f.file, ...t })));
    const withFile = files.length > 1;
    if (options.format === 'csv') text = formatTargetsCsv(rows, options.lang);
    else if (options.format === 'markdown') text = formatTargetsMarkdown(rows, options.lang, withFile);
    else text = formatTargetsTable(rows, options.lang, withFile);
  }
  const written = await writeOutput(text, options.output, io, options.lang);
  return problems.length || !written ? 2 : 0;
}
