import { localize, type Localized } from '../engine';

// What can be wrong with a .workreportrc.json, in both interface languages. A problem is printed as
// `FILE: KEY: MESSAGE` (see formatConfigProblem in config.ts).

export const CONFIG_MESSAGES = {
  cannotRead: { zh: '无法读取（{reason}）', en: 'cannot read ({reason})' },
  syntax: { zh: '第 {line} 行第 {column} 列：{problem}', en: 'line {line}, column {column}: {problem}' },
  notObject: { zh: '应为对象 {…}', en: 'expected an object {…}' },
  unknownKey: { zh: '未知的设置项；可用的有 {keys}', en: 'unknown setting; expected one of {keys}' },
  unknownRule: { zh: '没有名为 {rule} 的规则', en: 'there is no rule named {rule}' },
  notOneOf: { zh: '{value} 不是 {choices} 之一', en: '{value} is not one of {choices}' },
  badRuleSetting: {
    zh: '{value} 应为级别（off、info、warning、error）或 [级别, 选项]',
    en: '{value} should be a severity (off, info, warning, error) or [severity, options]',
  },
  noOptions: { zh: '该规则没有选项', en: 'this rule takes no options' },
  unknownOption: { zh: '该规则没有选项 {option}；可用的有 {options}', en: 'the rule has no option {option}; it has {options}' },
  wrongType: { zh: '{value} 不是{type}', en: '{value} is not {type}' },
  badPeriod: {
    zh: '{value} 不是年份（如 2026）或五年规划期（如 十五五）',
    en: '{value} is not a year (such as 2026) or a plan period (such as 十五五)',
  },
  missingFile: { zh: '无法读取 {file}（{reason}）', en: 'cannot read {file} ({reason})' },
  extendsCycle: { zh: 'extends 形成了循环：{chain}', en: 'extends makes a cycle: {chain}' },
} satisfies Record<string, Localized>;

export type ConfigMessage = keyof typeof CONFIG_MESSAGES;

/** Value types named in messages ("… is not a number"). */
export const TYPE_NAMES: Record<'string' | 'number' | 'boolean' | 'string[]' | 'stringOrList', Localized> = {
  string: { zh: '字符串', en: 'a string' },
  number: { zh: '数字', en: 'a number' },
  boolean: { zh: '布尔值（true 或 false）', en: 'true or false' },
  'string[]': { zh: '字符串列表', en: 'a list of strings' },
  stringOrList: { zh: '字符串或字符串列表', en: 'a string or a list of strings' },
};

/** jsonc-parser's error codes (printParseErrorCode names) in words. */
export const SYNTAX_ERRORS: Record<string, Localized> = {
  InvalidSymbol: { zh: '无效的符号', en: 'invalid symbol' },
  InvalidNumberFormat: { zh: '无效的数字', en: 'invalid number' },
  PropertyNameExpected: { zh: '缺少属性名', en: 'property name expected' },
  ValueExpected: { zh: '缺少值', en: 'value expected' },
  ColonExpected: { zh: '缺少冒号', en: 'colon expected' },
  CommaExpected: { zh: '缺少逗号', en: 'comma expected' },
  CloseBraceExpected: { zh: '缺少 }', en: '} expected' },
  CloseBracketExpected: { zh: '缺少 ]', en: '] expected' },
  EndOfFileExpected: { zh: '文件应在此结束', en: 'end of file expected' },
  InvalidCommentToken: { zh: '无效的注释', en: 'invalid comment' },
  UnexpectedEndOfComment: { zh: '注释没有结束', en: 'unterminated comment' },
  UnexpectedEndOfString: { zh: '字符串没有结束', en: 'unterminated string' },
  UnexpectedEndOfNumber: { zh: '数字没有结束', en: 'unterminated number' },
  InvalidUnicode: { zh: '无效的 Unicode 转义', en: 'invalid Unicode escape' },
  InvalidEscapeCharacter: { zh: '无效的转义字符', en: 'invalid escape character' },
  InvalidCharacter: { zh: '无效的字符', en: 'invalid character' },
};

/** A message filled in for both languages, so the caller can print it in either. */
export function both(message: Localized, params: Record<string, string | number> = {}): Localized {
  return { zh: localize(message, 'zh', params), en: localize(message, 'en', params) };
}
