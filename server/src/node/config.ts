import * as path from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { localize, RULES, type DeadlineSource, type Lang, type Localized, type Rule, type RuleSetting } from '../engine';
import { both, CONFIG_MESSAGES, SYNTAX_ERRORS } from './configMessages';
import { ignoreMatcher } from './ignore';
import { validateConfig, type ConfigLayer, type LayerProblem } from './configValidate';
import { readRegularFileSync, regularFileProblem } from './regularFile';

// .workreportrc.json (JSON with comments), found by walking up from each report: the nearest file
// applies, whole. Files further up are not merged in; a team shares settings with `extends` (paths
// relative to the file, merged in order, the extending file last so it wins). Used by the CLI for
// every file it lints and by the language server for every document it opens. The few small files
// involved are read synchronously: awaiting each stat on the way up cost a thread-pool round trip
// apiece, a visible share of a one-report CLI run.

export const CONFIG_FILE = '.workreportrc.json';

export interface ResolvedConfig {
  rules: Record<string, RuleSetting>;
  period?: string;
  deadlineScope?: DeadlineSource;
  /** Absolute path of a model file, resolved against the config file that named it. */
  model?: string;
  /** The config file that named `model`, to blame when the model cannot be used. */
  modelFrom?: string;
  /** Globs relative to `ignoreBase`, applied when folders and globs are expanded (see isIgnored). */
  ignorePatterns: string[];
  /** The folder of the config file found for the report (or given by --config); inherited patterns too. */
  ignoreBase?: string;
}

export interface ConfigProblem {
  file: string;
  /** The key path at fault ("rules.target-missing-unit"), or "" for the whole file. */
  key: string;
  /** What is wrong, in the language asked for (English by default). */
  message: string;
  /** The same in both languages. */
  localized: Localized;
}

export interface ConfigResult {
  config: ResolvedConfig;
  /** The files that contributed, nearest last. */
  sources: string[];
  problems: ConfigProblem[];
}

export interface ResolveOptions {
  /** Use this config file instead of searching (CLI --config). */
  explicit?: string;
  /** Do not search above this folder (a workspace root). */
  stopAt?: string;
  /** Language of ConfigProblem.message. */
  lang?: Lang;
  /** The rules that ids and options are checked against (default: the RULES registry). */
  registry?: readonly Rule[];
}

/** The configuration that applies to `filePath` (or the one named by `explicit`). */
export async function resolveConfig(filePath: string, opts: ResolveOptions = {}): Promise<ConfigResult> {
  return new ConfigResolver(opts).resolve(filePath, opts.explicit);
}

/**
 * Resolves configurations for many files, reading each folder and each config file once. Create one
 * per run: nothing is re-read, so a long-lived caller makes a new one when files change.
 */
export class ConfigResolver {
  private readonly found = new Map<string, Promise<string | undefined>>();
  private readonly layers = new Map<string, Promise<LoadedLayer>>();
  private readonly results = new Map<string, Promise<ConfigResult>>();

  constructor(private readonly options: Omit<ResolveOptions, 'explicit'> = {}) {}

  /** The configuration for a report; `explicit` (absolute or relative to cwd) replaces the search. */
  resolve(filePath: string, explicit?: string): Promise<ConfigResult> {
    const file = explicit !== undefined ? Promise.resolve(path.resolve(explicit)) : this.configFileFor(path.dirname(path.resolve(filePath)));
    return file.then((f) => (f === undefined ? emptyResult() : this.resultFor(f)));
  }

  /** The nearest .workreportrc.json at or above `dir`, not above `stopAt`. */
  configFileFor(dir: string): Promise<string | undefined> {
    let found = this.found.get(dir);
    if (!found) {
      found = (async () => {
        const candidate = path.join(dir, CONFIG_FILE);
        if (regularFileProblem(candidate) === null) return candidate;
        const parent = path.dirname(dir);
        if ((this.options.stopAt !== undefined && path.resolve(this.options.stopAt) === dir) || parent === dir) return undefined;
        return this.configFileFor(parent);
      })();
      this.found.set(dir, found);
    }
    return found;
  }

  private resultFor(file: string): Promise<ConfigResult> {
    let result = this.results.get(file);
    if (!result) {
      result = (async () => {
        const problems: Array<LayerProblem & { file: string }> = [];
        const sources: string[] = [];
        const config = await this.chain(file, [], problems, sources);
        config.ignoreBase = path.dirname(file);
        // A file extended twice (a diamond) is merged twice but its mistakes are reported once.
        const unique = problems.filter((p, i) => problems.findIndex((q) => q.file === p.file && q.key === p.key && q.text.en === p.text.en) === i);
        return { config, sources, problems: unique.map((p) => this.problem(p.file, p.key, p.text)) };
      })();
      this.results.set(file, result);
    }
    return result;
  }

