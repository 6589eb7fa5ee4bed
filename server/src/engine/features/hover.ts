import type { Lang, Span } from '../types';
import type { ReportAnalysis } from '../analyze';
import type { ExtractedTarget } from '../targets/extract';
import type { Model } from '../model/types';
import { localize } from '../i18n';
import { deadlineOrigin, shortName } from './deadlineOrigin';
import { escapeMarkdown, markdownTable, plainTable } from './markdown';
import { phraseAt, phraseIndexOf, phraseSources } from './phraseIndex';

// Hover content: a target's fields as a small table with its deadline and where that came from, or
// a standard phrase with how often and where the model saw it. Both in Markdown and in plain text.

export interface HoverContent {
  span: Span;
  markdown: string;
  plain: string;
}

const TEXT = {
  target: { zh: '目标', en: 'Target' },
  field: { zh: '字段', en: 'Field' },
  value: { zh: '内容', en: 'Value' },
  indicator: { zh: '指标', en: 'Indicator' },
  verb: { zh: '动词', en: 'Verb' },
  number: { zh: '数值', en: 'Number' },
  unit: { zh: '单位', en: 'Unit' },
  qualifier: { zh: '限定', en: 'Qualifier' },
  deadline: { zh: '期限', en: 'Deadline' },
  from: { zh: '期限来源', en: 'Deadline from' },
  section: { zh: '所在标题', en: 'Section' },
  problems: { zh: '问题', en: 'Problems' },
  missing: { zh: '（缺少）', en: '(missing)' },
  none: { zh: '（无）', en: '(none)' },
  phrase: { zh: '标准表述', en: 'Standard phrase' },
  phraseUse: {
    zh: '训练语料中出现 {count} 次，见于 {docs} 份报告：',
    en: 'Seen {count} times in the training corpus, in {docs} reports:',
  },
};

/** The target whose quantity or indicator is under `offset`. */
export function targetAt(analysis: ReportAnalysis, offset: number): ExtractedTarget | null {
  for (const t of analysis.targets) {
    if (t.span.start <= offset && offset <= t.span.end) return t;
  }
  for (const t of analysis.targets) {
    if (!t.indicator) continue;
    const at = analysis.text.lastIndexOf(t.indicator, t.valueSpan.start - t.indicator.length);
    if (at >= t.clauseSpan.start && at <= offset && offset < at + t.indicator.length) return t;
  }
  return null;
}

export function targetHover(t: ExtractedTarget, analysis: ReportAnalysis, lang: Lang): HoverContent {
  const l = (k: keyof typeof TEXT) => localize(TEXT[k], lang);
  const origin = deadlineOrigin(t, analysis, lang);
  const rows: Array<[string, string]> = [
    [l('indicator'), t.indicator || l('none')],
    [l('verb'), t.verb ?? l('none')],
    [l('number'), t.value],
    [l('unit'), t.unit && !t.unitMissing ? t.unit : t.unit ? `${t.unit} ${l('missing')}` : l('missing')],
    [l('qualifier'), t.qualifier ?? l('none')],
    [l('deadline'), t.deadline?.text ?? l('missing')],
  ];
  if (origin) rows.push([l('from'), origin.description]);
  if (t.section) rows.push([l('section'), shortName(t.section.name)]);
  if (t.problems.length) rows.push([l('problems'), t.problems.join(', ')]);
  const title = `${l('target')}: ${t.indicator || t.value}`;
  return {
    span: t.span,
    markdown: `**${escapeMarkdown(title)}**\n\n${markdownTable([l('field'), l('value')], rows)}`,
    plain: `${title}\n${plainTable(rows)}`,
  };
}

/** The standard phrase under `offset`, with its frequency and source reports. */
export function phraseHover(model: Model, text: string, offset: number, lang: Lang): HoverContent | null {
  const found = phraseAt(model, text, offset);
  if (!found) return null;
  const sources = phraseSources(phraseIndexOf(model), found.phrase);
  const use = localize(TEXT.phraseUse, lang, { count: found.phrase.count, docs: sources.length });
  const title = `${localize(TEXT.phrase, lang)}: “${found.phrase.text}”`;
  return {
    span: { start: found.start, end: found.end },
    markdown: `**${escapeMarkdown(title)}**\n\n${escapeMarkdown(use)}\n\n${sources.map((s) => `- ${escapeMarkdown(s)}`).join('\n')}`,
    plain: `${title}\n${use}\n${sources.join('\n')}`,
  };
}
