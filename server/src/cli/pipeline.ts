import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { analyzeReport, lintReport, ModelError, RULES, type Model, type RuleSetting } from '../engine';
import { ConfigResolver, formatConfigProblem, isIgnored, mergeRuleSetting, type ResolvedConfig } from '../node/config';
import { both } from '../node/configMessages';
import { loadModel } from '../node/model';
import { displayPath, UsageError, type AnalysedReport, type CliIO, type CommonOptions, type RunProblem } from './context';
import { applySafeFixes, type Linted } from './fix';
import { writeFileAtomic } from './io/atomicWrite';
import { encodeReport } from './io/decode';
import { expandProblem, readFailure, readReport } from './io/inputs';
import { expandOperands } from './io/paths';
import { CLI_MESSAGES, msg } from './messages';
import { startProgress } from './progress';

// Operands → analysed reports, each file with its own configuration (the nearest
// .workreportrc.json, or --config), command-line options over it. Problems are printed on stderr
// as they happen, each once, and returned so that formats can show them and the exit code is 2.

export interface AnalyseExtras {
  /** --rule overrides, applied over each file's configuration. */
  rules?: Record<string, RuleSetting>;
  /** --fix: apply safe fixes and write the files back; the fixed stdin is returned instead. */
  fix?: boolean;
}

export interface AnalysedRun {
  reports: AnalysedReport[];
  problems: RunProblem[];
  fixed: { files: number; fixes: number };
  /** With --fix and "-": standard input after the fixes, in its own encoding. */
  fixedStdin?: Buffer;
}

export async function analyseOperands(operands: string[], options: CommonOptions, io: CliIO, extras: AnalyseExtras = {}): Promise<AnalysedRun> {
  const { lang } = options;
  const registry = io.rules ?? RULES;
  const run: AnalysedRun = { reports: [], problems: [], fixed: { files: 0, fixes: 0 } };
  const explicit = options.config === undefined ? undefined : path.resolve(io.cwd, options.config);
  if (explicit !== undefined) {
    const problem = await fs.stat(explicit).then((s) => (s.isFile() ? null : s.isDirectory() ? 'EISDIR' : 'ENOTREG'), (e: NodeJS.ErrnoException) => e.code ?? e.message);
    if (problem) throw new UsageError(msg(lang, 'cannotReadConfig', { file: options.config!, reason: readFailure(problem, lang) }));
  }
  const models = new ModelCache(options, io);
  const resolver = new ConfigResolver({ lang, registry });

  const { inputs, problems } = await expandOperands(operands.length ? operands : ['.'], { cwd: io.cwd });
  const progress = startProgress(io, inputs.length);
  const seen = new Set<string>();
  const fail = (p: RunProblem) => {
    if (seen.has(p.message)) return;
    seen.add(p.message);
    run.problems.push(p);
    progress.done();
    io.stderr.write(`workreport: ${p.message}\n`);
  };
  models.onProblem = fail;
  for (const p of problems) fail({ kind: 'input', ...expandProblem(p, lang) });

  for (const input of inputs) {
    const abs = input.kind === 'file' ? path.resolve(io.cwd, input.path) : null;
    const { config, problems: configProblems } = await resolver.resolve(abs ?? path.join(io.cwd, '<stdin>'), explicit);
    for (const p of configProblems) {
      const file = displayPath(p.file, io.cwd);
      fail({ kind: 'config', file, message: formatConfigProblem(p, lang, file) });
    }
    if (input.kind === 'file' && !input.named && isIgnored(config, abs!)) continue;
    progress.tick(input.kind === 'file' ? input.path : '<stdin>');

    const read = await readReport(input, io, lang);
    if ('problem' in read) {
      fail({ kind: 'input', ...read.problem });
      continue;
    }
    const { report: source, bytes } = read;
    const analyzeOptions = {
      model: models.for(config),
      period: options.period ?? config.period ?? null,
      deadlineScope: options.deadlineScope ?? config.deadlineScope ?? 'document',
    };
    const rules = { ...config.rules };
    for (const [id, setting] of Object.entries(extras.rules ?? {})) rules[id] = mergeRuleSetting(rules[id], setting);
    const lint = (text: string): Linted => {
      const analysis = analyzeReport(text, analyzeOptions);
      return { analysis, diagnostics: lintReport(analysis, { lang, rules, ruleSet: registry }) };
    };
    if (!extras.fix) {
      run.reports.push({ input: source, ...lint(source.decoded.text) });
      continue;
    }

    const { decoded } = source;
    const outcome = applySafeFixes(decoded.text, decoded.eol, lint, registry);
    const keep = (linted: Linted) => run.reports.push({ input: { ...source, decoded: { ...decoded, text: linted.analysis.text } }, ...linted });
    if (outcome.text === decoded.text) {
      if (abs === null) run.fixedStdin = bytes;
      keep(outcome);
      continue;
    }
    // Writing back must leave every byte outside the fixes as it was; a few legacy GB18030 codes
    // decode to characters that encode differently, and such a file is left alone.
    if (!encodeReport(decoded.text, decoded).equals(bytes)) {
      fail({ kind: 'write', file: source.name, message: msg(lang, 'cannotFixExactly', { file: source.name, encoding: decoded.encoding.toUpperCase() }) });
      if (abs === null) run.fixedStdin = bytes;
      keep(outcome.before);
      continue;
    }
    const fixedBytes = encodeReport(outcome.text, decoded);
    if (abs === null) run.fixedStdin = fixedBytes;
    else {
      try {
        await writeFileAtomic(abs, fixedBytes);
      } catch (e) {
        const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
        fail({ kind: 'write', file: source.name, message: msg(lang, 'cannotWrite', { file: source.name, reason }) });
        keep(outcome.before);
        continue;
      }
    }
    run.fixed.files++;
    run.fixed.fixes += outcome.applied;
    keep(outcome);
  }
  progress.done();
  if (run.reports.length === 0 && run.problems.length === 0) io.stderr.write(`workreport: ${msg(lang, 'noInputs')}\n`);
  return run;
}

