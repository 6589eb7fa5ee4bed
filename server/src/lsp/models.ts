import { statSync } from 'node:fs';
import * as path from 'node:path';
import { ModelError, parseModel, type Localized, type Model } from '../engine';
import { defaultModelPath, loadModel } from '../node/model';
import { readRegularFileSync } from '../node/regularFile';

// The trained models in use, loaded once and reloaded when their file changes (a watched-file event,
// or a newer modification time seen on the next settings resolution, for editors that do not watch
// files). A model that cannot be used, or that an untrusted workspace names outside its folders,
// falls back to the built-in model with the reason for the user.

/** `problem` in both languages (an fs error code reads the same in each). */
export type ModelProblem = { kind: 'unusable'; file: string; problem: Localized } | { kind: 'untrusted'; file: string };

export interface LoadedModel {
  model: Model;
  /** The file the model came from; the built-in model's when none was named or usable. */
  file: string;
  problem?: ModelProblem;
}

export interface ModelPolicy {
  trusted: boolean;
  /** Paths an untrusted workspace may name. */
  insideWorkspace(file: string): boolean;
}

export class ModelStore {
  private loaded = new Map<string, { model: Model; mtimeMs: number }>();
  /** Every model file a setting named, usable or not: a broken one may be fixed on disk. */
  private named = new Set<string>();
  /** Called when a setting names a model file for the first time (to watch it). */
  onNewFile: (file: string) => void = () => {};

  /** The model at `file` (absolute), or the built-in one. */
  load(file: string | undefined, policy: ModelPolicy): LoadedModel {
    const builtIn = (): LoadedModel => ({ model: loadModel(undefined), file: defaultModelPath() });
    if (!file) return builtIn();
    if (!policy.trusted && !policy.insideWorkspace(file)) return { ...builtIn(), problem: { kind: 'untrusted', file } };
    if (!this.named.has(file)) {
      this.named.add(file);
      this.onNewFile(file);
    }
    try {
      const mtimeMs = statSync(file).mtimeMs;
      const hit = this.loaded.get(file);
      if (hit && hit.mtimeMs === mtimeMs) return { model: hit.model, file };
      const model = parseModel(readRegularFileSync(file).toString('utf8'), file);
      this.loaded.set(file, { model, mtimeMs });
      return { model, file };
    } catch (e) {
      this.loaded.delete(file);
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      const problem = e instanceof ModelError ? { zh: e.problemIn('zh'), en: e.problemIn('en') } : { zh: code, en: code };
      return { ...builtIn(), problem: { kind: 'unusable', file, problem } };
    }
  }

  /** Forgets a model file that changed on disk. */
  forget(file: string): void {
    this.loaded.delete(path.resolve(file));
  }

  /** Model files named by settings (to watch them). */
  get files(): string[] {
    return [...this.named];
  }
}
