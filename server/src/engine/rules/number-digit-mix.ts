import type { Rule } from './rule';
import { localize } from '../i18n';
import { insideAny } from '../text/content';
import { asciiDigits } from '../text/numerals';
import { isDecimalPart, numberAt } from '../text/numberTokens';
import { tokensOf } from '../text/tokens';

// GB/T 15835-2011 (阿拉伯数字与汉字数字同时使用): only the magnitudes 万 and 亿 may be written in
// Chinese after Arabic digits (3.8万, 12亿); 4千户, 5百亿元, 1万6千人 mix the two systems and are
// written 4000户, 500亿元, 1.6万人. The 千 of a unit (千米, 千克, 千瓦) is a prefix, not a numeral,
// and 百分点 is a unit of its own.

const MULTIPLIERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** What may follow 千/百/十 after a number without it being a numeral. */
const UNIT_PREFIXED = /^(?:千(?:米|克|瓦|伏|帕|赫|焦|卡|兆|字节)|百分|百亿亿次|千万亿次|十亿亿次)/;

export const numberDigitMix: Rule = {
  meta: {
    id: 'number-digit-mix',
    category: 'numbers',
    description: {
      zh: '阿拉伯数字与“千”“百”“十”混用',
      en: 'Arabic digits mixed with the Chinese numerals 千, 百 or 十',
    },
    defaultSeverity: 'warning',
    fixable: false,
    safeFix: false,
    standard: { code: 'GB/T 15835-2011', section: { zh: '数字形式的使用：阿拉伯数字与汉字数字同时使用', en: 'Arabic and Chinese numerals used together' } },
    examples: [
      { wrong: '惠及4千户居民。', right: '惠及4000户居民。', source: 'catalogue' },
      { wrong: '私营企业由5千多户增加到1万6千多户。', right: '私营企业由5000多户增加到1.6万多户。', source: 'corpus' },
    ],
  },
  check({ analysis, lang, report }) {
    const { text } = analysis;
    for (const paragraph of tokensOf(analysis)) {
      if (paragraph.digits.length === 0) continue;
      const { tokens, digits, quoted } = paragraph;
      for (const i of digits) {
        if (isDecimalPart(tokens, i, text)) continue;
        const n = numberAt(tokens, i, text);
        const next = tokens[n.next];
        if (next?.kind !== 'han') continue;
        const numeral = text[next.start];
        if (!(numeral in MULTIPLIERS) || UNIT_PREFIXED.test(text.slice(next.start, next.start + 5))) continue;
        if (insideAny(quoted, n.start)) continue;
        const span = { start: n.start, end: next.start + 1 };
        // After 万 or 亿 (1万6千) the plain number is a fraction of the magnitude: no simple rewrite.
        const prev = tokens[i - 1];
        const compound = prev?.kind === 'han' && /[万亿]$/.test(text.slice(prev.start, prev.end));
        const value = Number(asciiDigits(n.text)) * MULTIPLIERS[numeral];
        const params = { written: text.slice(span.start, span.end), right: String(Math.round(value * 1e6) / 1e6) };
        report({
          span,
          message: compound || !Number.isFinite(value) ? localize(MESSAGES.plain, lang, params) : localize(MESSAGES.suggest, lang, params),
        });
      }
    }
  },
};

const MESSAGES = {
  plain: { zh: '“{written}”混用了阿拉伯数字和汉字数字', en: '“{written}” mixes Arabic digits with a Chinese numeral' },
  suggest: { zh: '“{written}”混用了阿拉伯数字和汉字数字，应写作“{right}”', en: '“{written}” mixes Arabic digits with a Chinese numeral; write “{right}”' },
};
