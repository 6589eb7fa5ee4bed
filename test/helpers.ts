// Shared test plumbing: the model trained from seeds/ (so engine tests follow the engine's source,
// not a possibly stale committed model), short ways to analyse and lint a snippet, an independent
// position oracle, and runners for the CLI in-process and as a built binary.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  analyzeReport, lintReport, targetToJSON, trainModel,
  type AnalyzeOptions, type Diagnostic, type LintOptions, type Model, type Range, type ReportAnalysis, type TargetJSON, type TrainingDocument,
} from '../server/src/engine';
import { main } from '../server/src/cli/main';

export const ROOT = path.resolve(__dirname, '..');
export const SEEDS = path.join(ROOT, 'seeds');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

/** seeds/*.txt as training documents, named by file name (as `workreport train` names them). */
export function seedDocuments(): TrainingDocument[] {
  return fs
    .readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f, text: fs.readFileSync(path.join(SEEDS, f), 'utf8') }));
}

let cachedModel: Model | undefined;
/** The model trained from seeds/ by the engine under test. */
export function seedModel(): Model {
  return (cachedModel ??= trainModel(seedDocuments()));
}

export type SnippetOptions = Partial<Omit<AnalyzeOptions, 'model'>> & LintOptions;

/** Analyses and lints a snippet (linting fills each target's `problems`). */
export function check(text: string, options: SnippetOptions = {}): { analysis: ReportAnalysis; diagnostics: Diagnostic[]; targets: TargetJSON[] } {
  const { lang, rules, ...analyzeOptions } = options;
  const analysis = analyzeReport(text, { model: seedModel(), ...analyzeOptions });
  const diagnostics = lintReport(analysis, { lang, rules });
  const targets = analysis.targets.map((t) => targetToJSON(t, analysis.lines));
  return { analysis, diagnostics, targets };
}

export function targetsOf(text: string, options: SnippetOptions = {}): TargetJSON[] {
  return check(text, options).targets;
}

export function diagnosticsOf(text: string, options: SnippetOptions = {}, rule?: string): Diagnostic[] {
  const all = check(text, options).diagnostics;
  return rule ? all.filter((d) => d.rule === rule) : all;
}

/**
 * The LSP range of the `occurrence`-th `needle` in `text`, computed independently of the engine:
 * \r\n, \r and \n end lines, characters are UTF-16 code units.
 */
export function rangeOfText(text: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  return { start: positionOf(text, at), end: positionOf(text, at + needle.length) };
}

function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'workreport-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (dist/cli.js) as a user would. */
export function runCli(args: string[], options: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): RunResult {
  const env = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1', ...options.env };
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, input: options.input ?? '', env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `main()` in-process with a fake io. */
export async function runMain(argv: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; stdin?: string | Buffer } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: options.cwd ?? ROOT,
    env: options.env ?? { LANG: 'en_US.UTF-8' },
    readStdin: async () => Buffer.from(options.stdin ?? ''),
  });
  return { code, stdout, stderr };
}

/** Chinese characters outside “…” quotes: an English message quotes the report's words, nothing more. */
export function hanOutsideQuotes(message: string): boolean {
  return /[\u4e00-\u9fff]/.test(message.replace(/“[^”]*”/g, ''));
}
