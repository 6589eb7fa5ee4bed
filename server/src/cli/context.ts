import * as path from 'node:path';
import type { DeadlineSource, Diagnostic, Lang, LineIndex, ReportAnalysis, Rule } from '../engine';
import type { ReportInput } from './io/inputs';
import { writeFileAtomic } from './io/atomicWrite';
import { msg } from './messages';

/** What the CLI needs from its process, so that tests can run it in-process. */
export interface CliIO {
  stdout: { write(s: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  cwd: string;
  env: NodeJS.ProcessEnv;
  readStdin: () => Promise<Buffer>;
  /**
   * The rules to choose from (default: the RULES registry). A hook for tests, which add rules of
   * their own (e.g. one with safe fixes to exercise --fix); the binary never sets it.
   */
  rules?: readonly Rule[];
}

/** A mistake in the command line: printed as one line, exit code 2. */
export class UsageError extends Error {}

export interface CommonOptions {
  lang: Lang;
  model?: string;
  period?: string;
  /** Unset unless given, so that a config file's deadlineScope applies. */
  deadlineScope?: DeadlineSource;
  /** --config FILE: this configuration for every file instead of searching for .workreportrc.json. */
  config?: string;
}

/** A linted file: what the lint formats need (the line index carries the text). */
export interface LintedReport {
  input: ReportInput;
  lines: LineIndex;
  diagnostics: Diagnostic[];
}

/** A file analysed in this thread, with the whole analysis (targets, outline). */
export interface AnalysedReport extends LintedReport {
  analysis: ReportAnalysis;
}

/** Something that makes the exit code 2: an unreadable input, a bad config, a file --fix could not write. */
export interface RunProblem {
  kind: 'input' | 'config' | 'write';
  /** The file at fault as shown to the user (relative to cwd when below it), if there is one. */
  file: string | null;
  /** The whole line, file included, in the interface language. */
  message: string;
}

/** `file` as shown to the user: relative to cwd when it lies below cwd, else absolute. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}

/** Writes command output to stdout, or atomically to --output. */
export async function writeOutput(text: string, output: string | undefined, io: CliIO, lang: Lang): Promise<boolean> {
  if (!output) {
    io.stdout.write(text);
    return true;
  }
  try {
    await writeFileAtomic(path.resolve(io.cwd, output), Buffer.from(text, 'utf8'));
    return true;
  } catch (e) {
    io.stderr.write(`workreport: ${msg(lang, 'cannotWrite', { file: output, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message })}\n`);
    return false;
  }
}
