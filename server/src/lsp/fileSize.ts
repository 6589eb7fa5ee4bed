import * as path from 'node:path';
import { analyzeReport, type AnalyzeOptions, type Lang, type ReportAnalysis } from '../engine';
import { message } from './messages';
import type { Reporter } from './reporter';
import { uriToPath } from './workspaceFolders';

// workreport.maxFileSize: a report larger than the limit (in UTF-8 bytes, as on disk) keeps its
// outline and targets but is not linted; one more than twice the limit is not analysed at all, so
// that a pasted data dump or a whole yearbook does not freeze the editor on every keystroke. The
// user is told once per file which of the two applies. 0 turns the limit off.

export const DEFAULT_MAX_FILE_SIZE = 2_000_000;
/** Beyond this multiple of the limit nothing is analysed. */
export const HARD_LIMIT_FACTOR = 2;

/** full: everything; outline: outline and targets, no rules; none: nothing. */
export type SizeMode = 'full' | 'outline' | 'none';

/** The setting as the editor sent it; a bad value is reported and the default used. */
export function maxFileSizeSetting(raw: unknown, onProblem: (value: unknown) => void): number {
  const value = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>).maxFileSize : undefined;
  if (value === undefined || value === null || value === '') return DEFAULT_MAX_FILE_SIZE;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  onProblem(value);
  return DEFAULT_MAX_FILE_SIZE;
}

export function sizeMode(text: string, limit: number): SizeMode {
  if (limit <= 0) return 'full';
  // A UTF-16 code unit takes 1 to 3 bytes in UTF-8: most texts are decided without counting.
  const bytes = text.length * 3 <= limit ? text.length : text.length > limit * HARD_LIMIT_FACTOR ? text.length : Buffer.byteLength(text, 'utf8');
  return bytes <= limit ? 'full' : bytes <= limit * HARD_LIMIT_FACTOR ? 'outline' : 'none';
}

/** The analysis the size allows: of the text itself, or of nothing. */
export function analyseWithinLimit(text: string, limit: number, options: AnalyzeOptions): { analysis: ReportAnalysis; size: SizeMode } {
  const size = sizeMode(text, limit);
  return { analysis: analyzeReport(size === 'none' ? '' : text, options), size };
}

/** Tells the user (once per file and mode) that a file is too large for some or all of the work. */
export function reportSize(reporter: Reporter, lang: Lang, uri: string, size: SizeMode, limit: number): void {
  if (size === 'full') return;
  const file = path.basename(uriToPath(uri) ?? uri);
  const params = { file, limit: megabytes(limit), hard: megabytes(limit * HARD_LIMIT_FACTOR) };
  reporter.warnOnce(message(lang, size === 'outline' ? 'largeFileOutlineOnly' : 'largeFileSkipped', params));
}

function megabytes(bytes: number): string {
  return `${Number((bytes / 1e6).toFixed(3))} MB`;
}
