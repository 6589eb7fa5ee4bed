import type { Rule } from './rule';
import type { TextEdit } from '../types';
import { localize } from '../i18n';
import { insideAny } from '../text/content';
import { asciiDigits } from '../text/numerals';
import { numberAt, type NumberAt } from '../text/numberTokens';
import { tokensOf, type Token } from '../text/tokens';

// A range of numbers is joined by 一字线 “—” or 浪纹线 “～” (GB/T 15834-2011 §4.13 连接号), not by the
// short hyphen “-”, which joins the parts of codes, telephone numbers and ISO dates (2026-01-14,
// 0471-1234567). GB/T 15835-2011 (数字形式的使用 · 数值范围) keeps % and the magnitudes 万 and 亿 on
// both numbers: 15%～30% (not 15～30%), 9亿～16亿 (not 9～16亿); a unit such as 年 or 个 may be
// written once (2026—2030年, 3—5个).

const HYPHENS = new Set(['-', '－', '–', '‐', '−']);
const JOINERS = new Set([...HYPHENS, '~', '～', '—']);
const PERCENT = new Set(['%', '％', '‰']);
/** Magnitudes written with Arabic digits (GB/T 15835-2011 lets only 万 and 亿 be Chinese there). */
const MAGNITUDE = /^(?:万亿|亿|万)/;

interface Side extends NumberAt {
  /** "%", "万", "亿" … written right after the number, if any. */
  suffix: string | null;
}

export const numberRangeFormat: Rule = {
  meta: {
    id: 'number-range-format',
    category: 'numbers',
    description: {
      zh: '数值范围用了短横线连接，或 % 、万、亿只写了一次',
      en: 'A range joined by a hyphen, or with %, 万 or 亿 written only once',
    },
    defaultSeverity: 'warning',
    fixable: true,
    safeFix: true,
    standard: { code: 'GB/T 15835-2011', clause: '5.1', section: { zh: '阿拉伯数字的使用：数值范围', en: 'Use of Arabic numerals: ranges of values' } },
    options: {
      joiner: {
        type: 'string',
        default: '—',
        enum: ['—', '～'],
        description: { zh: '改写短横线时使用的连接号：一字线“—”或浪纹线“～”', en: 'The joiner that replaces a hyphen: the dash “—” or the wave “～”' },
      },
    },
    examples: [
      { wrong: '地区生产总值增长4.5-5%。', right: '地区生产总值增长4.5%—5%。', source: 'catalogue' },
      { wrong: '实施2026-2030年行动计划。', right: '实施2026—2030年行动计划。', source: 'catalogue' },
      { wrong: '力争增长6.5%－7%。', right: '力争增长6.5%—7%。', source: 'corpus' },
      { wrong: '占全部支出的5—6%。', right: '占全部支出的5%—6%。', source: 'corpus' },
    ],
  },
  check({ analysis, lang, options, report }) {
    const { text } = analysis;
    const dash = options.joiner === '～' ? '～' : '—';
    const sideAt = (tokens: readonly Token[], i: number): Side => {
      const n = numberAt(tokens, i, text);
      const t = tokens[n.next];
      let suffix: string | null = null;
      if (t?.kind === 'mark' && PERCENT.has(text[t.start])) suffix = text[t.start];
      else if (t?.kind === 'han') suffix = MAGNITUDE.exec(text.slice(t.start, t.start + 2))?.[0] ?? null;
      return { ...n, suffix };
    };
    for (const paragraph of tokensOf(analysis)) {
      if (paragraph.digits.length === 0) continue;
      const { tokens, digits, quoted } = paragraph;
      // The right number of a range does not open another one: digit runs before `resume` are skipped.
      let resume = 0;
      for (const i of digits) {
        if (i < resume) continue;
        const prev = tokens[i - 1];
        // Part of a code or a longer number: G20-, 2026-01-14, 3.5, 1+1.
        if (prev && (prev.kind === 'latin' || (prev.kind === 'mark' && /[-－.．+/:_]/.test(text[prev.start])))) continue;
        const left = sideAt(tokens, i);
        const joinAt = left.next + (left.suffix ? 1 : 0);
        const joiner = tokens[joinAt];
        const right0 = tokens[joinAt + 1];
        if (joiner?.kind !== 'mark' || !JOINERS.has(text[joiner.start]) || right0?.kind !== 'digit') continue;
        // "——" is a dash, not a joiner.
        if (text[joiner.start] === '—' && text[joiner.end] === '—') continue;
        const right = sideAt(tokens, joinAt + 1);
        const after = tokens[right.next + (right.suffix ? 1 : 0)];
        resume = right.next;
        if (after?.kind === 'latin' || (after?.kind === 'mark' && JOINERS.has(text[after.start]) && tokens[right.next + 2]?.kind === 'digit')) continue;
        if (insideAny(quoted, left.start) || /^0\d{2,}/.test(left.text) || (left.text.length >= 5 && right.text.length >= 5)) continue;

        const edits: TextEdit[] = [];
        const mark = text[joiner.start];
        if (HYPHENS.has(mark)) edits.push({ span: { start: joiner.start, end: joiner.end }, newText: dash });
        else if (mark === '~') edits.push({ span: { start: joiner.start, end: joiner.end }, newText: '～' });
        // "5—6%": the first number lacks the % or magnitude that the second carries.
        const repeat = !left.suffix && right.suffix && Number(asciiDigits(left.text)) < Number(asciiDigits(right.text)) ? right.suffix : null;
        if (repeat) edits.push({ span: { start: left.end, end: left.end }, newText: repeat });
        if (edits.length === 0) continue;
        const end = right.end + (right.suffix ? right.suffix.length : 0);
        const before = text.slice(left.start, end);
        const fixed = applyLocal(before, left.start, edits);
        report({
          span: { start: left.start, end },
          message: localize(repeat ? MESSAGES.suffix : MESSAGES.joiner, lang, { right: fixed, suffix: repeat ?? '' }),
          fixes: [{ title: localize(MESSAGES.fix, lang, { right: fixed }), edits, preferred: true }],
        });
      }
    }
  },
};

/** The text of [base, base + text.length) with the edits applied. */
function applyLocal(text: string, base: number, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.span.start - b.span.start)) {
    out += text.slice(at, e.span.start - base) + e.newText;
    at = e.span.end - base;
  }
  return out + text.slice(at);
}

const MESSAGES = {
  joiner: { zh: '数值范围应使用连接号，写作“{right}”', en: 'Join a range with a dash: “{right}”' },
  suffix: { zh: '范围两端都应带“{suffix}”，写作“{right}”', en: 'Both ends of the range carry “{suffix}”: “{right}”' },
  fix: { zh: '改为“{right}”', en: 'Change to “{right}”' },
};
