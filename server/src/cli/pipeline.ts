import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { analyzeReport, LineIndex, lintReport, ModelError, RULES, type AnalyzeOptions, type Model, type RuleSetting } from '../engine';
import { ConfigResolver, formatConfigProblem, isIgnored, mergeRuleSetting, type ResolvedConfig } from '../node/config';
import { both } from '../node/configMessages';
import { loadModel } from '../node/model';
import { regularFileProblem } from '../node/regularFile';
import { displayPath, UsageError, type AnalysedReport, type CliIO, type CommonOptions, type LintedReport, type RunProblem } from './context';
import { applySafeFixes, type Linted } from './fix';
import { writeFileAtomic } from './io/atomicWrite';
import { encodeReport } from './io/decode';
import { expandProblem, readFailure, readReport } from './io/inputs';
import { expandOperands } from './io/paths';
import type { ReportInput } from './io/inputs';
import { runLintJob, type LintJob } from './parallel/lintJob';
import { LintWorkers, worthParallel } from './parallel/pool';
import { planLint, withTiering } from './parallel/tiering';
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

export interface AnalysedRun<R extends LintedReport = AnalysedReport> {
  reports: R[];
  problems: RunProblem[];
  fixed: { files: number; fixes: number };
  /** With --fix and "-": standard input after the fixes, in its own encoding. */
  fixedStdin?: Buffer;
}

/** One input read, with its settings: ready to be linted here or in a worker. */
interface PreparedFile {
  /** Absolute path, or null for stdin. */
  abs: string | null;
  source: ReportInput;
  bytes: Buffer;
  analyzeOptions: AnalyzeOptions;
  /** The file of `analyzeOptions.model`, for a worker to load; undefined for the built-in model. */
  modelFile: string | undefined;
  rules: Record<string, RuleSetting>;
}

/** Every file analysed and linted in this thread (and fixed with --fix): for targets, outline and --fix. */
export async function analyseOperands(operands: string[], options: CommonOptions, io: CliIO, extras: AnalyseExtras = {}): Promise<AnalysedRun> {
  const { lang } = options;
  const registry = io.rules ?? RULES;
  const run: AnalysedRun = { reports: [], problems: [], fixed: { files: 0, fixes: 0 } };
  await forEachInput(operands, options, io, extras, run, async (file, fail) => {
    const { abs, source, bytes, analyzeOptions, rules } = file;
    const lint = (text: string): Linted => {
      const analysis = analyzeReport(text, analyzeOptions);
      return { analysis, diagnostics: lintReport(analysis, { lang, rules, ruleSet: registry }) };
    };
    const keep = (linted: Linted, input = source): void => {
      run.reports.push({ input, lines: linted.analysis.lines, ...linted });
    };
    if (!extras.fix) return keep(lint(source.decoded.text));

    const { decoded } = source;
    const outcome = applySafeFixes(decoded.text, decoded.eol, lint, registry);
    const keepFixed = (linted: Linted) => keep(linted, { ...source, decoded: { ...decoded, text: linted.analysis.text } });
    if (outcome.text === decoded.text) {
      if (abs === null) run.fixedStdin = bytes;
      return keepFixed(outcome);
    }
    // Writing back must leave every byte outside the fixes as it was; a few legacy GB18030 codes
    // decode to characters that encode differently, and such a file is left alone.
    if (!encodeReport(decoded.text, decoded).equals(bytes)) {
      fail({ kind: 'write', file: source.name, message: msg(lang, 'cannotFixExactly', { file: source.name, encoding: decoded.encoding.toUpperCase() }) });
      if (abs === null) run.fixedStdin = bytes;
      return keepFixed(outcome.before);
    }
    const fixedBytes = encodeReport(outcome.text, decoded);
    if (abs === null) run.fixedStdin = fixedBytes;
    else {
      try {
        await writeFileAtomic(abs, fixedBytes);
      } catch (e) {
        const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
        fail({ kind: 'write', file: source.name, message: msg(lang, 'cannotWrite', { file: source.name, reason }) });
        return keepFixed(outcome.before);
      }
    }
    run.fixed.files++;
    run.fixed.fixes += outcome.applied;
    keepFixed(outcome);
  });
  return run;
}

/**
 * Every file linted, on several threads when that is faster (many files, much text; see
 * parallel/tiering.ts for how many, and with which compiler). `jobs` is --jobs when given. --fix and
 * test-supplied rules stay on this thread: fixes are written file by file, and rules are code.
 */
export async function lintOperands(operands: string[], options: CommonOptions, io: CliIO, extras: AnalyseExtras & { jobs?: number }): Promise<AnalysedRun<LintedReport>> {
  if (extras.fix || io.rules) return analyseOperands(operands, options, io, extras);
  const run: AnalysedRun<LintedReport> = { reports: [], problems: [], fixed: { files: 0, fixes: 0 } };
  const files: PreparedFile[] = [];
  let workers: LintWorkers | undefined;
  try {
    await forEachInput(
      operands,
      options,
      io,
      extras,
      run,
      (file) => {
        files.push(file);
      },
      // Workers load the engine while this thread reads the files.
      (paths) => (workers = LintWorkers.startFor(paths, extras.jobs ?? availableParallelism())),
    );
    run.reports = await lintFiles(files, options, extras.jobs, workers);
  } finally {
    workers?.close();
  }
  return run;
}

