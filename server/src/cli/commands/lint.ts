import { RULES, type Rule, type RuleSetting, type SeveritySetting } from '../../engine';
import { SEVERITIES } from '../../node/configValidate';
import { UsageError, writeOutput, type CliIO, type CommonOptions } from '../context';
import { formatGithub } from '../formats/github';
import { formatJson } from '../formats/json';
import { formatJunit } from '../formats/junit';
import type { LintResults } from '../formats/results';
import { formatSarif } from '../formats/sarif';
import { formatStylish } from '../formats/stylish';
import { msg } from '../messages';
import { lintOperands } from '../pipeline';

export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;

export interface LintOptions extends CommonOptions {
  format?: (typeof LINT_FORMATS)[number];
  rule: string[];
  maxWarnings?: string;
  quiet?: boolean;
  color: boolean;
  output?: string;
  fix?: boolean;
  /** --jobs N: threads for many files (default: chosen by parallel/tiering.ts, every core for a short run). */
  jobs?: string;
}

export async function runLint(paths: string[], options: LintOptions, io: CliIO): Promise<number> {
  const { lang } = options;
  const registry = io.rules ?? RULES;
  const rules = parseRuleOptions(options.rule, lang, registry);
  const maxWarnings = options.maxWarnings === undefined ? undefined : Number(options.maxWarnings);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    throw new UsageError(msg(lang, 'badNumber', { option: '--max-warnings', value: options.maxWarnings! }));
  }
  const jobs = options.jobs === undefined ? undefined : Number(options.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError(msg(lang, 'badNumber', { option: '--jobs', value: options.jobs! }));
  const run = await lintOperands(paths, options, io, { rules, fix: options.fix, jobs });
  if (run.fixedStdin) io.stdout.write(run.fixedStdin);

  const shown = run.reports.map((r) => ({ ...r, diagnostics: options.quiet ? r.diagnostics.filter((d) => d.severity === 'error') : r.diagnostics }));
  const results: LintResults = { reports: shown, problems: run.problems, lang, cwd: io.cwd, registry };
  // With "-" and --fix, stdout carries the fixed text: the report goes to stderr unless --output names a file.
  const reportStream = run.fixedStdin && !options.output ? io.stderr : io.stdout;
  let text: string;
  switch (options.format ?? 'stylish') {
    case 'json': text = formatJson(results); break;
    case 'sarif': text = formatSarif(results); break;
    case 'github': text = formatGithub(results); break;
    case 'junit': text = formatJunit(results); break;
    case 'stylish': {
      const color = options.color && !io.env.NO_COLOR && Boolean(reportStream.isTTY) && !options.output;
      text = formatStylish(shown, { lang, color });
    }
  }
  const written = await writeOutput(text, options.output, { ...io, stdout: reportStream }, lang);
  if (run.fixed.fixes > 0) {
    const plural = (n: number, word: string) => (n === 1 ? word : `${word}${word.endsWith('x') ? 'es' : 's'}`);
    io.stderr.write(`workreport: ${msg(lang, 'fixedSummary', { ...run.fixed, fixWord: plural(run.fixed.fixes, 'fix'), fileWord: plural(run.fixed.files, 'file') })}\n`);
  }

  const all = run.reports.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  if (run.problems.length > 0 || !written) return 2;
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr.write(`workreport: ${msg(lang, 'tooManyWarnings', { warnings, max: maxWarnings })}\n`);
    return 1;
  }
  return 0;
}

/** --rule id=severity, repeatable; an unknown rule or severity is a usage error. */
function parseRuleOptions(values: string[], lang: CommonOptions['lang'], registry: readonly Rule[]): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const value of values) {
    const m = /^([\w-]+)=(\w+)$/.exec(value);
    if (!m || !SEVERITIES.includes(m[2] as SeveritySetting)) throw new UsageError(msg(lang, 'badRule', { value }));
    if (!registry.some((r) => r.meta.id === m[1])) throw new UsageError(msg(lang, 'unknownRule', { value, rule: m[1] }));
    rules[m[1]] = m[2] as SeveritySetting;
  }
  return rules;
}
