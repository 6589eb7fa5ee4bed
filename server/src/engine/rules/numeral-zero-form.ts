import type { Rule } from './rule';
import { replaceFix } from './rule';
import { localize } from '../i18n';
import { offsetsOf, tokenAt, tokensOf, type Token } from '../text/tokens';

// In a number written in Chinese numerals the zero of a year or another sequence of digits is “〇”
// (U+3007) and the zero of a count is “零” (GB/T 15835-2011 on 零 and 〇): 二〇二六年, 一九五〇年, but
// 二百零八所. Typed in a hurry or copied from a typeset page it comes out as the Arabic
// “0”, the letter “O” or the geometric circle “○” (二0二六年, 一九五○年), which look alike and are
// other characters — they break search and sorting and read wrongly aloud.

const NUMERALS = '一二三四五六七八九十百千〇';
/** Characters that stand in for 〇. */
const LOOKALIKES = new Set(['○', '◯', '⚪', 'O', 'o', 'Ｏ', 'ｏ', 'Ο', '0', '０']);
/** The same characters, for a native search of the places to look at. */
const LOOKALIKE = /[○◯⚪OoＯｏΟ0０]/g;

function endsWithNumeral(text: string, t: Token | undefined): boolean {
  return t?.kind === 'han' && NUMERALS.includes(text[t.end - 1]);
}

function startsWithNumeralOrYear(text: string, t: Token | undefined): boolean {
  return t?.kind === 'han' && (NUMERALS.includes(text[t.start]) || text[t.start] === '年');
}

export const numeralZeroForm: Rule = {
  meta: {
    id: 'numeral-zero-form',
    category: 'numbers',
    description: {
      zh: '汉字数字中的零写成了“0”“O”或“○”，应为“〇”或“零”',
      en: 'The zero of a Chinese numeral written as “0”, “O” or “○” instead of “〇” or “零”',
    },
    defaultSeverity: 'warning',
    fixable: true,
    safeFix: true,
    standard: { code: 'GB/T 15835-2011', section: { zh: '汉字数字的使用：“零”和“〇”', en: 'Use of Chinese numerals: 零 and 〇' } },
    examples: [
      { wrong: '本办法自二0二六年一月十四日起施行。', right: '本办法自二〇二六年一月十四日起施行。' },
      { wrong: '一九五○年开始实行。', right: '一九五〇年开始实行。', source: 'corpus' },
      { wrong: '全国共有高等学校二百○八所。', right: '全国共有高等学校二百零八所。', source: 'corpus' },
    ],
  },
  check({ analysis, lang, report }) {
    const { text } = analysis;
    const lookalike = (t: Token) => t.kind !== 'han' && t.kind !== 'space' && [...text.slice(t.start, t.end)].every((c) => LOOKALIKES.has(c));
    for (const paragraph of tokensOf(analysis)) {
      // The tokens that hold a look-alike, in order; a run of look-alikes starts at the first of them.
      let done = -1;
      for (const at of offsetsOf(paragraph, LOOKALIKE)) {
        const { tokens } = paragraph;
        const i = tokenAt(tokens, at);
        if (i <= done || !lookalike(tokens[i])) continue;
        // ○ is a mark of one character: 二○○○年 is three tokens in a row.
        let j = i;
        while (j + 1 < tokens.length && lookalike(tokens[j + 1])) j++;
        done = j;
        const before = tokens[i - 1];
        const after = tokens[j + 1];
        const span = { start: tokens[i].start, end: tokens[j].end };
        // 二0二六, 一九五○年, 二○○○年: between numerals, or between numerals and 年.
        if (!endsWithNumeral(text, before) || !startsWithNumeralOrYear(text, after)) continue;
        // 十○年 is no year; a year has four characters, other numbers at least three.
        if (text[after.start] === '年' && before.end - before.start + span.end - span.start < 3) continue;
        const written = text.slice(span.start, span.end);
        // After a place value (二百○八) the number counts, and its zero is 零; in a year it is 〇.
        const zero = /[十百千]/.test(text[before.end - 1]) ? '零' : '〇';
        const right = zero.repeat(written.length);
        report({
          span,
          message: localize(MESSAGES.message, lang, { written, zero }),
          fixes: [replaceFix(localize(MESSAGES.fix, lang, { right }), span, right)],
        });
      }
    }
  },
};

const MESSAGES = {
  message: { zh: '汉字数字中的零应写作“{zero}”，不是“{written}”', en: 'The zero of this Chinese numeral is “{zero}”, not “{written}”' },
  fix: { zh: '改为“{right}”', en: 'Replace with “{right}”' },
};