/** The diagnostics of prepared files, on as many threads as planLint says (started workers, or none). */
async function lintFiles(files: readonly PreparedFile[], options: CommonOptions, jobsOption: number | undefined, workers: LintWorkers | undefined): Promise<LintedReport[]> {
  const jobs: LintJob[] = files.map((f, index) => ({
    index,
    name: f.source.name,
    text: f.source.decoded.text,
    modelFile: f.modelFile,
    period: f.analyzeOptions.period ?? null,
    deadlineScope: f.analyzeOptions.deadlineScope ?? 'document',
    rules: f.rules,
    lang: options.lang,
  }));
  const plan = planLint(jobs.map((j) => j.text.length), jobsOption);
  const results = await withTiering(plan, async () =>
    workers && worthParallel(jobs, plan.threads) ? workers.lint(jobs, plan.threads) : new Map(jobs.map((j) => [j.index, runLintJob(j)])),
  );
  return files.map((f, i) => {
    const { diagnostics, lineStarts } = results.get(i)!;
    return { input: f.source, lines: new LineIndex(f.source.decoded.text, lineStarts), diagnostics };
  });
}

/**
 * Walks the operands: each file with its configuration (the nearest .workreportrc.json, or
 * --config), read and decoded, then handed to `each`. Problems are printed as they happen.
 */
async function forEachInput<R extends LintedReport>(
  operands: string[],
  options: CommonOptions,
  io: CliIO,
  extras: AnalyseExtras,
  run: AnalysedRun<R>,
  each: (file: PreparedFile, fail: (p: RunProblem) => void) => void | Promise<void>,
  /** Told the files (absolute paths) before any is read. */
  beforeReading?: (files: string[]) => void,
): Promise<void> {
  const { lang } = options;
  const registry = io.rules ?? RULES;
  const explicit = options.config === undefined ? undefined : path.resolve(io.cwd, options.config);
  if (explicit !== undefined) {
    const problem = regularFileProblem(explicit);
    if (problem) throw new UsageError(msg(lang, 'cannotReadConfig', { file: options.config!, reason: readFailure(problem, lang) }));
  }
  const models = new ModelCache(options, io);
  const resolver = new ConfigResolver({ lang, registry });

  const { inputs, problems } = await expandOperands(operands.length ? operands : ['.'], { cwd: io.cwd });
  beforeReading?.(inputs.flatMap((input) => (input.kind === 'file' ? [path.resolve(io.cwd, input.path)] : [])));
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

  let handed = 0;
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
    const { model, file: modelFile } = models.for(config);
    const analyzeOptions: AnalyzeOptions = {
      model,
      period: options.period ?? config.period ?? null,
      deadlineScope: options.deadlineScope ?? config.deadlineScope ?? 'document',
    };
    const rules = { ...config.rules };
    for (const [id, setting] of Object.entries(extras.rules ?? {})) rules[id] = mergeRuleSetting(rules[id], setting);
    handed++;
    await each({ abs, source: read.report, bytes: read.bytes, analyzeOptions, modelFile, rules }, fail);
  }
  progress.done();
  if (handed === 0 && run.problems.length === 0) io.stderr.write(`workreport: ${msg(lang, 'noInputs')}\n`);
}

/**
 * Models by path, each loaded once. --model must work (else a usage error, nothing is linted); a
 * config's model that cannot be used is a config problem, and those files get the default model.
 */
class ModelCache {
  onProblem: (p: RunProblem) => void = () => {};
  private readonly cli: { model: Model; file: string | undefined } | undefined;
  private readonly broken = new Set<string>();

  constructor(private readonly options: CommonOptions, private readonly io: CliIO) {
    if (options.model !== undefined) this.cli = this.load(path.resolve(io.cwd, options.model), options.model);
  }

  /** The model for a file's configuration, and its file (undefined for the built-in model). */
  for(config: ResolvedConfig): { model: Model; file: string | undefined } {
    if (this.cli) return this.cli;
    if (config.model && !this.broken.has(config.model)) {
      try {
        return { model: loadModel(config.model), file: config.model };
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
  private load(file: string | undefined, shown: string): { model: Model; file: string | undefined } {
    try {
      return { model: loadModel(file), file };
    } catch (e) {
      if (e instanceof ModelError) throw new UsageError(msg(this.options.lang, 'badModel', { file: e.source, problem: e.problemIn(this.options.lang) }));
      throw new UsageError(msg(this.options.lang, 'badModel', { file: shown, problem: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
    }
  }
}
