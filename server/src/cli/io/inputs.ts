import * as path from 'node:path';
import type { Lang } from '../../engine';
import { readRegularFileSync } from '../../node/regularFile';
import { decodeReport, DecodeError, type DecodedText } from './decode';
import { expandOperands, type ExpandedInput, type ExpandProblem } from './paths';
import { msg, type CliMessage } from '../messages';

export interface ReportInput {
  /** The name shown in output: the path as given, or "<stdin>". */
  name: string;
  /** Absolute path, or null for stdin. */
  path: string | null;
  decoded: DecodedText;
}

/** An operand or file that could not be read: one clear line naming it; each makes the exit code 2. */
export interface InputProblem {
  /** The operand or file as the user wrote it, or "<stdin>". */
  file: string;
  message: string;
}

export interface InputSet {
  reports: ReportInput[];
  errors: InputProblem[];
}

export interface InputSources {
  cwd: string;
  readStdin: () => Promise<Buffer>;
  extensions?: string[];
  ignore?: string[];
}

/** Reads every operand: files, folders, globs and "-"; a bad one is reported and the rest go on. */
export async function readInputs(operands: string[], sources: InputSources, lang: Lang): Promise<InputSet> {
  const { inputs, problems } = await expandOperands(operands, { cwd: sources.cwd, extensions: sources.extensions, ignore: sources.ignore });
  const errors = problems.map((p) => expandProblem(p, lang));
  const reports: ReportInput[] = [];
  for (const input of inputs) {
    const read = await readReport(input, sources, lang);
    if ('problem' in read) errors.push(read.problem);
    else reports.push(read.report);
  }
  return { reports, errors };
}

export function expandProblem(p: ExpandProblem, lang: Lang): InputProblem {
  if (p.reason === 'cannot-read') return { file: p.operand, message: msg(lang, 'cannotRead', { file: p.operand, reason: readFailure(p.code ?? '', lang) }) };
  const id = p.reason === 'no-match' ? 'noMatch' : p.reason === 'unreadable' ? 'unreadableDir' : 'notFound';
  return { file: p.operand, message: msg(lang, id, { file: p.operand }) };
}

/** An fs error code, with what it means where the code alone says little to a drafter. */
export function readFailure(code: string, lang: Lang): string {
  const id = READ_FAILURES[code];
  return id ? `${code}: ${msg(lang, id)}` : code;
}
const READ_FAILURES: Record<string, CliMessage> = {
  ELOOP: 'symlinkLoop',
  ENOTREG: 'notRegularFile',
  EISDIR: 'isFolder',
  EACCES: 'permissionDenied',
};

/** One input read and decoded, with its bytes (--fix checks that they re-encode exactly). */
export async function readReport(
  input: ExpandedInput,
  sources: Pick<InputSources, 'cwd' | 'readStdin'>,
  lang: Lang,
): Promise<{ report: ReportInput; bytes: Buffer } | { problem: InputProblem }> {
  const name = input.kind === 'stdin' ? '<stdin>' : input.path;
  const abs = input.kind === 'stdin' ? null : path.resolve(sources.cwd, input.path);
  let bytes: Buffer;
  try {
    // Read synchronously: the CLI lints one file after another, and an asynchronous read only
    // leaves the thread idle until the file arrives (7% of a run over the national corpus).
    bytes = abs === null ? await sources.readStdin() : readRegularFileSync(abs);
  } catch (e) {
    return { problem: { file: name, message: msg(lang, 'cannotRead', { file: name, reason: readFailure((e as NodeJS.ErrnoException).code ?? (e as Error).message, lang) }) } };
  }
  try {
    return { report: { name, path: abs, decoded: decodeReport(bytes) }, bytes };
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    return { problem: { file: name, message: msg(lang, e.reason === 'binary' ? 'binary' : 'undecodable', { file: name }) } };
  }
}
