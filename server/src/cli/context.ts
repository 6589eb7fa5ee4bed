import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  analyzeReport, lintReport, ModelError, type DeadlineSource, type Diagnostic, type Lang, type Model, type ReportAnalysis, type RuleSetting,
} from '../engine';
import { loadModel } from '../node/model';
import { readInputs, type ReportInput } from './io/inputs';
import { msg } from './messages';

/** What the CLI needs from its process, so that tests can run it in-process. */
export interface CliIO {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
  readStdin: () => Promise<Buffer>;
}

/** A mistake in the command line: printed as one line, exit code 2. */
export class UsageError extends Error {}

export interface CommonOptions {
  lang: Lang;
  model?: string;
  period?: string;
  deadlineScope: DeadlineSource;
}

export interface AnalysedReport {
  input: ReportInput;
  analysis: ReportAnalysis;
  diagnostics: Diagnostic[];
}

/** Loads the model, or reports why it cannot be used. */
export function modelFor(options: CommonOptions): Model {
  try {
    return loadModel(options.model);
  } catch (e) {
    const file = options.model ?? 'default-model.json';
    if (e instanceof ModelError) throw new UsageError(msg(options.lang, 'badModel', { file: e.source, problem: e.problem }));
    throw new UsageError(msg(options.lang, 'badModel', { file, problem: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
}

/**
 * Reads and analyses every operand. Unreadable files are named on stderr and make `failed` true;
 * the other files are still analysed.
 */
export async function analyseOperands(
  operands: string[],
  options: CommonOptions,
  io: CliIO,
  rules: Record<string, RuleSetting> = {},
): Promise<{ reports: AnalysedReport[]; failed: boolean }> {
  const model = modelFor(options);
  const { reports, errors } = await readInputs(operands.length ? operands : ['.'], { cwd: io.cwd, readStdin: io.readStdin }, options.lang);
  for (const e of errors) io.stderr.write(`workreport: ${e}\n`);
  if (reports.length === 0 && errors.length === 0) io.stderr.write(`workreport: ${msg(options.lang, 'noInputs')}\n`);
  const analysed = reports.map((input) => {
    const analysis = analyzeReport(input.decoded.text, { model, period: options.period ?? null, deadlineScope: options.deadlineScope });
    const diagnostics = lintReport(analysis, { lang: options.lang, rules });
    return { input, analysis, diagnostics };
  });
  return { reports: analysed, failed: errors.length > 0 };
}

/** Writes command output to stdout, or atomically to --output (temp file, then rename). */
export async function writeOutput(text: string, output: string | undefined, io: CliIO, lang: Lang): Promise<boolean> {
  if (!output) {
    io.stdout.write(text);
    return true;
  }
  const target = path.resolve(io.cwd, output);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await fs.writeFile(temp, text);
    await fs.rename(temp, target);
    return true;
  } catch (e) {
    await fs.rm(temp, { force: true });
    io.stderr.write(`workreport: ${msg(lang, 'cannotWrite', { file: output, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message })}\n`);
    return false;
  }
}
