import type { Lang, Localized } from '../engine';
import { localize } from '../engine';

/** Every message the CLI prints, in both languages. */
export const CLI_MESSAGES = {
  description: { zh: '政府工作报告的提纲、目标与规范检查', en: 'Outline, targets and standards checks for government work reports' },
  lintDescription: { zh: '检查报告并报告问题', en: 'Check reports and report problems' },
  targetsDescription: { zh: '列出报告中的量化目标', en: 'List the quantitative targets of reports' },
  outlineDescription: { zh: '显示报告的结构提纲', en: "Show a report's outline" },
  trainDescription: { zh: '从语料训练模型', en: 'Train a model from a corpus' },
  optFormat: { zh: '输出格式', en: 'output format' },
  optModel: { zh: '模型文件（默认使用内置模型）', en: 'model file (default: the built-in model)' },
  optPeriod: { zh: '文件期限（年份，如 2026）', en: "the document's period (a year such as 2026)" },
  optDeadlineScope: { zh: '期限的查找范围', en: 'how far out a deadline may come from' },
  optRule: { zh: '设置规则级别，如 target-missing-deadline=off', en: 'set a rule severity, e.g. target-missing-deadline=off' },
  optMaxWarnings: { zh: '警告数超过此值时以 1 退出', en: 'exit 1 when there are more warnings than this' },
  optQuiet: { zh: '只报告错误', en: 'report errors only' },
  optNoColor: { zh: '不使用颜色', en: 'no colour' },
  optOutput: { zh: '写入文件而不是标准输出', en: 'write to a file instead of stdout' },
  optConfig: { zh: '对所有文件使用此配置文件，不再查找 .workreportrc.json', en: 'use this config file for every file instead of looking for .workreportrc.json' },
  optFix: {
    zh: '应用安全的自动修复并写回文件（保持编码和换行符），再报告剩下的问题；从标准输入（-）读入时，把修复后的文本写到标准输出，报告写到标准错误（或 --output）',
    en: 'apply safe fixes and write the files back (same encoding and line endings), then report what is left; with - (stdin) the fixed text goes to stdout and the report to stderr (or --output)',
  },
  optJobs: { zh: '同时检查的线程数（默认为 CPU 核数；文件少时只用一个线程）', en: 'threads to lint with (default: the number of cores; few files use one thread)' },
  optProblemsOnly: { zh: '只列出有问题的目标', en: 'list only targets with problems' },
  optOut: { zh: '模型输出文件', en: 'where to write the model' },
  optLang: { zh: '界面语言', en: 'interface language' },
  optVersion: { zh: '显示版本', en: 'print the version' },
  optHelp: { zh: '显示帮助', en: 'show help' },
  seeHelp: { zh: '（用 --help 查看用法）', en: '(run with --help for usage)' },
  cannotRead: { zh: '{file}：无法读取（{reason}）', en: '{file}: cannot read ({reason})' },
  binary: { zh: '{file}：是二进制文件，不是文本报告', en: '{file}: is a binary file, not a text report' },
  undecodable: { zh: '{file}：无法识别编码（不是 UTF-8、UTF-16 或 GB18030/GBK）', en: '{file}: cannot decode (not UTF-8, UTF-16 or GB18030/GBK)' },
  notFound: { zh: '{file}：文件或文件夹不存在', en: '{file}: no such file or folder' },
  noMatch: { zh: '{file}：没有匹配的文件', en: '{file}: no files match' },
  unreadableDir: { zh: '{file}：无法读取该文件夹', en: '{file}: cannot read this folder' },
  noInputs: { zh: '没有要处理的文件', en: 'no files to process' },
  badModel: { zh: '模型 {file} 无法使用：{problem}', en: 'model {file} cannot be used: {problem}' },
  badRule: { zh: '--rule {value}：应为 规则=级别（级别为 off、info、warning、error）', en: '--rule {value}: expected RULE=SEVERITY (severity off, info, warning or error)' },
  unknownRule: { zh: '--rule {value}：没有名为 {rule} 的规则', en: '--rule {value}: there is no rule named {rule}' },
  badNumber: { zh: '{option} {value}：应为非负整数', en: '{option} {value}: expected a non-negative whole number' },
  badPeriod: { zh: '--period {value}：应为年份（如 2026）或五年规划期（如 十五五）', en: '--period {value}: expected a year (such as 2026) or a plan period (such as 十五五)' },
  badChoice: { zh: '{option} {value}：应为 {choices} 之一', en: '{option} {value}: expected one of {choices}' },
  summary: { zh: '{total} 个问题（{errors} 个错误，{warnings} 个警告，{infos} 个提示）', en: '{total} {problems} ({errors} {errorWord}, {warnings} {warningWord}, {infos} {infoWord})' },
  tooManyWarnings: { zh: '警告数 {warnings} 超过了 --max-warnings {max}', en: '{warnings} warnings exceed --max-warnings {max}' },
  trained: { zh: '已从 {docs} 篇报告（{chars} 字）训练模型，写入 {file}', en: 'Trained a model from {docs} reports ({chars} characters), written to {file}' },
  trainNeedsOut: { zh: 'train 需要 --out 文件', en: 'train needs --out FILE' },
  cannotWrite: { zh: '{file}：无法写入（{reason}）', en: '{file}: cannot write ({reason})' },
  cannotReadConfig: { zh: '--config {file}：无法读取（{reason}）', en: '--config {file}: cannot read ({reason})' },
  cannotFixExactly: {
    zh: '{file}：未修复——该文件有些字节按 {encoding} 重新编码后会改变，写回会改动修复以外的内容',
    en: '{file}: not fixed — some of its bytes would not re-encode the same in {encoding}, so writing it would change more than the fixes',
  },
  fixedSummary: { zh: '已在 {files} 个文件中应用 {fixes} 处安全修复', en: 'applied {fixes} safe {fixWord} in {files} {fileWord}' },
  junitClean: { zh: '没有问题', en: 'no problems' },
  targetsCount: { zh: '{count} 个目标', en: '{count} targets' },
  colFile: { zh: '文件', en: 'file' },
  colSection: { zh: '章节', en: 'section' },
  colIndicator: { zh: '指标', en: 'indicator' },
  colValue: { zh: '数值', en: 'value' },
  colUnit: { zh: '单位', en: 'unit' },
  colQualifier: { zh: '限定', en: 'qualifier' },
  colDeadline: { zh: '期限', en: 'deadline' },
  colLine: { zh: '行', en: 'line' },
  colProblems: { zh: '问题', en: 'problems' },
  kindTitle: { zh: '标题', en: 'title' },
} satisfies Record<string, Localized>;

export type CliMessage = keyof typeof CLI_MESSAGES;

export function msg(lang: Lang, id: CliMessage, params: Record<string, string | number> = {}): string {
  return localize(CLI_MESSAGES[id], lang, params);
}
