import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Lang } from '../../engine';
import { decodeReport, DecodeError, type DecodedText } from './decode';
import { expandOperands } from './paths';
import { msg } from '../messages';

export interface ReportInput {
  /** The name shown in output: the path as given, or "<stdin>". */
  name: string;
  /** Absolute path, or null for stdin. */
  path: string | null;
  decoded: DecodedText;
}

export interface InputSet {
  reports: ReportInput[];
  /** One clear line per operand or file that could not be read; each makes the exit code 2. */
  errors: string[];
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
  const errors = problems.map((p) =>
    msg(lang, p.reason === 'no-match' ? 'noMatch' : p.reason === 'unreadable' ? 'unreadableDir' : 'notFound', { file: p.operand }),
  );
  const reports: ReportInput[] = [];
  for (const input of inputs) {
    const name = input.kind === 'stdin' ? '<stdin>' : input.path;
    const abs = input.kind === 'stdin' ? null : path.resolve(sources.cwd, input.path);
    let bytes: Buffer;
    try {
      bytes = abs === null ? await sources.readStdin() : await fs.readFile(abs);
    } catch (e) {
      errors.push(msg(lang, 'cannotRead', { file: name, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
      continue;
    }
    try {
      reports.push({ name, path: abs, decoded: decodeReport(bytes) });
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      errors.push(msg(lang, e.reason === 'binary' ? 'binary' : 'undecodable', { file: name }));
    }
  }
  return { reports, errors };
}
