import { localize } from '../i18n';
import type { Lang, Localized } from '../types';
import { MODEL_FORMAT, MODEL_VERSION, type Model } from './types';

/** A model file that cannot be used; `problem` says why in English, `problemIn(lang)` in either language. */
export class ModelError extends Error {
  readonly problem: string;
  constructor(
    readonly source: string,
    private readonly localized: Localized,
  ) {
    super(`${source}: ${localized.en}`);
    this.problem = localized.en;
    this.name = 'ModelError';
  }

  problemIn(lang: Lang): string {
    return this.localized[lang];
  }
}

const PROBLEMS = {
  notJson: { zh: '不是有效的 JSON（{error}）', en: 'not valid JSON ({error})' },
  notObject: { zh: '不是 workreport 模型（应为 JSON 对象）', en: 'not a workreport model (expected a JSON object)' },
  format: { zh: '不是 workreport 模型（format 为 {format}）', en: 'not a workreport model (format is {format})' },
  version: {
    zh: '不支持模型版本 {version}（本版 workreport 读取版本 {supported}），请用 “workreport train” 重新训练',
    en: 'model version {version} is not supported (this workreport reads version {supported}); retrain it with "workreport train"',
  },
  array: { zh: '“{key}” 应为数组', en: '"{key}" must be an array' },
  object: { zh: '“{key}” 应为对象', en: '"{key}" must be an object' },
  string: { zh: '“{key}” 应为字符串', en: '"{key}" must be a string' },
} satisfies Record<string, Localized>;

function refuse(source: string, id: keyof typeof PROBLEMS, params: Record<string, string | number> = {}): ModelError {
  const text = PROBLEMS[id];
  return new ModelError(source, { zh: localize(text, 'zh', params), en: localize(text, 'en', params) });
}

const ARRAYS: Array<keyof Model> = ['magnitudes', 'units', 'verbs', 'qualifiers', 'deadlines', 'headings', 'phrases', 'reduplications', 'latinTokens', 'identifierSuffixes'];
const MAPS: Array<keyof Model> = ['indicatorUnits', 'verbUnits'];

/** Parses and validates a model; models are data only, checked before use. */
export function parseModel(json: string, source: string): Model {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw refuse(source, 'notJson', { error: (e as Error).message });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw refuse(source, 'notObject');
  const m = data as Record<string, unknown>;
  if (m.format !== MODEL_FORMAT) throw refuse(source, 'format', { format: JSON.stringify(m.format) });
  if (m.version !== MODEL_VERSION) throw refuse(source, 'version', { version: JSON.stringify(m.version), supported: MODEL_VERSION });
  for (const key of ARRAYS) if (!Array.isArray(m[key])) throw refuse(source, 'array', { key });
  for (const key of MAPS) if (typeof m[key] !== 'object' || m[key] === null || Array.isArray(m[key])) throw refuse(source, 'object', { key });
  for (const key of ['units', 'verbs', 'qualifiers', 'phrases', 'reduplications', 'latinTokens'] as const) {
    (m[key] as unknown[]).forEach((e, i) => {
      if (typeof e !== 'object' || e === null || typeof (e as { text?: unknown }).text !== 'string') throw refuse(source, 'string', { key: `${key}[${i}].text` });
    });
  }
  return data as Model;
}
