import type { Rule } from './rule';
import { replaceFix } from './rule';
import { localize } from '../i18n';
import { insideAny } from '../text/content';
import { numberAt } from '../text/numberTokens';
import { tokensOf } from '../text/tokens';
import { verbBeforeNumber } from '../text/verbBeforeNumber';

// 百分点 (percentage point): when a rate or a share itself moves, the change is the difference of two
// percentages and is written in 个百分点 — 城镇化率 from 65.0% to 66.2% 提高1.2个百分点, not 1.2%, which
// would mean a relative change of 1.2 per cent of 65%. A level reached (提高到66.2%) keeps its %.
// Ratios that are not percentages (劳动生产率, 资源产出率, 能耗强度) change by per cent as usual.

const RATE = /(?:率|比重|占比|比例|份额)$/;
const NOT_A_PERCENTAGE = /(?:生产率|产出率|效率|周转率)$/;
const CHANGE = /(?:提高|提升|下降|降低|增加|减少|上升|回落|下调|上调|回升|增长)$/;

export const rateChangePercentPoint: Rule = {
  meta: {
    id: 'rate-change-percent-point',
    category: 'targets',
    description: {
      zh: '比率或比重的变化用了“%”，应为“个百分点”',
      en: 'A change of a rate or share given in % instead of percentage points (个百分点)',
    },
    defaultSeverity: 'warning',
    fixable: true,
    safeFix: false,
    examples: [
      { wrong: '常住人口城镇化率提高1.2%。', right: '常住人口城镇化率提高1.2个百分点。', source: 'catalogue' },
      { wrong: '服务业增加值比重比上年提升约2%。', right: '服务业增加值比重比上年提升约2个百分点。' },
    ],
  },
  check({ analysis, lang, report }) {
    const { text } = analysis;
    for (const paragraph of tokensOf(analysis)) {
      if (paragraph.digits.length === 0) continue;
      const { tokens, digits, quoted } = paragraph;
      for (const i of digits) {
        if (i < 1) continue;
        const n = numberAt(tokens, i, text);
        const sign = tokens[n.next];
        if (sign?.kind !== 'mark' || (text[sign.start] !== '%' && text[sign.start] !== '％')) continue;
        const found = verbBeforeNumber(tokens, i, text, CHANGE);
        if (!found || !RATE.test(found.indicator) || NOT_A_PERCENTAGE.test(found.indicator) || insideAny(quoted, n.start)) continue;
        const span = { start: sign.start, end: sign.end };
        const indicator = found.indicator.slice(-8);
        report({
          span: { start: n.start, end: sign.end },
          message: localize(MESSAGES.message, lang, { indicator, value: n.text }),
          fixes: [replaceFix(localize(MESSAGES.fix, lang), span, '个百分点')],
        });
      }
    }
  },
};

const MESSAGES = {
  message: {
    zh: '“{indicator}”是比率，其变化应以百分点计：写作“{value}个百分点”',
    en: '“{indicator}” is a rate: its change is measured in percentage points (“{value}个百分点”)',
  },
  fix: { zh: '改为“个百分点”', en: 'Replace “%” with “个百分点”' },
};
