import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { parseModel, type Model } from '../engine';
import { readRegularFileSync } from './regularFile';

/**
 * The built-in model: dist/default-model.json beside the bundle (written by the build from seeds/),
 * or the committed server/model/default-model.json when running from source.
 */
export function defaultModelPath(): string {
  const candidates = [path.join(__dirname, 'default-model.json'), path.join(__dirname, '..', '..', 'model', 'default-model.json')];
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
}

const cache = new Map<string, Model>();

/** Loads a model once per process; throws ModelError or an fs error naming the file. */
export function loadModel(file: string | undefined): Model {
  const p = path.resolve(file ?? defaultModelPath());
  let model = cache.get(p);
  if (!model) {
    model = parseModel(readRegularFileSync(p).toString('utf8'), p);
    cache.set(p, model);
  }
  return model;
}
