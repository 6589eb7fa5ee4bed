import { MODEL_FORMAT, MODEL_VERSION, type Model } from './types';

/** A model file that cannot be used; `problem` says why, in English (the CLI localises around it). */
export class ModelError extends Error {
  constructor(
    readonly source: string,
    readonly problem: string,
  ) {
    super(`${source}: ${problem}`);
    this.name = 'ModelError';
  }
}

const ARRAYS: Array<keyof Model> = ['magnitudes', 'units', 'verbs', 'qualifiers', 'deadlines', 'headings', 'phrases', 'reduplications', 'latinTokens', 'identifierSuffixes'];
const MAPS: Array<keyof Model> = ['indicatorUnits', 'verbUnits'];

/** Parses and validates a model; models are data only, checked before use. */
export function parseModel(json: string, source: string): Model {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new ModelError(source, `not valid JSON (${(e as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ModelError(source, 'not a workreport model (expected a JSON object)');
  const m = data as Record<string, unknown>;
  if (m.format !== MODEL_FORMAT) throw new ModelError(source, `not a workreport model (format is ${JSON.stringify(m.format)})`);
  if (m.version !== MODEL_VERSION) throw new ModelError(source, `model version ${JSON.stringify(m.version)} is not supported (this workreport reads version ${MODEL_VERSION}); retrain it with "workreport train"`);
  for (const key of ARRAYS) if (!Array.isArray(m[key])) throw new ModelError(source, `"${key}" must be an array`);
  for (const key of MAPS) if (typeof m[key] !== 'object' || m[key] === null || Array.isArray(m[key])) throw new ModelError(source, `"${key}" must be an object`);
  for (const key of ['units', 'verbs', 'qualifiers', 'phrases', 'reduplications', 'latinTokens'] as const) {
    (m[key] as unknown[]).forEach((e, i) => {
      if (typeof e !== 'object' || e === null || typeof (e as { text?: unknown }).text !== 'string') throw new ModelError(source, `"${key}[${i}].text" must be a string`);
    });
  }
  return data as Model;
}
