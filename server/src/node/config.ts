import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { DeadlineSource, RuleSetting } from '../engine';

// .workreportrc.json, found by walking up from each report. This first version reads plain JSON
// with no `extends`; the full loader (comments, extends, validation with key paths) replaces it
// behind the same signature.

export const CONFIG_FILE = '.workreportrc.json';

export interface ResolvedConfig {
  rules: Record<string, RuleSetting>;
  period?: string;
  deadlineScope?: DeadlineSource;
  /** Absolute path of a model file, resolved against the config file that named it. */
  model?: string;
  ignorePatterns: string[];
}

export interface ConfigProblem {
  file: string;
  /** The key path at fault ("rules.target-missing-unit"), or "" for the whole file. */
  key: string;
  message: string;
}

export interface ConfigResult {
  config: ResolvedConfig;
  /** The files that contributed, nearest last. */
  sources: string[];
  problems: ConfigProblem[];
}

/** The configuration that applies to `filePath` (or the one named by `explicit`). */
export async function resolveConfig(filePath: string, opts: { explicit?: string; stopAt?: string } = {}): Promise<ConfigResult> {
  const file = opts.explicit ?? (await findUp(path.dirname(path.resolve(filePath)), opts.stopAt));
  const empty: ResolvedConfig = { rules: {}, ignorePatterns: [] };
  if (!file) return { config: empty, sources: [], problems: [] };
  try {
    const data = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<ResolvedConfig>;
    const model = data.model ? path.resolve(path.dirname(file), data.model) : undefined;
    return { config: { ...empty, ...data, ...(model ? { model } : {}) }, sources: [file], problems: [] };
  } catch (e) {
    return { config: empty, sources: [file], problems: [{ file, key: '', message: (e as Error).message }] };
  }
}

async function findUp(dir: string, stopAt?: string): Promise<string | undefined> {
  for (let d = dir; ; d = path.dirname(d)) {
    const candidate = path.join(d, CONFIG_FILE);
    if (await fs.stat(candidate).then((s) => s.isFile(), () => false)) return candidate;
    if (d === stopAt || path.dirname(d) === d) return undefined;
  }
}
