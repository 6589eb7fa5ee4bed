import type { Rule } from './rule';
import { replaceFix } from './rule';
import { localize } from '../i18n';
import type { OutlineNode } from '../types';

// The mark after a 序次语 (ordinal) is fixed by its level (GB/T 9704-2012 §7.3.3): 一、 with a 顿号,
// （一） in full-width brackets and nothing after, 1. with a full stop, （1） like （一）. Typed in a hurry
// they come out as 一. 一, 1、 （一）、 or (六) with half-width brackets. 第一 takes a comma (第一，)
// and 一是 nothing, so runs are not checked here.

interface Form {
  /** The marker as it should be written, for an ordinal. */
  write(ordinal: string): string;
  example: string;
}

const FORMS: Partial<Record<OutlineNode['kind'], Form>> = {
  part: { write: (o) => `${o}、`, example: '一、' },
  section: { write: (o) => `（${o}）`, example: '（一）' },
  item: { write: (o) => `${o}.`, example: '1.' },
  subitem: { write: (o) => `（${o}）`, example: '（1）' },
};

export const headingOrdinalPunctuation: Rule = {
  meta: {
    id: 'heading-ordinal-punctuation',
    category: 'structure',
    description: {
      zh: '序号后的标点不规范',
      en: 'The wrong mark after a heading ordinal',
    },
    defaultSeverity: 'warning',
    fixable: true,
    safeFix: true,
    scope: 'headings',
    standard: { code: 'GB/T 9704-2012', clause: '7.3.3', section: { zh: '正文：结构层次序数', en: 'Body text: ordinals of the structural levels' } },
    examples: [
      { wrong: '一.总体要求', right: '一、总体要求', source: 'catalogue' },
      { wrong: '一，总体要求', right: '一、总体要求', source: 'catalogue' },
      { wrong: '1、加快建设现代化产业体系。', right: '1.加快建设现代化产业体系。', source: 'catalogue' },
      { wrong: '（一）、扩大有效投资', right: '（一）扩大有效投资', source: 'catalogue' },
      { wrong: '(六)坚持共建共治共享,提升社会治理水平', right: '（六）坚持共建共治共享,提升社会治理水平', source: 'seeds' },
    ],
  },
  check({ analysis, lang, report }) {
    const { text } = analysis;
    for (const { node } of analysis.structure.headings) {
      const form = FORMS[node.kind];
      if (!form || !node.markerSpan || node.ordinal === undefined) continue;
      const written = text.slice(node.markerSpan.start, node.markerSpan.end);
      const right = form.write(node.ordinal);
      // 1． with a full-width point is the same full stop in a Chinese font.
      if (written === right || (node.kind === 'item' && written === `${node.ordinal}．`)) continue;
      // "一 总体要求": a space stands for the mark; replace the ordinal and the space.
      let end = node.markerSpan.end;
      while (end < text.length && (text[end] === ' ' || text[end] === '\u3000')) end++;
      const span = { start: node.markerSpan.start, end };
      report({
        span,
        message: localize(MESSAGES.message, lang, { written: written.trim() || written, right, example: form.example }),
        fixes: [replaceFix(localize(MESSAGES.fix, lang, { right }), span, right)],
      });
    }
  },
};

const MESSAGES = {
  message: { zh: '序号“{written}”应写作“{right}”（本级格式为“{example}”）', en: 'The ordinal “{written}” should be “{right}” (this level is written “{example}”)' },
  fix: { zh: '改为“{right}”', en: 'Change to “{right}”' },
};
