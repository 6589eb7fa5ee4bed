import { localize, type Lang, type Localized } from '../engine';

// Every message the language server itself writes (diagnostics, hovers and completion texts come
// from the engine), in Simplified Chinese and English. The server follows InitializeParams.locale.

const MESSAGES = {
  badSetting: { zh: '设置 {key} 有误：{problem}。此项改用默认值。', en: 'The setting {key} is wrong: {problem}. Its default is used.' },
  configProblem: { zh: '配置文件有误：{problem}。其余设置照常使用。', en: 'Configuration file problem: {problem}. The rest still applies.' },
  modelUnusable: { zh: '模型文件 {file} 无法使用：{problem}。改用内置模型。', en: 'The model file {file} cannot be used: {problem}. Using the built-in model.' },
  modelUntrusted: {
    zh: '工作区未受信任：已忽略工作区之外的模型文件 {file}，改用内置模型。信任此工作区后即可使用。',
    en: 'This workspace is not trusted: the model file {file} outside the workspace is ignored and the built-in model is used. Trust the workspace to use it.',
  },
  configurationTimeout: { zh: '编辑器在 {seconds} 秒内没有返回 workreport 设置，暂用默认设置。', en: 'The editor did not return the workreport settings within {seconds} s; using defaults for now.' },
  configurationFailed: { zh: '编辑器没有返回 workreport 设置（{error}），暂用默认设置。', en: 'The editor could not return the workreport settings ({error}); using defaults for now.' },
  largeFileOutlineOnly: {
    zh: '{file} 超过 workreport.maxFileSize（{limit}）：只显示提纲和目标，不做规则检查。',
    en: '{file} is larger than workreport.maxFileSize ({limit}): only its outline and targets are shown, without rule checks.',
  },
  largeFileSkipped: {
    zh: '{file} 超过 workreport.maxFileSize 的两倍（{hard}）：不做分析。',
    en: '{file} is more than twice workreport.maxFileSize ({hard}): it is not analysed.',
  },
  notByteCount: { zh: '{value} 不是字节数（0 或更大的数）', en: '{value} is not a number of bytes (0 or more)' },
  featureFailed: { zh: 'workreport：{feature} 出错（{uri}）：{error}', en: 'workreport: {feature} failed ({uri}): {error}' },
  analysing: { zh: '正在分析 {file}', en: 'Analysing {file}' },
  ready: { zh: '就绪', en: 'Ready' },
  analysisFailed: { zh: '分析 {file} 时出错：{error}', en: 'Analysing {file} failed: {error}' },
  symbolDetail: { zh: '{targets} 个目标 · {problems} 个问题', en: '{targets} · {problems}' },
  fixAllRule: { zh: '修复本文件中全部 {count} 处“{rule}”问题', en: 'Fix all {count} “{rule}” problems in this file' },
  fixAllSafe: { zh: '修复本文件中可安全自动修复的问题（{count} 处）', en: 'Fix what is safe to fix in this file ({count})' },
  phraseDetail: { zh: '标准表述 · 出现 {count} 次 · {docs} 份报告（{first}）', en: 'standard phrase · {count}× in {docs} reports ({first})' },
  phraseSources: { zh: '训练语料中出现 {count} 次，来源：', en: 'Seen {count} times in the training corpus, in:' },
  ordinalDetail: { zh: '序次语，接在“{previous}”之后', en: 'ordinal, next after “{previous}”' },
  deadlineFrom: { zh: '期限“{text}”来自{origin}', en: 'deadline “{text}” comes from {origin}' },
  headingWithoutPeriod: { zh: '所在标题“{name}”没有时间表述', en: 'the enclosing heading “{name}” names no period' },
} satisfies Record<string, Localized>;

export type MessageId = keyof typeof MESSAGES;

export function message(lang: Lang, id: MessageId, params: Record<string, string | number> = {}): string {
  return localize(MESSAGES[id], lang, params);
}

/** "3 targets" / "1 problem" in English; Chinese has no plural. */
export function countNoun(lang: Lang, n: number, singular: string, plural: string): string {
  return lang === 'zh' ? String(n) : `${n} ${n === 1 ? singular : plural}`;
}
