import { RULES, diagnosticToJSON, type RuleSetting, type SeveritySetting } from '../../engine';
import { analyseOperands, UsageError, writeOutput, type CliIO, type CommonOptions } from '../context';
import { formatStylish } from '../formats/stylish';
import { msg } from '../messages';

export interface LintOptions extends CommonOptions {
  format?: 'stylish' | 'json';
  rule: string[];
  maxWarnings?: string;
  quiet?: boolean;
  color: boolean;
  output?: string;
}

const SEVERITIES: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

export async function runLint(paths: string[], options: LintOptions, io: CliIO): Promise<number> {
  const { lang } = options;
  const rules = parseRuleOptions(options.rule, options);
  const maxWarnings = options.maxWarnings === undefined ? undefined : Number(options.maxWarnings);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    throw new UsageError(msg(lang, 'badNumber', { option: '--max-warnings', value: options.maxWarnings! }));
  }
  const { reports, failed } = await analyseOperands(paths, options, io, rules);
  const shown = reports.map((r) => ({ ...r, diagnostics: options.quiet ? r.diagnostics.filter((d) => d.severity === 'error') : r.diagnostics }));

  const format = options.format ?? (io.stdout.isTTY ? 'stylish' : 'stylish');
  let text: string;
  if (format === 'json') {
    text = JSON.stringify(shown.map((r) => ({ file: r.input.name, diagnostics: r.diagnostics.map((d) => diagnosticToJSON(d, r.analysis.lines)) })), null, 2) + '\n';
  } else {
    const color = options.color && !io.env.NO_COLOR && Boolean(io.stdout.isTTY) && !options.output;
    text = formatStylish(shown, { lang, color });
  }
  const written = await writeOutput(text, options.output, io, lang);

  const all = reports.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  if (failed || !written) return 2;
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr.write(`workreport: ${msg(lang, 'tooManyWarnings', { warnings, max: maxWarnings })}\n`);
    return 1;
  }
  return 0;
}

/** --rule id=severity, repeatable; an unknown rule or severity is a usage error. */
function parseRuleOptions(values: string[], { lang }: CommonOptions): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const value of values) {
    const m = /^([\w-]+)=(\w+)$/.exec(value);
    if (!m || !SEVERITIES.includes(m[2] as SeveritySetting)) throw new UsageError(msg(lang, 'badRule', { value }));
    if (!RULES.some((r) => r.meta.id === m[1])) throw new UsageError(msg(lang, 'unknownRule', { value, rule: m[1] }));
    rules[m[1]] = m[2] as SeveritySetting;
  }
  return rules;
}
