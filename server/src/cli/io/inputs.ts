import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Lang } from '../../engine';
import { decodeReport, DecodeError, type DecodedText } from './decode';
import { expandOperands, type ExpandedInput, type ExpandProblem } from './paths';
import { msg } from '../messages';

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
  const id = p.reason === 'no-match' ? 'noMatch' : p.reason === 'unreadable' ? 'unreadableDir' : 'notFound';
  return { file: p.operand, message: msg(lang, id, { file: p.operand }) };
}

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
    bytes = abs === null ? await sources.readStdin() : await fs.readFile(abs);
  } catch (e) {
    return { problem: { file: name, message: msg(lang, 'cannotRead', { file: name, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }) } };
  }
  try {
    return { report: { name, path: abs, decoded: decodeReport(bytes) }, bytes };
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    return { problem: { file: name, message: msg(lang, e.reason === 'binary' ? 'binary' : 'undecodable', { file: name }) } };
  }
}
