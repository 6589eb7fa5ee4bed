import type { Rule } from './rule';
import { replaceFix } from './rule';
import { localize } from '../i18n';
import { insideAny } from '../text/content';
import { isChinese, offsetsOf, tokenAt, tokensOf, type Token } from '../text/tokens';

// GB/T 15834-2011 §5 gives Chinese text full-width marks: a half-width comma or semicolon typed
// between Chinese characters ("新增长点;推动") is an input-method slip. Marks between digits (1,000 and
// 10:30) and between Latin words stay as they are.

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
/** The marks of FULL_WIDTH, found natively: few paragraphs have any. */
const HALF_WIDTH = /[,;:?!()]/g;


function alphanumeric(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === 'latin' || t.kind === 'digit');
}

export const halfwidthPunctuation: Rule = {
  meta: {
    id: 'halfwidth-punctuation',
    category: 'punctuation',
    description: {
      zh: '中文之间使用了半角标点（, ; : ( ) ? !）',
      en: 'Half-width punctuation (, ; : ( ) ? !) between Chinese characters',
    },
    defaultSeverity: 'warning',
    fixable: true,
    safeFix: true,
    standard: { code: 'GB/T 15834-2011', clause: '5', section: { zh: '标点符号的位置和书写形式', en: 'Position and written form of punctuation marks' } },
    examples: [
      { wrong: '加快培育新增长点;推动传统产业转型升级。', right: '加快培育新增长点；推动传统产业转型升级。', source: 'corpus' },
      { wrong: '全面开工,三条主干道基本建成。', right: '全面开工，三条主干道基本建成。' },
      { wrong: '分期分批培训县(处)级以上领导干部。', right: '分期分批培训县（处）级以上领导干部。' },
    ],
  },
  check({ analysis, lang, report }) {
    const { text } = analysis;
    for (const paragraph of tokensOf(analysis)) {
      const found = offsetsOf(paragraph, HALF_WIDTH);
      if (found.length === 0) continue;
      const { content, tokens } = paragraph;
      // Each mark is a token of its own: the indices of the half-width ones, in order.
      const marks = found.map((at) => tokenAt(tokens, at));
      const skip = (t: Token) => insideAny(content.ordinals, t.start) || insideAny(content.pageMarkers, t.start);
      // A neighbour across at most one space.
      const near = (i: number, dir: 1 | -1): Token | undefined => {
        const t = tokens[i + dir];
        return t?.kind === 'space' ? tokens[i + 2 * dir] : t;
      };
      const flag = (t: Token) => {
        const mark = text[t.start];
        const full = FULL_WIDTH[mark];
        report({
          span: { start: t.start, end: t.end },
          message: localize(MESSAGES.message, lang, { mark, full }),
          fixes: [replaceFix(localize(MESSAGES.fix, lang, { full }), { start: t.start, end: t.end }, full)],
        });
      };
      const open: number[] = [];
      const pairs = new Map<number, number>();
      for (const i of marks) {
        const t = tokens[i];
        if (text[t.start] === '(') open.push(i);
        else if (text[t.start] === ')' && open.length) pairs.set(open.pop()!, i);
      }
      const closers = new Map([...pairs].map(([o, c]) => [c, o]));
      for (const i of marks) {
        const t = tokens[i];
        const mark = text[t.start];
        if (skip(t)) continue;
        if (mark === '(' || mark === ')') {
          const [o, c] = mark === '(' ? [i, pairs.get(i)] : [closers.get(i), i];
          // A pair is Chinese when it holds Chinese or stands between Chinese: 县(处)级, 措施(试行).
          const holdsHan = o !== undefined && c !== undefined && tokens.slice(o + 1, c).some((x) => x.kind === 'han');
          const outside = isChinese(text, o !== undefined ? near(o, -1) : undefined) || isChinese(text, c !== undefined ? near(c, 1) : undefined);
          const alone = o === undefined || c === undefined ? isChinese(text, near(i, -1)) || isChinese(text, near(i, 1)) : false;
          if (holdsHan || outside || alone) flag(t);
          continue;
        }
        const before = near(i, -1);
        const after = near(i, 1);
        if (alphanumeric(before) && alphanumeric(after)) continue; // 1,000 · 10:30 · A,B
        if (isChinese(text, before) || isChinese(text, after)) flag(t);
      }
    }
  },
};

const MESSAGES = {
  message: { zh: '中文里应使用全角标点“{full}”，而不是半角“{mark}”', en: 'Use the full-width “{full}” in Chinese text, not the half-width “{mark}”' },
  fix: { zh: '改为全角“{full}”', en: 'Replace with the full-width “{full}”' },
};
