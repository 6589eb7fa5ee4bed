import type { Lang, OutlineKind, OutlineNode } from '../types';
import type { Model } from '../model/types';
import { localize } from '../i18n';
import { nodePathAt } from '../structure/outline';
import { toChineseNumeral } from '../text/numerals';

// Snippets in the TextMate/LSP snippet syntax ($1, ${1:default}, ${1|a,b|}). Placeholders are
// Chinese in both interface languages: they end up in the report. Choices come from the model, so a
// team's own corpus decides which verbs, units and deadline words are offered first.

export interface SnippetSuggestion {
  id: 'target-sentence' | 'part-skeleton' | 'section-skeleton' | 'report-skeleton';
  label: string;
  detail: string;
  snippet: string;
}

export interface SnippetContext {
  model: Model;
  /** The document's period year, else the current year (the caller knows the clock). */
  year: number;
  lang: Lang;
}

const TEXT = {
  target: { zh: '目标句', en: 'target sentence' },
  targetDetail: { zh: '期限、指标、动词、数值和单位', en: 'deadline, indicator, verb, value and unit' },
  part: { zh: '{ordinal}部分框架', en: 'part skeleton {ordinal}' },
  partDetail: { zh: '一级标题和两个二级标题', en: 'a part heading with two sections' },
  section: { zh: '{ordinal}节框架', en: 'section skeleton {ordinal}' },
  sectionDetail: { zh: '二级标题和三项“{style}”', en: 'a section heading with three “{style}” runs' },
  report: { zh: '报告框架', en: 'report skeleton' },
  reportDetail: { zh: '标题、工作回顾、工作安排和政府自身建设', en: 'title, review, plan and government self-improvement' },
};

/** "$", "}" and "\" are syntax in snippets; "," and "|" too inside a choice. */
function escapeChoice(s: string): string {
  return s.replace(/[$}\\,|]/g, (c) => `\\${c}`);
}

function choice(tabStop: number, options: string[], fallback: string): string {
  const unique = [...new Set(options)].filter(Boolean);
  return unique.length ? `\${${tabStop}|${unique.map(escapeChoice).join(',')}|}` : `\${${tabStop}:${fallback}}`;
}

function topByCount<T extends { text: string; count: number }>(entries: readonly T[], n: number): string[] {
  return [...entries].filter((e) => e.count > 0).sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : 1)).slice(0, n).map((e) => e.text);
}

/** "到YYYY年" with the year filled in; patterns with other placeholders (未来N年) are skipped. */
function deadlineChoices(model: Model, year: number): string[] {
  const fromModel = topByCount(model.deadlines, 6)
    .map((d) => d.replace(/YYYY/g, String(year)))
    .filter((d) => !/[A-Z]/.test(d));
  return ['年内', ...fromModel].slice(0, 5);
}

/** A target sentence with tab stops for the deadline, indicator, verb, value and unit. */
export function targetSentenceSnippet(ctx: SnippetContext): SnippetSuggestion {
  const verbs = topByCount(ctx.model.verbs, 6);
  const units = topByCount(ctx.model.units, 8);
  const snippet =
    `${choice(1, deadlineChoices(ctx.model, ctx.year), '年内')}，\${2:指标}` +
    `${choice(3, verbs.length ? verbs : ['达到', '增长', '新增'], '达到')}\${4:数值}${choice(5, units, '单位')}。$0`;
  return { id: 'target-sentence', label: localize(TEXT.target, ctx.lang), detail: localize(TEXT.targetDetail, ctx.lang), snippet };
}

/** The run style the model saw most (一要… or 一是…). */
function runStyle(model: Model): '是' | '要' {
  const count = (form: string) => model.headings.filter((h) => h.kind === 'run' && h.form === form).reduce((s, h) => s + h.count, 0);
  return count('N要') > count('N是') ? '要' : '是';
}

/** The value after the last heading of `kind` among `nodes` that starts before `offset`. */
function nextValue(nodes: readonly OutlineNode[], kind: OutlineKind, offset: number): number {
  let last = 0;
  for (const n of nodes) if (n.kind === kind && n.span.start < offset && n.ordinalValue !== undefined) last = n.ordinalValue;
  return last + 1;
}

/** Skeletons of a part (一、) and a section (（一）) numbered to follow the headings before `offset`. */
export function sectionSkeletons(text: string, outline: readonly OutlineNode[], offset: number, ctx: SnippetContext): SnippetSuggestion[] {
  // The part the cursor is in, judged by the last character written before it.
  let anchor = Math.min(offset, text.length) - 1;
  while (anchor > 0 && /\s/.test(text[anchor])) anchor--;
  const part = nodePathAt(outline, Math.max(0, anchor)).find((n) => n.kind === 'part');
  const partNo = toChineseNumeral(Math.min(99, nextValue(outline, 'part', offset)));
  const sectionNo = toChineseNumeral(Math.min(99, nextValue(part ? part.children : outline, 'section', offset)));
  const style = runStyle(ctx.model);
  const partOrdinal = `${partNo}、`;
  const sectionOrdinal = `（${sectionNo}）`;
  return [
    {
      id: 'part-skeleton',
      label: localize(TEXT.part, ctx.lang, { ordinal: partOrdinal }),
      detail: localize(TEXT.partDetail, ctx.lang),
      snippet: `${partOrdinal}\${1:标题}\n（一）\${2:小标题}\n\${3:正文}\n（二）\${4:小标题}\n\${5:正文}$0`,
    },
    {
      id: 'section-skeleton',
      label: localize(TEXT.section, ctx.lang, { ordinal: sectionOrdinal }),
      detail: localize(TEXT.sectionDetail, ctx.lang, { style: `一${style}` }),
      snippet: `${sectionOrdinal}\${1:小标题}\n一${style}\${2:……}。\n二${style}\${3:……}。\n三${style}\${4:……}。$0`,
    },
  ];
}

/** A whole report's skeleton, for an empty document. */
export function reportSkeleton(ctx: SnippetContext): SnippetSuggestion {
  const y = ctx.year;
  return {
    id: 'report-skeleton',
    label: localize(TEXT.report, ctx.lang),
    detail: localize(TEXT.reportDetail, ctx.lang),
    snippet:
      `\${1:${y}}年政府工作报告\n` +
      `一、\${2:${y - 1}}年工作回顾\n\${3:过去一年，……}\n` +
      `二、\${1}年工作安排\n今年经济社会发展的主要预期目标是：\${4:……}\n（一）\${5:小标题}\n\${6:正文}\n` +
      `三、\${7:全面加强政府自身建设}\n\${0}`,
  };
}

/** The text a snippet inserts when every tab stop keeps its default (for a preview). */
export function snippetPreview(snippet: string): string {
  const defaults = new Map<string, string>();
  const unescape = (s: string) => s.replace(/\\([$}\\,|])/g, '$1');
  const filled = snippet.replace(/\$\{(\d+)(?:\|((?:\\.|[^|\\])*)\||:((?:\\.|[^}\\])*))?\}|\$(\d+)/g, (_m, n: string, choices?: string, text?: string, bare?: string) => {
    const stop = n ?? bare!;
    if (choices !== undefined) defaults.set(stop, unescape(choices.split(/(?<!\\),/)[0]));
    else if (text !== undefined) defaults.set(stop, unescape(text));
    return `\u0000${stop}\u0000`;
  });
  return filled.replace(/\u0000(\d+)\u0000/g, (_m, stop: string) => defaults.get(stop) ?? '');
}