  /** `file` merged over what it extends, depth first; `stack` holds the files being resolved (cycles). */
  private async chain(file: string, stack: string[], problems: Array<LayerProblem & { file: string }>, sources: string[]): Promise<ResolvedConfig> {
    const loaded = await this.layer(file);
    for (const p of loaded.problems) problems.push({ file, ...p });
    let config = emptyConfig();
    const { layer } = loaded;
    if (!layer) return config;
    const here = [...stack, file];
    for (let i = 0; i < layer.extends.length; i++) {
      const key = layer.extendsIsList ? `extends[${i}]` : 'extends';
      const target = path.resolve(path.dirname(file), layer.extends[i]);
      if (here.includes(target)) {
        const chain = [...here.slice(here.indexOf(target)), target].map((f) => path.relative(path.dirname(file), f) || path.basename(f));
        problems.push({ file, key, text: both(CONFIG_MESSAGES.extendsCycle, { chain: chain.join(' → ') }) });
        continue;
      }
      const readable = regularFileProblem(target);
      if (readable !== null) {
        problems.push({ file, key, text: both(CONFIG_MESSAGES.missingFile, { file: layer.extends[i], reason: readable }) });
        continue;
      }
      config = mergeConfig(config, await this.chain(target, here, problems, sources));
    }
    if (!sources.includes(file)) sources.push(file);
    return mergeConfig(config, layerToConfig(layer, file));
  }

  /** One file read, parsed and validated (cached: a shared base is read once per run). */
  private layer(file: string): Promise<LoadedLayer> {
    let loaded = this.layers.get(file);
    if (!loaded) {
      loaded = loadLayer(file, this.options.registry ?? RULES);
      this.layers.set(file, loaded);
    }
    return loaded;
  }

  private problem(file: string, key: string, text: Localized): ConfigProblem {
    return { file, key, message: text[this.options.lang ?? 'en'], localized: text };
  }
}

interface LoadedLayer {
  layer?: ConfigLayer;
  problems: LayerProblem[];
}

async function loadLayer(file: string, registry: readonly Rule[]): Promise<LoadedLayer> {
  let text: string;
  try {
    text = readRegularFileSync(file).toString('utf8');
  } catch (e) {
    return { problems: [{ key: '', text: both(CONFIG_MESSAGES.cannotRead, { reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }) }] };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const errors: ParseError[] = [];
  const data: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    // A file that does not parse is ignored whole: a half-read file could mean anything.
    const [first] = errors;
    const before = text.slice(0, first.offset).split(/\r\n|\r|\n/);
    const code = printParseErrorCode(first.error);
    const problem = SYNTAX_ERRORS[code] ?? { zh: code, en: code };
    const where = { line: before.length, column: before[before.length - 1].length + 1 };
    const message = { zh: localize(CONFIG_MESSAGES.syntax, 'zh', { ...where, problem: problem.zh }), en: localize(CONFIG_MESSAGES.syntax, 'en', { ...where, problem: problem.en }) };
    return { problems: [{ key: '', text: message }] };
  }
  return validateConfig(data, registry);
}

function layerToConfig(layer: ConfigLayer, file: string): ResolvedConfig {
  const config: ResolvedConfig = { rules: layer.rules, ignorePatterns: layer.ignorePatterns ?? [] };
  if (layer.period !== undefined) config.period = layer.period;
  if (layer.deadlineScope !== undefined) config.deadlineScope = layer.deadlineScope;
  if (layer.model !== undefined) (config.model = path.resolve(path.dirname(file), layer.model)), (config.modelFrom = file);
  return config;
}

/**
 * `over` wins key by key. A rule given as a bare severity keeps the options it inherits; options
 * given as [severity, {…}] are merged over the inherited ones. Ignore patterns add up.
 */
export function mergeConfig(base: ResolvedConfig, over: ResolvedConfig): ResolvedConfig {
  const rules: Record<string, RuleSetting> = { ...base.rules };
  for (const [id, setting] of Object.entries(over.rules)) rules[id] = mergeRuleSetting(rules[id], setting);
  return {
    ...base,
    ...Object.fromEntries(Object.entries(over).filter(([, v]) => v !== undefined)),
    rules,
    ignorePatterns: [...base.ignorePatterns, ...over.ignorePatterns],
  };
}

/** A severity override keeps inherited options (so `--rule id=error` does not reset them). */
export function mergeRuleSetting(base: RuleSetting | undefined, over: RuleSetting): RuleSetting {
  const inherited = Array.isArray(base) ? base[1] : undefined;
  if (!Array.isArray(over)) return inherited ? [over, inherited] : over;
  return inherited ? [over[0], { ...inherited, ...over[1] }] : over;
}

const ignoreMatchers = new WeakMap<ResolvedConfig, (relative: string) => boolean>();

/** Whether the config's ignorePatterns (relative to config.ignoreBase) exclude `file` from folder and glob expansion. */
export function isIgnored(config: ResolvedConfig, file: string): boolean {
  if (!config.ignorePatterns.length || !config.ignoreBase) return false;
  let matcher = ignoreMatchers.get(config);
  if (!matcher) ignoreMatchers.set(config, (matcher = ignoreMatcher(config.ignorePatterns)));
  return matcher(path.relative(config.ignoreBase, path.resolve(file)).split(path.sep).join('/'));
}

/** `FILE: KEY: MESSAGE`; `shownFile` is the file as the caller shows it (e.g. relative to its cwd). */
export function formatConfigProblem(problem: ConfigProblem, lang: Lang, shownFile = problem.file): string {
  return [shownFile, problem.key, problem.localized[lang]].filter(Boolean).join(lang === 'zh' ? '：' : ': ');
}

function emptyConfig(): ResolvedConfig {
  return { rules: {}, ignorePatterns: [] };
}

function emptyResult(): ConfigResult {
  return { config: emptyConfig(), sources: [], problems: [] };
}
