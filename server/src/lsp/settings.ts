import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { RULES, type DeadlineSource, type Lang, type Model, type RuleSetting } from '../engine';
import { formatConfigProblem, mergeConfig, resolveConfig, type ConfigProblem, type ResolvedConfig } from '../node/config';
import { validateConfig, type ConfigLayer, type LayerProblem } from '../node/configValidate';
import { SETTINGS_SECTION, type WorkreportSettings } from '../protocol';
import type { ClientSupport } from './clientSupport';
import { maxFileSizeSetting } from './fileSize';
import { message } from './messages';
import type { ModelProblem, ModelStore } from './models';
import type { Reporter } from './reporter';
import { uriToPath, type WorkspaceFolders } from './workspaceFolders';

// The settings that apply to one document: the defaults, then the .workreportrc.json found by
// walking up from the file, then the editor's workreport.* settings for that resource (pulled with
// workspace/configuration, or the last ones pushed by clients that cannot be asked). Resolved once
// per document and generation; a configuration or model change starts a new generation.

export interface DocumentSettings {
  generation: number;
  period: string | null;
  deadlineScope: DeadlineSource;
  rules: Record<string, RuleSetting>;
  model: Model;
  modelFile: string;
  /** workreport.maxFileSize: bytes beyond which the document is only outlined, or not analysed. */
  maxFileSize: number;
  /** The .workreportrc.json files that contributed. */
  configFiles: string[];
}

export interface SettingsDeps {
  connection: Connection;
  reporter: Reporter;
  folders: WorkspaceFolders;
  models: ModelStore;
  lang(): Lang;
  client(): ClientSupport;
  trusted(): boolean;
}

/** How long to wait for the editor's answer to workspace/configuration. */
const CONFIGURATION_TIMEOUT_MS = 5000;

export class SettingsStore {
  private current = 0;
  private cache = new Map<string, Promise<DocumentSettings>>();
  private pushed: unknown;

  constructor(private readonly deps: SettingsDeps) {}

  get generation(): number {
    return this.current;
  }

  /** Settings a client sent itself (initializationOptions or didChangeConfiguration). */
  setPushed(settings: unknown): void {
    this.pushed = settings;
  }

  /** The configuration changed: every document's settings are resolved again. */
  invalidate(): void {
    this.current++;
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  forDocument(uri: string): Promise<DocumentSettings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.resolve(uri, this.current);
      this.cache.set(uri, settings);
      // A failure is not cached: the next request tries again.
      settings.catch(() => this.cache.get(uri) === settings && this.cache.delete(uri));
    }
    return settings;
  }

  private async resolve(uri: string, generation: number): Promise<DocumentSettings> {
    const { folders, models } = this.deps;
    const lang = this.deps.lang();
    const file = uriToPath(uri);
    const raw = await this.editorSettings(uri);
    const editor = editorLayer(raw);
    for (const p of editor.problems) this.deps.reporter.warnOnce(message(lang, 'badSetting', { key: `${SETTINGS_SECTION}.${p.key}`, problem: p.text[lang] }));
    const maxFileSize = maxFileSizeSetting(raw, (value) =>
      this.deps.reporter.warnOnce(message(lang, 'badSetting', { key: `${SETTINGS_SECTION}.maxFileSize`, problem: message(lang, 'notByteCount', { value: JSON.stringify(value) }) })),
    );

    // The configuration file's values come validated by its loader, which names its problems.
    const config = file ? await resolveConfig(file, { lang }) : null;
    for (const p of config?.problems ?? []) this.reportConfigProblem(p);
    const fromFile: Partial<ResolvedConfig> = config?.config ?? {};

    const base = file ? (folders.folderOf(file) ?? path.dirname(file)) : (folders.paths[0] ?? process.cwd());
    const modelPath = editor.layer.model ? path.resolve(base, editor.layer.model) : fromFile.model;
    const loaded = models.load(modelPath, { trusted: this.deps.trusted(), insideWorkspace: (f) => folders.contains(f) });
    if (loaded.problem) this.reportModelProblem(loaded.problem);

    return {
      generation,
      period: editor.layer.period ?? fromFile.period ?? null,
      deadlineScope: editor.layer.deadlineScope ?? fromFile.deadlineScope ?? 'document',
      // Rule by rule, as `extends` merges: a bare severity keeps the options the file gave.
      rules: mergeConfig({ rules: fromFile.rules ?? {}, ignorePatterns: [] }, { rules: editor.layer.rules, ignorePatterns: [] }).rules,
      model: loaded.model,
      modelFile: loaded.file,
      maxFileSize,
      configFiles: config?.sources ?? [],
    };
  }

  /** The editor's workreport.* settings for this resource. */
  private async editorSettings(uri: string): Promise<unknown> {
    if (!this.deps.client().configuration) return this.pushed;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), CONFIGURATION_TIMEOUT_MS);
      timer.unref();
    });
    try {
      const answer = await Promise.race([this.deps.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }), timeout]);
      if (answer === 'timeout') {
        this.deps.reporter.warn(message(this.deps.lang(), 'configurationTimeout', { seconds: CONFIGURATION_TIMEOUT_MS / 1000 }));
        return this.pushed;
      }
      return answer;
    } catch (e) {
      // The editor answered with an error: lint with what we have rather than not at all.
      this.deps.reporter.warn(message(this.deps.lang(), 'configurationFailed', { error: (e as Error)?.message ?? String(e) }));
      return this.pushed;
    } finally {
      clearTimeout(timer);
    }
  }

  private reportConfigProblem(p: ConfigProblem): void {
    const lang = this.deps.lang();
    this.deps.reporter.warnOnce(message(lang, 'configProblem', { problem: formatConfigProblem(p, lang) }));
  }

  private reportModelProblem(p: ModelProblem): void {
    const lang = this.deps.lang();
    this.deps.reporter.warnOnce(
      p.kind === 'untrusted' ? message(lang, 'modelUntrusted', { file: p.file }) : message(lang, 'modelUnusable', { file: p.file, problem: p.problem[lang] }),
    );
  }
}

/** The keys of workreport.* that the server reads; the editor may hold others (trace, …). */
const EDITOR_KEYS: ReadonlyArray<keyof WorkreportSettings> = ['period', 'deadlineScope', 'model', 'rules'];

/**
 * The editor's workreport.* settings, checked by the same validator as .workreportrc.json: a bad key
 * is dropped with its problem, so its default applies. null and "" mean "not set here".
 */
function editorLayer(raw: unknown): { layer: ConfigLayer; problems: LayerProblem[] } {
  const given: Record<string, unknown> = {};
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const key of EDITOR_KEYS) {
      const v = (raw as Record<string, unknown>)[key];
      if (v !== undefined && v !== null && v !== '') given[key] = v;
    }
  }
  return validateConfig(given, RULES);
}
