import type { Rule } from './rule';
import { localize } from '../i18n';
import type { OutlineNode } from '../types';
import { appendixBetween } from '../structure/appendix';

// GB/T 9704-2012 §7.3.3 orders the levels 一、 → （一） → 1. → （1）. A level used directly under one
// two steps up (一、 followed by 1.) skips the one between. Reported once, at the first heading of
// the skipped-into series under each parent. A document that starts at a lower level (an excerpt, a
// short notice numbered 1. 2. 3.) has no parent to skip from and is left alone.

const LEVEL: Partial<Record<OutlineNode['kind'], number>> = { part: 1, section: 2, item: 3, subitem: 4 };
const EXAMPLE = ['', '一、', '（一）', '1.', '（1）'];

export const headingLevelSkip: Rule = {
  meta: {
    id: 'heading-level-skip',
    category: 'structure',
    description: {
      zh: '层级序号跳级使用（缺少上一级）',
      en: 'A heading level used without the level above it',
    },
    defaultSeverity: 'info',
    fixable: false,
    safeFix: false,
    scope: 'headings',
    standard: { code: 'GB/T 9704-2012', clause: '7.3.3', section: { zh: '正文：结构层次序数', en: 'Body text: ordinals of the structural levels' } },
    examples: [
      {
        wrong: '一、重点任务\n1.扩大有效投资。\n2.提振消费。',
        right: '一、重点任务\n（一）扩大内需\n1.扩大有效投资。\n2.提振消费。',
        source: 'catalogue',
      },
    ],
  },
  check({ analysis, lang, report }) {
    const visit = (nodes: readonly OutlineNode[], parentLevel: number | null, parentStart: number) => {
      const reported = new Set<number>();
      for (const node of nodes) {
        const level = LEVEL[node.kind];
        // An appendix (附件2⏎名词解释⏎1.…) is numbered afresh under no heading of the report.
        const skips = level !== undefined && parentLevel !== null && level > parentLevel + 1 && !appendixBetween(analysis, parentStart, node.span.start);
        if (skips && !reported.has(level) && node.markerSpan) {
          reported.add(level);
          report({
            span: node.markerSpan,
            message: localize(MESSAGES.message, lang, { written: EXAMPLE[level], parent: EXAMPLE[parentLevel], missing: EXAMPLE[parentLevel + 1] }),
          });
        }
        if (level !== undefined) visit(node.children, level, node.span.start);
        else visit(node.children, parentLevel, parentStart);
      }
    };
    visit(analysis.outline, null, 0);
  },
};

const MESSAGES = {
  message: {
    zh: '“{written}”级序号直接用在“{parent}”级之下，缺少“{missing}”一级',
    en: 'A “{written}” heading is used directly under a “{parent}” heading, without the “{missing}” level',
  },
};
