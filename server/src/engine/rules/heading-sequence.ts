import type { Rule, RuleContext } from './rule';
import { replaceFix } from './rule';
import { localize } from '../i18n';
import { toChineseNumeral } from '../text/numerals';
import type { OutlineNode } from '../types';
import { appendixBetween } from '../structure/appendix';

// 序次语 (ordinals: 一、 （一） 1. （1） and the runs 一是/一要/第一) number the items of one level in
// order, from 一 or 1 (GB/T 9704-2012 §7.3.3). A gap (二、 then 四、), a repeat or a step back within
// one series is a slip left by editing. A heading numbered 一/1 starts a new series — a list nested
// in the previous item (older reports number both levels 一、), the runs of a new paragraph, an
// appendix (附件, 名词解释) or a list such as 十件民生实事 — and a later number that continues an
// outer series closes the nested one. A repeat or a step back is compared with its place in its
// series, so renumbering every flagged one gives 1, 2, 3 … again. After a gap the series goes on from
// the number written (二、四、五 is one finding, not two): when more items follow, an item may be
// missing rather than misnumbered, so that finding offers no renumbering.

const HEADING_KINDS = new Set(['part', 'section', 'item', 'subitem', 'run']);
const CHINESE_DIGITS = '０１２３４５６７８９';

type Series = Array<{ node: OutlineNode; value: number }>;

/** Runs are series by their form: 一是…二是, 一要…二要, 第一…第二. */
function formOf(node: OutlineNode): string {
  if (node.kind !== 'run') return node.kind;
  return node.name.startsWith('第') ? 'run-第' : `run-${node.name[node.ordinal!.length]}`;
}

function ordinalText(node: OutlineNode, value: number): string {
  if (node.kind === 'item' || node.kind === 'subitem') {
    const written = node.ordinal ?? '';
    return /[０-９]/.test(written) ? String(value).replace(/[0-9]/g, (d) => CHINESE_DIGITS[Number(d)]) : String(value);
  }
  return toChineseNumeral(value);
}

export const headingSequence: Rule = {
  meta: {
    id: 'heading-sequence',
    category: 'structure',
    description: {
      zh: '同级序号中断、重复或倒退',
      en: 'A gap, repeat or step back in the numbering of one level',
    },
    defaultSeverity: 'warning',
    fixable: true,
    safeFix: false,
    scope: 'headings',
    standard: { code: 'GB/T 9704-2012', clause: '7.3.3', section: { zh: '正文：结构层次序数', en: 'Body text: ordinals of the structural levels' } },
    examples: [
      { wrong: '一、总体要求\n二、主要目标\n四、重点任务', right: '一、总体要求\n二、主要目标\n三、重点任务', source: 'catalogue' },
      { wrong: '重点抓好三项工作：一是稳增长；三是防风险。', right: '重点抓好三项工作：一是稳增长；二是防风险。', source: 'catalogue' },
    ],
  },
  check(context) {
    const { analysis } = context;
    /** The last value of each form in document order, to see a series go on under another parent. */
    const lastValue = new Map<string, number>();
    /** Gaps, reported once the whole outline is read: whether items follow decides the fix. */
    const gaps: Array<{ node: OutlineNode; expected: number; previous: number | null; series: Series; at: number }> = [];
    const visit = (nodes: readonly OutlineNode[], root: boolean) => {
      // Open series per form, innermost last.
      const open = new Map<string, Series[]>();
      let lastStart = nodes[0]?.span.start ?? 0;
      for (const node of nodes) {
        if (HEADING_KINDS.has(node.kind) && node.ordinalValue !== undefined) check(node);
        // Most nodes have no children (leads, runs): no level to set up for them.
        if (node.children.length > 0) visit(node.children, false);
      }
      function check(node: OutlineNode): void {
        // After an appendix line everything is numbered afresh.
        if (appendixBetween(analysis, lastStart, node.span.start)) open.clear();
        lastStart = node.span.start;
        const form = formOf(node);
        const stack = open.get(form) ?? [];
        open.set(form, stack);
        const v = node.ordinalValue!;
        const before = lastValue.get(form);
        lastValue.set(form, v);
        const expectedOf = (s: Series) => s[s.length - 1].value + 1;
        if (stack.length === 0) {
          // The first series of a document that opens mid-way (an excerpt from （二）) keeps its start,
          // and so does one that goes on from the same form under another parent (older reports nest
          // 一、 inside （二） and then go on with （三）).
          const start = root || node.kind === 'run' || before === v - 1 ? v : 1;
          stack.push([{ node, value: start }]);
          if (v !== start) flag(context, node, start, null);
          return;
        }
        const top = stack[stack.length - 1];
        if (v === expectedOf(top)) {
          top.push({ node, value: v });
          return;
        }
        // A number that continues an outer series ends the nested lists inside it.
        let outer = stack.length - 2;
        while (outer >= 0 && expectedOf(stack[outer]) !== v) outer--;
        if (outer >= 0) {
          stack.length = outer + 1;
          stack[outer].push({ node, value: v });
          return;
        }
        if (v === 1) {
          stack.push([{ node, value: 1 }]);
          return;
        }
        const expected = expectedOf(top);
        const last = top[top.length - 1];
        const previous = last.node.ordinalValue ?? null;
        if (v > expected && last.value === previous) {
          // A gap after a correctly numbered item: resync to the number written, so the items after
          // it are not flagged too. After a renumbered one (a wrong start, a repeat) they shift with it.
          top.push({ node, value: v });
          gaps.push({ node, expected, previous, series: top, at: top.length - 1 });
          return;
        }
        top.push({ node, value: expected });
        flag(context, node, expected, previous);
      }
    };
    visit(analysis.outline, true);
    for (const gap of gaps) flag(context, gap.node, gap.expected, gap.previous, gap.at === gap.series.length - 1);
  },
};