/**
 * Models by path, each loaded once. --model must work (else a usage error, nothing is linted); a
 * config's model that cannot be used is a config problem, and those files get the default model.
 */
class ModelCache {
  onProblem: (p: RunProblem) => void = () => {};
  private readonly cli: Model | undefined;
  private readonly broken = new Set<string>();

  constructor(private readonly options: CommonOptions, private readonly io: CliIO) {
    if (options.model !== undefined) this.cli = this.load(path.resolve(io.cwd, options.model), options.model);
  }

  for(config: ResolvedConfig): Model {
    if (this.cli) return this.cli;
    if (config.model && !this.broken.has(config.model)) {
      try {
        return loadModel(config.model);
      } catch (e) {
        this.broken.add(config.model);
        const problem = e instanceof ModelError ? e.problemIn(this.options.lang) : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);
        const file = displayPath(config.modelFrom ?? config.model, this.io.cwd);
        const localized = both(CLI_MESSAGES.badModel, { file: displayPath(config.model, this.io.cwd), problem });
        this.onProblem({ kind: 'config', file, message: formatConfigProblem({ file, key: 'model', message: '', localized }, this.options.lang) });
      }
    }
    return this.load(undefined, 'default-model.json');
  }

  /** A model, or a usage error naming its file. */
  private load(file: string | undefined, shown: string): Model {
    try {
      return loadModel(file);
    } catch (e) {
      if (e instanceof ModelError) throw new UsageError(msg(this.options.lang, 'badModel', { file: e.source, problem: e.problemIn(this.options.lang) }));
      throw new UsageError(msg(this.options.lang, 'badModel', { file: shown, problem: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
    }
  }
}
