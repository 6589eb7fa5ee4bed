import type { Rule } from './rule';
import { replaceFix } from './rule';
import { localize } from '../i18n';
import { offsetsOf, tokensOf } from '../text/tokens';

// 顿号 (、) separates the items of a list. GB/T 15834-2011 §4.5.3.5: between items that each carry
// quotation marks or title marks no 顿号 is needed ("“上海标准”“上海品牌”", "《民法典》《刑法》"); it is
// kept only when something stands between them (a bracketed note after a title, for instance).

/** A closing mark, the 顿号, an opening mark: each a token of one character. */
const BETWEEN_QUOTES = /[”》’]、[“《‘]/g;

export const listCommaBetweenQuotes: Rule = {
  meta: {
    id: 'list-comma-between-quotes',
    category: 'punctuation',
    description: {
      zh: '并列的引号或书名号之间用了顿号',
      en: 'A 顿号 (、) between adjacent quoted or titled items',
    },
    defaultSeverity: 'info',
    fixable: true,
    safeFix: true,
    standard: { code: 'GB/T 15834-2011', clause: '4.5.3.5', section: { zh: '顿号：标有引号或书名号的并列成分之间', en: 'Enumeration comma between items in quotation or title marks' } },
    examples: [
      { wrong: '打响“上海标准”、“上海品牌”。', right: '打响“上海标准”“上海品牌”。', source: 'catalogue' },
      { wrong: '深入实施《民法典》、《安全生产法》。', right: '深入实施《民法典》《安全生产法》。' },
    ],
  },
  check({ analysis, lang, report }) {
    for (const paragraph of tokensOf(analysis)) {
      for (const at of offsetsOf(paragraph, BETWEEN_QUOTES)) {
        const span = { start: at + 1, end: at + 2 };
        report({
          span,
          message: localize(MESSAGES.message, lang),
          fixes: [replaceFix(localize(MESSAGES.fix, lang), span, '')],
        });
      }
    }
  },
};

const MESSAGES = {
  message: {
    zh: '标有引号或书名号的并列成分之间通常不用顿号',
    en: 'Items in quotation or title marks need no enumeration comma “、” between them',
  },
  fix: { zh: '删去顿号', en: 'Remove the “、”' },
};
