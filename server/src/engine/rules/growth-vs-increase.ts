import type { Rule } from './rule';
import { replaceFix } from './rule';
import { localize } from '../i18n';
import { insideAny } from '../text/content';
import { numberAt } from '../text/numberTokens';
import { tokensOf } from '../text/tokens';
import { verbBeforeNumber } from '../text/verbBeforeNumber';

// In statistical writing 增长 takes a rate (增长5.5%, 增长1倍) and 增加 an amount (增加3.8万亿元): "增长3.8万亿
// 元" mixes the two. A level reached is neither (增长到3.8万亿元 is left alone).

const RELATIVE_UNITS = /^(?:%|％|‰|倍|成|个百分点|百分点)/;
const GROWTH = /增长$/;

export const growthVsIncrease: Rule = {
  meta: {
    id: 'growth-vs-increase',
    category: 'targets',
    description: {
      zh: '“增长”后接绝对量，应用“增加”',
      en: '增长 (growth) followed by an absolute amount instead of 增加 (increase)',
    },
    defaultSeverity: 'info',
    fixable: true,
    safeFix: false,
    examples: [
      { wrong: '一般公共预算收入增长3.8万亿元。', right: '一般公共预算收入增加3.8万亿元。', source: 'catalogue' },
      { wrong: '城镇新增就业比上年增长20万人。', right: '城镇新增就业比上年增加20万人。' },
    ],
  },
  check({ analysis, lang, report }) {
    const { text, lexicon } = analysis;
    for (const paragraph of tokensOf(analysis)) {
      if (paragraph.digits.length === 0) continue;
      const { tokens, digits, quoted } = paragraph;
      for (const i of digits) {
        if (i < 1) continue;
        const found = verbBeforeNumber(tokens, i, text, GROWTH);
        if (!found) continue;
        const n = numberAt(tokens, i, text);
        const after = tokens[n.next];
        if (!after || insideAny(quoted, n.start)) continue;
        const rest = text.slice(after.start, after.start + 6);
        if (RELATIVE_UNITS.test(rest)) continue;
        // An amount: a unit, or a magnitude and a unit (3.8万亿元, 20万人).
        const magnitude = lexicon.magnitudes.longestAt(rest, 0) ?? '';
        const unit = lexicon.units.longestAt(rest, magnitude.length);
        if (!unit || RELATIVE_UNITS.test(unit)) continue;
        const span = { start: found.start, end: found.end };
        report({
          span,
          message: localize(MESSAGES.message, lang, { amount: n.text + magnitude + unit }),
          fixes: [replaceFix(localize(MESSAGES.fix, lang), span, '增加')],
        });
      }
    }
  },
};

const MESSAGES = {
  message: { zh: '“增长”用于百分比或倍数，绝对量“{amount}”应用“增加”', en: '“增长” takes a rate; for the amount “{amount}” use “增加”' },
  fix: { zh: '改为“增加”', en: 'Replace with “增加”' },
};
