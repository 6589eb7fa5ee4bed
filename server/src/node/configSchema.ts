import { DEADLINE_SCOPES, RULES, ruleDocUrl, type Localized, type Rule, type RuleOption } from '../engine';
import { CONFIG_KEYS, PERIOD_PATTERN, SEVERITIES } from './configValidate';

// The JSON Schema of .workreportrc.json, generated from the rule registry so that editors validate
// and complete the same rule ids and options that the loader accepts. Written to
// server/schemas/workreportrc.schema.json by `npm run schema`; a test fails when the two differ.

/** Both languages in one description: JSON Schema has no localisation of its own. */
const bilingual = (text: Localized) => `${text.en} — ${text.zh}`;

export function configSchema(registry: readonly Rule[] = RULES): Record<string, unknown> {
  const properties: Record<(typeof CONFIG_KEYS)[number], unknown> = {
    $schema: { type: 'string' },
    extends: {
      description: bilingual({
        en: 'Config files to start from, relative to this file; merged in order, this file last',
        zh: '继承的配置文件（相对于本文件），依次合并，本文件最后',
      }),
      anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    },
    rules: {
      description: bilingual({ en: 'Severity, or [severity, options], per rule id', zh: '各规则的级别，或 [级别, 选项]' }),
      type: 'object',
      properties: Object.fromEntries(registry.map((rule) => [rule.meta.id, ruleSchema(rule)])),
      additionalProperties: false,
    },
    period: {
      description: bilingual({ en: "The document's period: a year (2026) or a plan period (十五五)", zh: '文件期限：年份（2026）或五年规划期（十五五）' }),
      anyOf: [{ type: 'string', pattern: PERIOD_PATTERN.source }, { type: 'integer', minimum: 1000, maximum: 9999 }],
    },
    deadlineScope: {
      description: bilingual({ en: 'How far from a target its deadline may be written', zh: '目标的期限可以写在多远的范围内' }),
      enum: [...DEADLINE_SCOPES],
    },
    model: {
      description: bilingual({ en: 'A model file from `workreport train`, relative to this file', zh: '`workreport train` 训练的模型文件（相对于本文件）' }),
      type: 'string',
      minLength: 1,
    },
    ignorePatterns: {
      description: bilingual({
        en: 'Globs, relative to the config file found for a report, that folder and glob expansion skips',
        zh: '展开文件夹和通配符时跳过的文件（通配符，相对于报告所用的配置文件）',
      }),
      type: 'array',
      items: { type: 'string' },
    },
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: '.workreportrc.json',
    description: bilingual({ en: 'workreport configuration', zh: 'workreport 配置' }),
    type: 'object',
    properties,
    additionalProperties: false,
    definitions: { severity: { enum: [...SEVERITIES] } },
  };
}

function ruleSchema(rule: Rule): Record<string, unknown> {
  const { meta } = rule;
  const description = `${bilingual(meta.description)} (${meta.defaultSeverity})`;
  const options = {
    type: 'object',
    properties: Object.fromEntries(Object.entries(meta.options ?? {}).map(([name, option]) => [name, optionSchema(option)])),
    additionalProperties: false,
  };
  return {
    description,
    markdownDescription: `${description}\n\n[${meta.id}](${ruleDocUrl(meta.id)})`,
    anyOf: [
      { $ref: '#/definitions/severity' },
      { type: 'array', items: [{ $ref: '#/definitions/severity' }, options], minItems: 1, maxItems: 2, additionalItems: false },
    ],
  };
}

function optionSchema(option: RuleOption): Record<string, unknown> {
  const description = bilingual(option.description);
  const enumOf = option.enum ? { enum: [...option.enum] } : {};
  switch (option.type) {
    case 'string': return { description, type: 'string', ...enumOf, default: option.default };
    case 'number': return { description, type: 'number', default: option.default };
    case 'boolean': return { description, type: 'boolean', default: option.default };
    case 'string[]': return { description, type: 'array', items: { type: 'string', ...enumOf }, default: option.default };
  }
}
