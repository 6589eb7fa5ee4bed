import type { Rule } from './rule';
import { replaceFix } from './rule';
import { localize } from '../i18n';
import { tokensOf, type Token } from '../text/tokens';

// Chinese is written without spaces between words: a space inside a word ("生 态环保") is left over
// from line wrapping or a typeset copy, and a space between a number and its Chinese unit or date word
// ("100 个县", "2026 年") is a habit of Western typography. Spaces around Latin words are left to
// the writer, and the title of a report set in spaced characters (政 府 工 作 报 告) is not content.

/** Date words that follow a number like a unit does. */
const DATE_WORDS = /^[年月日号]/;

export const spaceInChinese: Rule = {
  meta: {
    id: 'space-in-chinese',
    category: 'numbers',
    description: {
      zh: '中文之间、数字与中文单位之间有空格',
      en: 'A space inside Chinese text or between a number and a Chinese unit',
    },
    defaultSeverity: 'warning',
    fixable: true,
    safeFix: true,
    examples: [
      { wrong: '狠抓中央和省生 态环保督察反馈问题整改。', right: '狠抓中央和省生态环保督察反馈问题整改。', source: 'seeds' },
      { wrong: '新建改造100 个县的县级医院。', right: '新建改造100个县的县级医院。', source: 'catalogue' },
      { wrong: '到 2027 年基本建成。', right: '到2027年基本建成。' },
    ],
  },
  check({ analysis, lang, report }) {
    const { text, lexicon } = analysis;
    const startsWithUnit = (t: Token) => DATE_WORDS.test(text[t.start]) || lexicon.units.longestAt(text, t.start) !== null || lexicon.magnitudes.longestAt(text, t.start) !== null;
    for (const paragraph of tokensOf(analysis)) {
      if (paragraph.spaces.length === 0) continue;
      const { content, tokens, spaces } = paragraph;
      for (const i of spaces) {
        if (i < 1 || i + 1 >= tokens.length) continue;
        const t = tokens[i];
        const before = tokens[i - 1];
        const after = tokens[i + 1];
        // "一 总体要求": the space is the ordinal's mark, which heading-ordinal-punctuation reports.
        if (content.ordinals.some((o) => o.end === t.start)) continue;
        const between =
          (before.kind === 'han' && after.kind === 'han') ||
          (before.kind === 'han' && after.kind === 'digit' && tokens[i + 2]?.kind !== 'latin') ||
          (before.kind === 'digit' && after.kind === 'han' && startsWithUnit(after));
        if (!between) continue;
        const span = { start: t.start, end: t.end };
        report({
          span,
          message: localize(before.kind === 'digit' ? MESSAGES.unit : MESSAGES.text, lang),
          fixes: [replaceFix(localize(MESSAGES.fix, lang), span, '')],
        });
      }
    }
  },
};

const MESSAGES = {
  text: { zh: '中文之间不应有空格', en: 'No space belongs inside Chinese text' },
  unit: { zh: '数字与单位之间不应有空格', en: 'No space belongs between a number and its unit' },
  fix: { zh: '删去空格', en: 'Remove the space' },
};
