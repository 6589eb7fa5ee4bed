import type { Rule } from './rule';
import { localize } from '../i18n';
import { insideAny } from '../text/content';
import { offsetsOf, tokensOf } from '../text/tokens';
import type { Span } from '../types';

// 标号 that come in pairs (GB/T 15834-2011 §4.8 引号, §4.9 括号, §4.15 书名号): an opening mark
// with no closing one, or the reverse, within a paragraph. A quotation that runs over several
// paragraphs opens each of them with “ and closes only the last (§4.8), so an open “ at the end
// of a paragraph is left alone when the next paragraph opens with “ as well.

const CLOSE_OF: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '〈': '〉', '（': '）', '【': '】', '〔': '〕' };
const OPEN_OF: Record<string, string> = Object.fromEntries(Object.entries(CLOSE_OF).map(([o, c]) => [c, o]));
/** Every mark of a pair, for a native search: most marks of a paragraph pair with nothing. */
const PAIRED = new RegExp(`[${Object.entries(CLOSE_OF).flat().join('')}]`, 'g');

export const unpairedMark: Rule = {
  meta: {
    id: 'unpaired-mark',
    category: 'punctuation',
    description: {
      zh: '成对的标号不成对：“” ‘’ 《》 〈〉 （） 【】 〔〕',
      en: 'A paired mark without its partner: “” ‘’ 《》 〈〉 （） 【】 〔〕',
    },
    defaultSeverity: 'error',
    fixable: false,
    safeFix: false,
    standard: { code: 'GB/T 15834-2011', clause: '4.8, 4.9, 4.15', section: { zh: '引号、括号、书名号', en: 'Quotation marks, brackets, title marks' } },
    examples: [
      { wrong: '构建“平战结合、科学高效的公共卫生安全防控体系。', right: '构建“平战结合、科学高效”的公共卫生安全防控体系。', source: 'catalogue' },
      { wrong: '认真贯彻《中华人民共和国预算法，严格预算管理。', right: '认真贯彻《中华人民共和国预算法》，严格预算管理。' },
      { wrong: '出台科技创新条例）和配套政策。', right: '出台科技创新条例（草案）和配套政策。' },
    ],
  },
  check({ analysis, lang, report }) {
    const { text } = analysis;
    const paragraphs = tokensOf(analysis);
    // Pairs are matched across paragraph breaks too: scraped and typeset copies break lines inside
    // a title (《⏎公司法⏎》). An opener still open two paragraphs later is given up on.
    const stack: Array<Span & { paragraph: number }> = [];
    const unmatched: Span[] = [];
    paragraphs.forEach((paragraph, n) => {
      const { content } = paragraph;
      while (stack.length && stack[0].paragraph < n - MAX_PARAGRAPHS) unmatched.push(stack.shift()!);
      for (const at of offsetsOf(paragraph, PAIRED)) {
        // Each of these marks is one character.
        const c = text[at];
        if (insideAny(content.pageMarkers, at)) continue;
        if (c in CLOSE_OF) {
          stack.push({ start: at, end: at + 1, paragraph: n });
          continue;
        }
        const opener = OPEN_OF[c];
        if (!opener) continue;
        // ’ as an apostrophe: 中国’99, China’s.
        if (c === '’' && /[A-Za-z0-9]/.test(text[at + 1] ?? '')) continue;
        // Close the nearest matching opener; openers above it were never closed.
        let k = stack.length - 1;
        while (k >= 0 && text[stack[k].start] !== opener) k--;
        if (k < 0) {
          unmatched.push({ start: at, end: at + 1 });
          continue;
        }
        const above = stack.splice(k);
        above.shift();
        unmatched.push(...above);
      }
      // “ left open where the next paragraph opens with “ again: a quotation of several paragraphs.
      const nextOpensQuote = text[paragraphs[n + 1]?.content.start ?? -1] === '“';
      if (nextOpensQuote) for (let k = stack.length - 1; k >= 0; k--) if (stack[k].paragraph === n && text[stack[k].start] === '“') stack.splice(k, 1);
    });
    unmatched.push(...stack);
    for (const s of unmatched.sort((a, b) => a.start - b.start)) {
      const mark = text[s.start];
      const opening = mark in CLOSE_OF;
      report({
        span: { start: s.start, end: s.end },
        message: opening
          ? localize(MESSAGES.noClose, lang, { mark, partner: CLOSE_OF[mark] })
          : localize(MESSAGES.noOpen, lang, { mark, partner: OPEN_OF[mark] }),
      });
    }
  },
};

/** How many paragraph breaks a pair may span. */
const MAX_PARAGRAPHS = 2;

const MESSAGES = {
  noClose: { zh: '“{mark}”没有对应的“{partner}”', en: '“{mark}” has no closing “{partner}”' },
  noOpen: { zh: '“{mark}”前面没有对应的“{partner}”', en: '“{mark}” has no opening “{partner}”' },
};
