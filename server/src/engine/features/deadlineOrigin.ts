import type { Lang, OutlineNode, Span, Target } from '../types';
import type { ReportAnalysis } from '../analyze';
import { localize } from '../i18n';

// Where a target's deadline came from (TARGETS.md § Missing deadline: clause, sentence, paragraph,
// heading, document), said so that a drafter can find it: the heading by name and line.

export interface DeadlineOrigin {
  /** Where the deadline expression is written, when it is written in the document. */
  span?: Span;
  /** The heading that lends the deadline, for source "heading". */
  heading?: OutlineNode;
  /** A short phrase: "the heading “二、2026年工作安排” (line 12)". */
  description: string;
}

const TEXT = {
  clause: { zh: '本分句', en: 'its own clause' },
  sentence: { zh: '本句前文', en: 'earlier in its sentence' },
  paragraph: { zh: '段首', en: 'the opening of its paragraph' },
  heading: { zh: '标题“{name}”（第{line}行）', en: 'the heading “{name}” (line {line})' },
  documentTitle: { zh: '文件标题（第{line}行）', en: 'the document title (line {line})' },
  documentSetting: { zh: '设置的文件期限', en: 'the period setting' },
};

/** Headings longer than this are cut in messages. */
const NAME_LIMIT = 24;

export function shortName(name: string): string {
  return name.length > NAME_LIMIT ? `${name.slice(0, NAME_LIMIT)}…` : name;
}

export function deadlineOrigin(t: Target, analysis: ReportAnalysis, lang: Lang): DeadlineOrigin | null {
  const d = t.deadline;
  if (!d) return null;
  const lineOf = (span: Span) => analysis.lines.positionAt(span.start).line + 1;
  switch (d.source) {
    case 'clause':
    case 'sentence':
    case 'paragraph':
      return { ...(d.span ? { span: d.span } : {}), description: localize(TEXT[d.source], lang) };
    case 'heading': {
      const heading = d.span ? analysis.structure.headings.find((h) => h.node.nameSpan.start <= d.span!.start && d.span!.start < h.node.nameSpan.end)?.node : undefined;
      const name = shortName(heading?.name ?? d.text);
      return { ...(d.span ? { span: d.span } : {}), ...(heading ? { heading } : {}), description: localize(TEXT.heading, lang, { name, line: d.span ? lineOf(d.span) : '?' }) };
    }
    case 'document':
      return d.span
        ? { span: d.span, description: localize(TEXT.documentTitle, lang, { line: lineOf(d.span) }) }
        : { description: localize(TEXT.documentSetting, lang) };
  }
}