function flag({ analysis, lang, report }: RuleContext, node: OutlineNode, expected: number, previous: number | null, fixable = true): void {
  const { text } = analysis;
  const marker = node.markerSpan!;
  const at = text.indexOf(node.ordinal!, marker.start);
  const span = { start: at, end: at + node.ordinal!.length };
  const right = ordinalText(node, expected);
  const actual = node.ordinalValue!;
  const kind = previous === null ? 'start' : actual === previous ? 'repeat' : actual < previous ? 'reversal' : actual > previous + 1 ? (fixable ? 'gap' : 'missing') : 'shifted';
  const params = { written: text.slice(marker.start, marker.end), right, previous: previous === null ? '' : ordinalText(node, previous) };
  report({
    span: { start: marker.start, end: marker.end },
    message: localize(MESSAGES[kind], lang, params),
    fixes: fixable ? [replaceFix(localize(MESSAGES.fix, lang, { right }), span, right)] : [],
  });
}

const MESSAGES = {
  start: { zh: '序号“{written}”没有从“{right}”开始', en: 'The numbering “{written}” does not start at “{right}”' },
  gap: { zh: '序号不连续：“{previous}”之后是“{written}”，应为“{right}”', en: 'Numbering gap: “{written}” follows “{previous}”; expected “{right}”' },
  missing: { zh: '序号不连续：“{previous}”之后是“{written}”，缺少“{right}”', en: 'Numbering gap: “{written}” follows “{previous}”; “{right}” is missing' },
  repeat: { zh: '序号重复：“{written}”与上一个相同，应为“{right}”', en: 'Repeated number: “{written}” repeats the previous one; expected “{right}”' },
  reversal: { zh: '序号倒退：“{previous}”之后是“{written}”，应为“{right}”', en: 'Numbering goes back: “{written}” follows “{previous}”; expected “{right}”' },
  shifted: { zh: '此前序号有误，此处应为“{right}”', en: 'After an earlier numbering error this should be “{right}”' },
  fix: { zh: '改为“{right}”', en: 'Renumber as “{right}”' },
};
