import { DEADLINE_SCOPES, localize, type DeadlineSource, type Localized, type Rule, type RuleOption, type RuleSetting, type SeveritySetting } from '../engine';
import { both, CONFIG_MESSAGES, TYPE_NAMES, type ConfigMessage } from './configMessages';

// Checks one parsed .workreportrc.json against the rule registry. Every bad key is reported with its
// path and dropped; the rest of the file still applies, so one typo never disables a whole config.

export const SEVERITIES: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

/** A year ("2026") or a five-year-plan period ("十五五", "“十五五”"): what --period accepts too. */
export const PERIOD_PATTERN = /^(?:\d{4}|“?十[一二三四五六七八九]五”?)$/;

/** The settings a file may hold, in the order they are documented. */
export const CONFIG_KEYS = ['$schema', 'extends', 'rules', 'period', 'deadlineScope', 'model', 'ignorePatterns'] as const;

/** One file's own settings, validated; paths still as written in the file. */
export interface ConfigLayer {
  extends: string[];
  /** `extends` was written as a list, so its key paths read extends[1]; a single string reads extends. */
  extendsIsList: boolean;
  rules: Record<string, RuleSetting>;
  period?: string;
  deadlineScope?: DeadlineSource;
  model?: string;
  ignorePatterns?: string[];
}

export interface LayerProblem {
  key: string;
  text: Localized;
}

export function validateConfig(data: unknown, registry: readonly Rule[]): { layer: ConfigLayer; problems: LayerProblem[] } {
  const problems: LayerProblem[] = [];
  const problem = (key: string, id: ConfigMessage, params: Record<string, string | number> = {}) => problems.push({ key, text: both(CONFIG_MESSAGES[id], params) });
  const wrongType = (key: string, value: unknown, type: keyof typeof TYPE_NAMES) =>
    problems.push({
      key,
      text: {
        zh: localize(CONFIG_MESSAGES.wrongType, 'zh', { value: show(value), type: TYPE_NAMES[type].zh }),
        en: localize(CONFIG_MESSAGES.wrongType, 'en', { value: show(value), type: TYPE_NAMES[type].en }),
      },
    });

  const layer: ConfigLayer = { extends: [], extendsIsList: false, rules: {} };
  if (!isObject(data)) {
    problem('', 'notObject');
    return { layer, problems };
  }
  for (const [key, value] of Object.entries(data)) {
    switch (key) {
      case '$schema':
        break;
      case 'extends':
        if (typeof value === 'string') layer.extends = [value];
        else if (isStringList(value)) (layer.extends = value), (layer.extendsIsList = true);
        else wrongType(key, value, 'stringOrList');
        break;
      case 'rules':
        if (!isObject(value)) problem(key, 'notObject');
        else for (const [id, setting] of Object.entries(value)) {
          const rule = registry.find((r) => r.meta.id === id);
          if (!rule) problem(`rules.${id}`, 'unknownRule', { rule: id });
          else {
            const checked = checkRuleSetting(rule, setting, `rules.${id}`, problem, wrongType);
            if (checked !== undefined) layer.rules[id] = checked;
          }
        }
        break;
      case 'period':
        if (typeof value === 'number' && Number.isInteger(value) && PERIOD_PATTERN.test(String(value))) layer.period = String(value);
        else if (typeof value === 'string' && PERIOD_PATTERN.test(value)) layer.period = value;
        else problem(key, 'badPeriod', { value: show(value) });
        break;
      case 'deadlineScope':
        if (DEADLINE_SCOPES.includes(value as DeadlineSource)) layer.deadlineScope = value as DeadlineSource;
        else problem(key, 'notOneOf', { value: show(value), choices: DEADLINE_SCOPES.join(', ') });
        break;
      case 'model':
        if (typeof value === 'string' && value !== '') layer.model = value;
        else wrongType(key, value, 'string');
        break;
      case 'ignorePatterns':
        if (isStringList(value)) layer.ignorePatterns = value;
        else wrongType(key, value, 'string[]');
        break;
      default:
        problem(key, 'unknownKey', { keys: CONFIG_KEYS.filter((k) => k !== '$schema').join(', ') });
    }
  }
  return { layer, problems };
}

type Problem = (key: string, id: ConfigMessage, params?: Record<string, string | number>) => void;
type WrongType = (key: string, value: unknown, type: keyof typeof TYPE_NAMES) => void;

/** A severity, or [severity] / [severity, options]; bad options are dropped one by one. */
function checkRuleSetting(rule: Rule, setting: unknown, key: string, problem: Problem, wrongType: WrongType): RuleSetting | undefined {
  const severity = (value: unknown, at: string): SeveritySetting | undefined => {
    if (SEVERITIES.includes(value as SeveritySetting)) return value as SeveritySetting;
    problem(at, 'notOneOf', { value: show(value), choices: SEVERITIES.join(', ') });
    return undefined;
  };
  if (typeof setting === 'string') return severity(setting, key);
  if (!Array.isArray(setting) || setting.length < 1 || setting.length > 2) {
    problem(key, 'badRuleSetting', { value: show(setting) });
    return undefined;
  }
  const level = severity(setting[0], `${key}[0]`);
  if (level === undefined) return undefined;
  if (setting.length === 1) return level;
  const given = setting[1];
  if (!isObject(given)) {
    problem(`${key}[1]`, 'notObject');
    return level;
  }
  const declared = rule.meta.options ?? {};
  const options: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(given)) {
    const at = `${key}[1].${name}`;
    const spec = declared[name];
    if (!spec) {
      const names = Object.keys(declared);
      if (names.length === 0) problem(at, 'noOptions');
      else problem(at, 'unknownOption', { option: name, options: names.join(', ') });
      continue;
    }
    if (checkOption(spec, value, at, problem, wrongType)) options[name] = value;
  }
  return [level, options];
}

function checkOption(spec: RuleOption, value: unknown, key: string, problem: Problem, wrongType: WrongType): boolean {
  const inEnum = (v: string) => !spec.enum || spec.enum.includes(v);
  switch (spec.type) {
    case 'string':
      if (typeof value !== 'string') return wrongType(key, value, 'string'), false;
      if (!inEnum(value)) return problem(key, 'notOneOf', { value: show(value), choices: spec.enum!.join(', ') }), false;
      return true;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType(key, value, 'number'), false;
      return true;
    case 'boolean':
      if (typeof value !== 'boolean') return wrongType(key, value, 'boolean'), false;
      return true;
    case 'string[]': {
      if (!isStringList(value)) return wrongType(key, value, 'string[]'), false;
      const bad = value.findIndex((v) => !inEnum(v));
      if (bad >= 0) return problem(`${key}[${bad}]`, 'notOneOf', { value: show(value[bad]), choices: spec.enum!.join(', ') }), false;
      return true;
    }
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** A value as JSON, shortened so that a long string cannot flood the message. */
export function show(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
